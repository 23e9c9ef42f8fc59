import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe('ninjs of the Superdesk corpus', () => {
  it("keeps an association's headline as its picture's title, apart from the story's headline (ninjs2.json)", () => {
    const [item] = parseSuperdeskFile('ninjs/ninjs2.json');
    expect(item.headline).toBe('Oil prices edge up on first drop in US drilling in months');
    expect(item.media).toEqual([expect.objectContaining({ kind: 'picture', title: 'Financial Markets' })]);
  });

  it('reads the title of a picture in a list of associations (bbc-ninjs-comp-test.json)', () => {
    const [item] = parseSuperdeskFile('ninjs/bbc-ninjs-comp-test.json');
    expect(item.headline).toBe('abcdef');
    expect(item.media).toEqual([expect.objectContaining({ kind: 'picture', title: 'logo-footer.png', caption: 'abc' })]);
  });

  it('identifies a document without a guid by its uri, as it stands (ninjsExSimpleText1.json)', () => {
    // Superdesk rewrites an http uri into its own URN ("urn:ninjs.example.com:newsitems:20130709simp123");
    // the uri is the document's identifier in ninjs, and a feed that later sends the same uri must meet
    // the same guid, so it is kept as sent.
    const [item] = parseSuperdeskFile('ninjs/ninjsExSimpleText1.json');
    expect(item.wire.guid).toBe('http://ninjs.example.com/newsitems/20130709simp123');
  });
});
