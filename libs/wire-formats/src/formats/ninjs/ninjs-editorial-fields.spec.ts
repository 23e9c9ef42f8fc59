import { parseWire } from '../../parse';
import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe('ninjs editorial metadata', () => {
  it("reads Superdesk's ninjs 1.x: note, places, genres, authors with their roles, usage terms", () => {
    const [item] = parseSuperdeskFile('ninjs/ninjs1.json');
    expect(item.edNote).toBe('ed note');
    expect(item.places).toEqual([{ code: 'NSW', name: 'NSW' }]);
    expect(item.genres).toEqual([{ code: 'Article', name: 'Article (news)' }]);
    expect(item.authors).toEqual([{ name: 'John', role: 'writer' }]);
    expect(item.usageTerms).toBe('Usage');
  });

  it("reads a picture's renditions by name with size and point of interest, and its body text as alt text", () => {
    const [item] = parseSuperdeskFile('ninjs/ninjs5.json');
    const picture = item.media[0];
    expect(picture.altText).toBe('Oil markets something');
    expect(picture.renditions?.map((rendition) => rendition.name)).toEqual(['original', 'baseImage']);
    expect(picture.renditions?.[1]).toMatchObject({ mimeType: 'image/jpeg', width: 1400, height: 921, poi: { x: 854, y: 478 } });
  });

  it('reads ninjs 3.x: edNote, people with their relation, places, genres, usageTerms, expires, a rendition list', () => {
    const document = {
      uri: 'http://example.com/items/1',
      headlines: [{ role: 'main', value: 'A story' }],
      edNote: 'Check the figures',
      usageTerms: 'No archive',
      expires: '2030-01-02T03:04:05Z',
      people: [{ name: 'Ann Lee', rel: 'author', uri: 'http://example.com/staff/ann' }, { rel: 'subject' }],
      places: [{ name: 'Oslo', literal: 'oslo' }],
      genres: [{ name: 'Interview', uri: 'http://cv.iptc.org/newscodes/genre/Interview' }],
      associations: [
        {
          name: 'picture1',
          uri: 'http://example.com/pictures/1',
          type: 'picture',
          renditions: [{ name: 'thumbnail', href: 'http://example.com/t.jpg', contentType: 'image/jpeg', width: 150, height: 100, sizeInBytes: -1 }],
        },
      ],
    };
    const [item] = parseWire({
      body: Buffer.from(JSON.stringify(document)),
      contentType: 'application/json',
      capturedAt: new Date('2026-01-01T00:00:00Z'),
    }).items;
    expect(item.edNote).toBe('Check the figures');
    expect(item.usageTerms).toBe('No archive');
    expect(item.expires).toBe('2030-01-02T03:04:05.000Z');
    expect(item.authors).toEqual([{ name: 'Ann Lee', role: 'author', uri: 'http://example.com/staff/ann' }]);
    expect(item.places).toEqual([{ code: 'oslo', name: 'Oslo' }]);
    expect(item.genres).toEqual([{ code: 'http://cv.iptc.org/newscodes/genre/Interview', name: 'Interview' }]);
    expect(item.media[0].renditions).toEqual([{ name: 'thumbnail', href: 'http://example.com/t.jpg', mimeType: 'image/jpeg', width: 150, height: 100 }]);
  });
});
