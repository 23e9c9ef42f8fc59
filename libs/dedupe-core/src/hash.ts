/** Small, fast, deterministic 32-bit hashes for fingerprints. Not cryptographic. */

// Bound once: a global looked up in a hot loop is slow where the global object is intercepted
// (a Node vm context, as the unit tests run in), and these run once per character.
const imul = Math.imul;

/** FNV-1a over the UTF-16 code units of a string, with a seed. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  return hash32Range(text, 0, text.length, seed);
}

/** `hash32(text.slice(start, end))`, without making the slice. */
export function hash32Range(text: string, start: number, end: number, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** MurmurHash3's finaliser: spreads every input bit over the output. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 64-bit key as a signed decimal string (a PostgreSQL bigint). */
export function key64(text: string): string {
  const hi = hash32(text, 0x811c9dc5);
  const lo = hash32(text, 0x2f6b9a1d);
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)).toString();
}

/** A short hex digest of a text (paragraph and lede hashes). */
export function hex64(text: string): string {
  return hash32(text, 0x811c9dc5).toString(16).padStart(8, '0') + hash32(text, 0x2f6b9a1d).toString(16).padStart(8, '0');
}

/** mulberry32: a seeded PRNG, for MinHash seeds and for deterministic test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
