import { contentHash } from '../hash/content-hash';
import { createCanonicalItem } from './canonical-item.factory';

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
