/** Texts up to this long (headlines and ledes of fingerprints) keep their trigrams for the next comparison. */
const CACHED_TEXT = 1_000;
const CACHE_ENTRIES = 512;
// One item is compared with every candidate's fingerprints, each comparison reading the same
// headline and lede again: their trigrams are made once. Cleared when full; nothing else is kept.
const cache = new Map<string, ReadonlySet<string>>();

/** pg_trgm's trigrams: each word padded with two spaces before and one after. */
export function trigrams(text: string): ReadonlySet<string> {
  const cached = cache.get(text);
  if (cached) return cached;
  const out = new Set<string>();
  for (const w of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!w) continue;
    const padded = `  ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  if (text.length <= CACHED_TEXT) {
    if (cache.size >= CACHE_ENTRIES) cache.clear();
    cache.set(text, out);
  }
  return out;
}
