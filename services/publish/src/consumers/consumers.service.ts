import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { randomUUID } from 'node:crypto';
import { PublishConfig } from '../config/publish.config';
import { PublishError, PublishErrorCode } from '../errors/publish-error';
import { Consumer, ConsumerRecord, NewConsumer } from './consumer';
import { generateConsumerKey, hashConsumerKey, looksLikeConsumerKey } from './consumer-key';
import { ConsumersRepository } from './consumers.repository';

/** How many successful key look-ups are kept at most. */
const CACHE_ENTRIES = 10_000;

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u;

@Injectable()
export class ConsumersService {
  /**
   * Key hash → consumer, for a few seconds (PUBLISH_KEY_CACHE_TTL_MS), so a busy reader does not
   * cost a query per request and a disabled key stops working soon. Only successful look-ups are
   * kept: a key added a moment ago works at once, and unknown keys cannot fill the cache.
   */
  private readonly cache: LRUCache<string, Consumer> | undefined;

  constructor(
    private readonly consumers: ConsumersRepository,
    config: PublishConfig,
  ) {
    const ttl = config.PUBLISH_KEY_CACHE_TTL_MS;
    this.cache = ttl > 0 ? new LRUCache<string, Consumer>({ max: CACHE_ENTRIES, ttl, ttlAutopurge: false }) : undefined;
  }

  /** Registers a consumer and hands out its key, once: only the key's hash is stored. */
  async register(name: string, options: { allStatuses?: boolean } = {}): Promise<NewConsumer> {
    const trimmed = name.trim();
    if (!NAME.test(trimmed)) {
      throw new PublishError(400, PublishErrorCode.InvalidConsumerName, 'a consumer name is 1-100 letters, digits, spaces, dots, dashes or underscores');
    }
    const apiKey = generateConsumerKey();
    const consumer: Consumer = { id: randomUUID(), name: trimmed, allStatuses: options.allStatuses ?? false };
    if (!(await this.consumers.insert(consumer, hashConsumerKey(apiKey)))) {
      throw new PublishError(409, PublishErrorCode.ConsumerExists, `a consumer named "${trimmed}" already exists`);
    }
    return { ...consumer, apiKey };
  }

  /** The enabled consumer a key belongs to, or null. */
  async authenticate(apiKey: string): Promise<Consumer | null> {
    if (!looksLikeConsumerKey(apiKey)) return null;
    const hash = hashConsumerKey(apiKey);
    const cached = this.cache?.get(hash);
    if (cached) return cached;
    const found = await this.consumers.findActiveByKeyHash(hash);
    if (found) this.cache?.set(hash, found);
    return found;
  }

  list(): Promise<ConsumerRecord[]> {
    return this.consumers.list();
  }

  /** Disables a consumer by name or id; its key stops working within PUBLISH_KEY_CACHE_TTL_MS. */
  async disable(nameOrId: string): Promise<ConsumerRecord> {
    const disabled = await this.consumers.disable(nameOrId.trim());
    if (!disabled) throw new PublishError(404, PublishErrorCode.ConsumerNotFound, `no consumer named or numbered "${nameOrId.trim()}"`);
    return disabled;
  }
}
