import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe('NewsML-G2 of the Superdesk corpus', () => {
  it('reads the creator as the byline of an item without <by> (LISTING_1)', () => {
    const [item] = parseSuperdeskFile('newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml');
    expect(item.byline).toBe('Meredith Jameson');
  });

  it('keeps a creator that is a handle out of the byline (dpa)', () => {
    expect(parseSuperdeskFile('newsml-g2/dpa.xml')[0].byline).toBeUndefined();
  });

  describe('BusinessDesk (scoop.xml)', () => {
    const [item] = parseSuperdeskFile('newsml-g2/scoop.xml');

    it('reads its local times in New Zealand time and its creation time from the guid', () => {
      expect(item.versionCreated).toBe('2016-01-11T23:35:40.000Z');
      expect(item.firstCreated).toBe('2016-01-11T23:35:40.000Z');
    });

    it('takes the byline paragraph over the placeholder byline, and the agency dateline off the lead', () => {
      expect(item.byline).toBe('Jonathan Underhill');
      expect(item.dateline).toBe('Jan. 12');
      expect(item.body[0]).toEqual({
        kind: 'paragraph',
        text: expect.stringMatching(/^The receivers of Dick Smith Holdings have appointed retailing veteran Don Grover/),
      });
    });
  });

  it('keeps the STT body as it opens: notice, crosshead, first paragraph (stt_newsml_test.xml)', () => {
    const [item] = parseSuperdeskFile('newsml-g2/stt_newsml_test.xml');
    expect(item.body.slice(0, 3)).toEqual([
      { kind: 'paragraph', text: '*** DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION FROM FINNISH ***' },
      { kind: 'crosshead', text: 'Also the unemployment law went through' },
      { kind: 'paragraph', text: expect.stringMatching(/^The Parliament has approved the Alcohol Act 124-65\./) },
    ]);
  });
});

describe('an STT item without a headline (stt_newsml_test_no_hl.xml)', () => {
  it("is titled by its first paragraph, whole: Superdesk's 100 characters of running text end mid-word", () => {
    // Superdesk cuts the body text at 100 characters ("…Also the unemployment law went th"); a headline
    // that joins a notice to a crosshead and breaks off inside a word is no headline a desk would print.
    const [item] = parseSuperdeskFile('newsml-g2/stt_newsml_test_no_hl.xml');
    expect(item.headline).toBe('*** DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION FROM FINNISH ***');
  });
});
