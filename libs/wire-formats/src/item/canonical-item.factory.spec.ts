import { contentHash } from '../hash/content-hash';
import { createCanonicalItem, MAX_WIRE_ID_BYTES, wireId } from './canonical-item.factory';

describe('createCanonicalItem', () => {
  it('fills defaults and the content hash, leaving out undefined fields', () => {
    const item = createCanonicalItem({ format: 'plain-text', headline: 'Flash', dateline: undefined });
    expect(item).toEqual({
      format: 'plain-text',
      wire: {},
      headline: 'Flash',
      summary: [],
      body: [],
      media: [],
      subjects: [],
      pubStatus: 'usable',
      signals: [],
      contentHash: contentHash({ headline: 'Flash', summary: [], body: [], media: [] }),
    });
    expect('dateline' in item).toBe(false);
  });
});

describe('createCanonicalItem on unstorable values', () => {
  it('takes NULs out of every string, ids and values included', () => {
    const item = createCanonicalItem({
      format: 'ninjs',
      headline: 'Storm\u0000 hits',
      wire: { guid: 'urn:\u0000x', slug: 'a\u0000b', links: [{ rel: 'irel:previousVersion', guid: 'urn:\u0000y' }] },
      body: [{ kind: 'paragraph', text: 'One\u0000.' }],
      media: [{ kind: 'picture', caption: '\u0000Cap', href: 'https://x/\u0000a.jpg' }],
      subjects: [{ name: 'N\u0000' }],
      versionCreated: '2025-01-01T00:00:00Z\u0000',
    });
    expect(JSON.stringify(item)).not.toContain('\\u0000');
    expect(item).toMatchObject({ headline: 'Storm hits', wire: { guid: 'urn:x', slug: 'ab', links: [{ guid: 'urn:y' }] }, body: [{ text: 'One.' }] });
  });

  it('makes lone surrogates in ids and values U+FFFD, and keeps pairs', () => {
    const item = createCanonicalItem({ format: 'ninjs', headline: 'h', wire: { guid: 'urn:\ud800x' }, subjects: [{ code: '\udc00', name: '\ud83d\ude00' }] });
    expect(item.wire.guid).toBe('urn:\ufffdx');
    expect(item.subjects).toEqual([{ code: '\ufffd', name: '\ud83d\ude00' }]);
  });

  it('keys a wire id too long to index by its digest, the same way wherever it appears', () => {
    const long = `https://feed.example.com/item?${'p=1&'.repeat(600)}`;
    const other = `${long}x`;
    const item = createCanonicalItem({ format: 'rss', headline: 'h', wire: { guid: long, links: [{ rel: 'irel:previousVersion', guid: other }] } });
    expect(item.wire.guid).toBe(wireId(long));
    expect(item.wire.guid).toMatch(/^urn:copydesk:long-wire-id:sha256:[0-9a-f]{64}$/);
    expect(item.wire.links?.[0].guid).toBe(wireId(other));
    expect(wireId(other)).not.toBe(wireId(long));
    expect(wireId(long)).toBe(wireId(`${long}`));
    expect(createCanonicalItem({ format: 'rss', headline: 'h', wire: { guid: 'urn:short' } }).wire.guid).toBe('urn:short');
  });

  it('measures the limit in UTF-8 bytes, as the index does', () => {
    expect(wireId('a'.repeat(MAX_WIRE_ID_BYTES))).toBe('a'.repeat(MAX_WIRE_ID_BYTES));
    expect(wireId('a'.repeat(MAX_WIRE_ID_BYTES + 1))).not.toBe('a'.repeat(MAX_WIRE_ID_BYTES + 1));
    expect(wireId('\u4e2d'.repeat(666))).toBe('\u4e2d'.repeat(666));
    expect(wireId('\u4e2d'.repeat(667))).toMatch(/^urn:copydesk:long-wire-id:sha256:/);
  });
});
