import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApiError } from '@copydesk/observability';
import { IngestErrorCode } from '../wire/ingest-error-code';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key';
import { SourceKeyCache, SourceKeyCacheOptions } from './source-key-cache';
import { SourcesRepository } from './sources.repository';

export interface Source {
  id: string;
  name: string;
}

export interface NewSource extends Source {
  apiKey: string;
}

export interface SourceListing extends Source {
  createdAt: string;
  disabledAt: string | null;
}

/**
 * A disabled or rotated key stops working on every running instance at once (a NOTIFY from the
 * transaction that made the change); were that notification lost, within `ttlMs` (60 s,
 * INGEST_SOURCE_CACHE_TTL_SECONDS), after which the key is looked up again.
 */
export const DEFAULT_SOURCE_CACHE: SourceKeyCacheOptions = { maxEntries: 10_000, ttlMs: 60_000 };

@Injectable()
export class SourcesService {
  private readonly logger = new Logger(SourcesService.name);
  private readonly cache: SourceKeyCache;

  constructor(
    private readonly sources: SourcesRepository,
    cache: SourceKeyCacheOptions = DEFAULT_SOURCE_CACHE,
  ) {
    this.cache = new SourceKeyCache(cache);
  }

  async register(name: string): Promise<NewSource> {
    const trimmed = name.trim();
    if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u.test(trimmed)) {
      throw new ApiError(400, IngestErrorCode.InvalidSourceName, 'a source name is 1-100 letters, digits, spaces, dots, dashes or underscores');
    }
    if (await this.sources.findByName(trimmed)) {
      throw new ApiError(409, IngestErrorCode.SourceExists, `a source named "${trimmed}" already exists`);
    }
    const apiKey = generateApiKey();
    const saved = await this.sources.insert({ id: randomUUID(), name: trimmed, apiKeyHash: hashApiKey(apiKey) });
    return { id: saved.id, name: saved.name, apiKey };
  }

  /**
   * The source an API key belongs to, or null. Found keys are cached (bounded, least recently
   * used first, for a short time); unknown ones never are. A database failure is a 503.
   */
  async authenticate(apiKey: string): Promise<Source | null> {
    if (!looksLikeApiKey(apiKey)) return null;
    const hash = hashApiKey(apiKey);
    const cached = this.cache.get(hash);
    if (cached) return cached;
    let found;
    try {
      found = await this.sources.findActiveByKeyHash(hash);
    } catch (e) {
      this.logger.error({ msg: 'database unavailable for a key look-up', error: (e as Error).message });
      throw new ApiError(503, IngestErrorCode.DatabaseUnavailable, 'the API key cannot be checked now; retry shortly', [], { 'Retry-After': '2' });
    }
    if (!found) return null;
    const source = { id: found.id, name: found.name };
    this.cache.set(hash, source);
    return source;
  }

  /** Drops what is cached of a source that was disabled or got a new key. */
  forget(sourceId: string): void {
    this.cache.evictSource(sourceId);
  }

  /** Drops every cached key (after notifications may have been missed). */
  forgetAll(): void {
    this.cache.clear();
  }

  async list(): Promise<SourceListing[]> {
    return (await this.sources.list()).map((s) => ({
      id: s.id,
      name: s.name,
      createdAt: s.createdAt.toISOString(),
      disabledAt: s.disabledAt ? s.disabledAt.toISOString() : null,
    }));
  }

  /** Disables a source by name or id: its key stops working on every running ingest within a moment. */
  async disable(ref: string): Promise<SourceListing> {
    const disabled = await this.sources.disable(ref.trim());
    if (!disabled) throw notFound(ref);
    return { id: disabled.id, name: disabled.name, createdAt: disabled.createdAt.toISOString(), disabledAt: (disabled.disabledAt as Date).toISOString() };
  }

  /** Gives a source, by name or id, a new key, shown once; the old key stops working. */
  async rotate(ref: string): Promise<NewSource> {
    const apiKey = generateApiKey();
    const rotated = await this.sources.replaceKey(ref.trim(), hashApiKey(apiKey));
    if (!rotated) throw notFound(ref);
    return { id: rotated.id, name: rotated.name, apiKey };
  }
}

function notFound(ref: string): ApiError {
  return new ApiError(404, IngestErrorCode.SourceNotFound, `no source is named "${ref.slice(0, 100)}" or has that id`);
}
