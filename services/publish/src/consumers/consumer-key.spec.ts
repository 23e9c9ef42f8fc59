import { generateConsumerKey, hashConsumerKey, looksLikeConsumerKey } from './consumer-key';

describe('consumer keys', () => {
  it('carry 256 random bits, are recognisable, and hash deterministically', () => {
    const a = generateConsumerKey();
    const b = generateConsumerKey();
    expect(a).not.toEqual(b);
    expect(Buffer.from(a.slice(4), 'base64url')).toHaveLength(32);
    expect(looksLikeConsumerKey(a)).toBe(true);
    expect(looksLikeConsumerKey('cdk_' + a.slice(4))).toBe(false);
    expect(looksLikeConsumerKey('Bearer nonsense')).toBe(false);
    expect(looksLikeConsumerKey(`${a}\n`)).toBe(false);
    expect(hashConsumerKey(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashConsumerKey(a)).toEqual(hashConsumerKey(a));
    expect(hashConsumerKey(a)).not.toEqual(hashConsumerKey(b));
  });
});
