import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key';

describe('api keys', () => {
  it('are unique, recognisable and hash deterministically', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a).not.toEqual(b);
    expect(looksLikeApiKey(a)).toBe(true);
    expect(looksLikeApiKey('Bearer nonsense')).toBe(false);
    expect(hashApiKey(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(a)).toEqual(hashApiKey(a));
    expect(hashApiKey(a)).not.toEqual(hashApiKey(b));
  });
});
