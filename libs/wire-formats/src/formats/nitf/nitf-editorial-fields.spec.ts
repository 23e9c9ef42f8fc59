import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe('NITF editorial metadata', () => {
  it("reads the editors' message, the keywords, the event's city as a place and the expiry time", () => {
    const [item] = parseSuperdeskFile('nitf/nitf-fishing.xml');
    expect(item.edNote).toBe('Today begins an expanded format of this popular column.');
    expect(item.keywords).toEqual(['fishing', 'lures', 'tides']);
    expect(item.places).toEqual([{ name: 'Norfolk' }]);
    expect(item.expires).toBe('2012-02-26T14:30:00.000Z');
  });

  it('leaves out an empty message, keywords written as text (not NITF) and an expiry that is no date', () => {
    const [item] = parseSuperdeskFile('nitf/handle_invalid_fields.xml');
    expect(item.edNote).toBeUndefined();
    expect(item.keywords).toBeUndefined();
    expect(item.expires).toBeUndefined();
  });

  it('makes no place of an event location without a city', () => {
    const [item] = parseSuperdeskFile('nitf/nitf-ntb.xml');
    expect(item.places).toBeUndefined();
    expect(item.edNote).toMatch(/^Dette stoffet distribuerer NTB/);
  });
});
