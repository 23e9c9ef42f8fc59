import { LRUCache } from 'lru-cache';
import type { Source } from './sources.service';

export interface SourceKeyCacheOptions {
  /** Most keys kept; the least recently used goes first. */
  maxEntries: number;
  /** Longest a key is trusted without asking the database again: the safety net behind notifications. */
  ttlMs: number;
  /** The clock the time limit is measured by, in ms (a monotonic one by default). */
  now?: () => number;
}

/**
 * Key hash → source, for keys that were found: a busy source costs no query per request. An
 * unknown key is never kept (a flood of made-up keys cannot push the real ones out, and a key
 * registered a moment ago works at once). A disabled or rotated source is dropped by its id.
 */
export class SourceKeyCache {
  private readonly cache: LRUCache<string, Source>;

  constructor(options: SourceKeyCacheOptions) {
    this.cache = new LRUCache<string, Source>({
      max: options.maxEntries,
      ttl: options.ttlMs,
      ttlAutopurge: false,
      updateAgeOnGet: false,
      // lru-cache keeps a reading of its clock for ttlResolution ms: none with a clock of its own.
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    });
  }

  get(keyHash: string): Source | undefined {
    return this.cache.get(keyHash);
  }

  set(keyHash: string, source: Source): void {
    this.cache.set(keyHash, source);
  }

  /** Drops every key of the source. */
  evictSource(sourceId: string): void {
    for (const [hash, source] of this.cache.entries()) if (source.id === sourceId) this.cache.delete(hash);
  }

  clear(): void {
    this.cache.clear();
  }

  get size(): number {
    return this.cache.size;
  }
}
