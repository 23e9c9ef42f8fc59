import { SourceKeyCache } from './source-key-cache';

const reuters = { id: 'source-1', name: 'Reuters desk' };
const afp = { id: 'source-2', name: 'AFP desk' };

describe('SourceKeyCache', () => {
  it('is bounded, and lets the least recently used key go first instead of dropping everything', () => {
    const cache = new SourceKeyCache({ maxEntries: 2, ttlMs: 60_000 });
    cache.set('hash-a', reuters);
    cache.set('hash-b', afp);
    expect(cache.get('hash-a')).toEqual(reuters);
    cache.set('hash-c', afp);
    expect(cache.size).toBe(2);
    expect(cache.get('hash-a')).toEqual(reuters);
    expect(cache.get('hash-b')).toBeUndefined();
    expect(cache.get('hash-c')).toEqual(afp);
  });

  it('drops every key of a source by its id, and nothing else', () => {
    const cache = new SourceKeyCache({ maxEntries: 10, ttlMs: 60_000 });
    cache.set('old-key', reuters);
    cache.set('new-key', reuters);
    cache.set('other', afp);
    cache.evictSource(reuters.id);
    expect([cache.get('old-key'), cache.get('new-key'), cache.get('other')]).toEqual([undefined, undefined, afp]);
  });
});
