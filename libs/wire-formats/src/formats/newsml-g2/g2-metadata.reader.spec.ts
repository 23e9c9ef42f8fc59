import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe('NewsML-G2 editorial metadata', () => {
  it('reads the note, genre, creator with its URI and the usage terms of the specification example', () => {
    const [item] = parseSuperdeskFile('newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml');
    expect(item.edNote).toBe('Note to editors: STRICTLY EMBARGOED. Not for public release until 12noon on Friday, October 23, 2016.');
    expect(item.genres).toEqual([{ code: 'interview', scheme: 'genre', name: 'Interview' }]);
    expect(item.authors).toEqual([{ name: 'Meredith Jameson', uri: 'http://www.example.com/staff/mjameson' }]);
    expect(item.usageTerms).toBe('Not for use outside the United States');
  });

  it('reads dpa: ranked keywords, the creator (not the contributor), the first usage terms, each place once', () => {
    const [item] = parseSuperdeskFile('newsml-g2/dpa.xml');
    expect(item.keywords).toEqual(['Champions League', 'Frankfurt', 'London']);
    expect(item.authors).toEqual([{ name: 'degenhardt.sandra', uri: 'dpa-ad:degenhardt.sandra' }]);
    expect(item.usageTerms).toBe('Nutzung nur nach schriftlicher Vereinbarung mit dpa');
    const keys = (item.places ?? []).map((place) => `${place.scheme}:${place.code}`);
    expect(keys).toContain('dpacountry:1');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reads a Reuters picture: the place subject and its broader place, every rendition with its size and file id', () => {
    const [item] = parseSuperdeskFile('newsml-g2/picture.xml');
    expect(item.places).toEqual([{ name: 'NAIROBI' }, { code: 'KEN', scheme: 'N2', name: 'Kenya' }]);
    const renditions = item.media[0].renditions ?? [];
    expect(renditions.map((rendition) => rendition.name)).toEqual(['baseImage', 'thumbnail', 'viewImage']);
    expect(renditions[0]).toMatchObject({
      mimeType: 'image/jpeg',
      width: 3500,
      height: 2284,
      sizeInBytes: 772617,
      residRef: 'tag:reuters.com,0000:binary_GM1E9341HD701-BASEIMAGE',
    });
  });

  it("names STT's places from their asserts and leaves its version marker out of the genres", () => {
    const [item] = parseSuperdeskFile('newsml-g2/stt_newsml_location_test.xml');
    expect(item.places).toEqual([
      { code: '7576', scheme: 'sttlocationalias', name: 'Tallinna' },
      { code: '8975', scheme: 'sttlocationalias', name: 'Suomi' },
    ]);
    expect(item.genres).toEqual([{ code: '1', scheme: 'sttgenre', name: 'Pääjuttu' }]);
  });

  it("keeps STT's public note and leaves its private one out", () => {
    const [item] = parseSuperdeskFile('newsml-g2/stt_newsml_note_test.xml');
    expect(item.edNote).toMatch(/^Korjattu aiempaa uutista/);
    expect(item.edNote).not.toContain('väliotsikon');
  });
});
