import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe('AP Media editorial metadata', () => {
  it('reads a text item: keywords, usage terms, places with their AP codes', () => {
    const [item] = parseSuperdeskFile('ap/ap_media_text_item.json');
    expect(item.keywords).toEqual(['BBN--Top Ten']);
    expect(item.usageTerms).toBe('This content is intended for editorial use only. For other uses, additional clearances may be required.');
    expect(item.places?.[0]).toEqual({ code: '06ddc2e0834110048585df092526b43e', name: 'San Diego', scheme: 'http://cv.ap.org/id/' });
  });

  it('reads a picture: the note, the photographer as an author, every rendition by name with its size', () => {
    const [item] = parseSuperdeskFile('ap/ap_media_picture.json');
    expect(item.edNote).toBe('092218124137, 21334631,');
    expect(item.authors).toEqual([{ name: 'John Doe', role: 'photographer' }]);
    const renditions = item.media[0].renditions ?? [];
    expect(renditions.map((rendition) => rendition.name)).toEqual(expect.arrayContaining(['main', 'preview', 'thumbnail']));
    expect(renditions.find((rendition) => rendition.name === 'main')).toMatchObject({
      mimeType: 'image/jpeg',
      width: 3500,
      height: 2592,
      sizeInBytes: 4359966,
    });
  });
});
