import { contentHash, ContentHashInput } from './content-hash';

const base: ContentHashInput = {
  headline: 'Japan\u2019s Kishida visits Seoul',
  summary: ['One', 'Two'],
  dateline: 'SEOUL',
  body: [
    { kind: 'paragraph', text: 'First.' },
    { kind: 'crosshead', text: 'NEXT' },
  ],
  media: [{ kind: 'picture', caption: 'A picture.', credit: 'Reuters' }],
};

describe('contentHash', () => {
  it('is a hex SHA-256', () => {
    expect(contentHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores NFC and whitespace differences', () => {
    expect(contentHash({ ...base, headline: ' Japan\u2019s\u00a0Kishida  visits Seoul ' })).toBe(contentHash(base));
    expect(contentHash({ ...base, body: [{ kind: 'paragraph', text: 'Cafe\u0301.' }] })).toBe(
      contentHash({ ...base, body: [{ kind: 'paragraph', text: 'Caf\u00e9.' }] }),
    );
  });

  it('ignores fields that are not text', () => {
    const withTimes = { ...base, sourceUpdated: { at: '2025-03-21T09:59:56.000Z', precision: 'second' }, format: 'text-page' };
    expect(contentHash(withTimes as ContentHashInput)).toBe(contentHash(base));
  });

  it('changes with every text part', () => {
    const hashes = new Set([
      contentHash(base),
      contentHash({ ...base, headline: 'Other' }),
      contentHash({ ...base, summary: ['One'] }),
      contentHash({ ...base, summary: ['One Two'] }),
      contentHash({ ...base, dateline: undefined }),
      contentHash({ ...base, byline: 'By A. Writer' }),
      contentHash({ ...base, body: [{ kind: 'paragraph', text: 'NEXT' }] }),
      contentHash({ ...base, media: [{ kind: 'picture', caption: 'A picture.' }] }),
      contentHash({ ...base, media: [] }),
    ]);
    expect(hashes.size).toBe(9);
  });
});
