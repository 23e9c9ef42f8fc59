import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApiError } from '@copydesk/observability';
import { IngestErrorCode } from '../wire/ingest-error-code';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key';
import { SourcesRepository } from './sources.repository';

export interface Source {
  id: string;
  name: string;
}

export interface NewSource extends Source {
  apiKey: string;
}

const CACHE_TTL_MS = 10_000;

@Injectable()
export class SourcesService {
  /** Key hash → source, briefly, so a busy source does not cost a query per request. */
  private readonly cache = new Map<string, { source: Source | null; until: number }>();

  constructor(private readonly sources: SourcesRepository) {}

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

  /** The source an API key belongs to, or null. */
  async authenticate(apiKey: string): Promise<Source | null> {
    if (!looksLikeApiKey(apiKey)) return null;
    const hash = hashApiKey(apiKey);
    const cached = this.cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.source;
    const found = await this.sources.findActiveByKeyHash(hash);
    const source = found ? { id: found.id, name: found.name } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { source, until: Date.now() + CACHE_TTL_MS });
    return source;
  }

  async list(): Promise<Source[]> {
    return (await this.sources.list()).map((s) => ({ id: s.id, name: s.name }));
  }
}
