import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MatchEvidence, MessageContext, NormalisedItemMessage } from '@copydesk/contracts';
import { decide, Decision, fingerprint, fingerprintKeys, indexScope, isKill, linkedGuids, TextFingerprint } from '@copydesk/dedupe-core';
import { lockKeyOf } from '@copydesk/database';
import { InfrastructureError } from '@copydesk/kafka';
import { inSpan, SpanKind } from '@copydesk/observability';
import { Outbox } from '@copydesk/outbox';
import { DedupeConfig } from '../config/dedupe.config';
import { BatchPlan } from './batch-plan';
import { countOutcomes } from './dedupe-metrics';
import { DedupeRepository, KeyHit } from './dedupe.repository';

export type Outcome = Decision['outcome'] | 'already-decided';

interface Item {
  /** Where the item stands in the batch. */
  at: number;
  msg: NormalisedItemMessage;
  fp: TextFingerprint;
  /** What its version is indexed under. */
  keys: string[];
  /** What it looks its candidates up by (see `lookupKeys`). */
  lookup: string[];
}

@Injectable()
export class DedupeService {
  private readonly logger = new Logger(DedupeService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: DedupeRepository,
    private readonly config: DedupeConfig,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Decides for one item in one transaction: the decision, the version and the outgoing
   * message are written together, and the item id is recorded, so a redelivered item is
   * recognised and never makes a second version.
   */
  async process(msg: NormalisedItemMessage, now: Date = new Date(), context: MessageContext = {}): Promise<Outcome> {
    const [outcome] = await this.processBatch([msg], now, [context]);
    return outcome;
  }

  /**
   * Decides for consecutive items of one partition in one transaction, in order (a later
   * item sees what an earlier one decided), so a burst costs one commit and one wake-up of the outbox relay.
   * `contexts[i]` is the trace context of `messages[i]`; its story version carries it on.
   * The batch is read with a fixed number of statements, decided in memory item after item,
   * and written with another fixed number: its size costs rows, not round trips.
   */
  async processBatch(messages: NormalisedItemMessage[], now: Date = new Date(), contexts: readonly MessageContext[] = []): Promise<Outcome[]> {
    const evidence: (MatchEvidence | undefined)[] = [];
    const outcomes = await inTransactionSpan(messages.length, () => this.transaction(messages, now, contexts, evidence));
    countOutcomes(outcomes, evidence);
    messages.forEach((msg, i) => this.logger.log({ msg: 'item decided', itemId: msg.itemId, outcome: outcomes[i] }));
    return outcomes;
  }

  /** Decides the batch in one transaction; `evidence[i]` gets what matched for `messages[i]`. */
  private transaction(
    messages: NormalisedItemMessage[],
    now: Date,
    contexts: readonly MessageContext[],
    evidence: (MatchEvidence | undefined)[],
  ): Promise<Outcome[]> {
    return this.dataSource.transaction(async (m) => {
      // One source's items are decided one at a time, also across instances during a
      // rebalance; locks are taken in one order so two transactions cannot deadlock.
      const locks = [...new Set(messages.map((msg) => lockKeyOf(`source:${msg.sourceId}`)))].sort((a, b) => a - b);
      // One statement for them all: PostgreSQL calls a volatile function of the select list
      // after ORDER BY, so they are taken in that order. The same statement turns JIT
      // compilation off for the transaction: the candidate lookup, thousands of index probes
      // that take milliseconds, is estimated dear enough to be compiled first, every batch.
      await m.query(`SELECT set_config('jit', 'off', true), pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k ORDER BY k`, [locks]);
      const decided = await this.repo.decidedAmong(m, [...new Set(messages.map((msg) => msg.itemId))]);
      // An item delivered twice within the batch is decided once, as the first of them.
      const seen = new Set<string>();
      const items: Item[] = messages.flatMap((msg, at) => {
        if (decided.has(msg.itemId) || seen.has(msg.itemId)) return [];
        seen.add(msg.itemId);
        const fp = fingerprint(msg.item);
        const { index, lookup } = fingerprintKeys(fp, indexScope(msg.sourceId, msg.item.language), isKill(msg.item));
        return [{ at, msg, fp, keys: index, lookup }];
      });
      const { plan, stored } = await this.read(m, items, now);
      const result: Outcome[] = messages.map(() => 'already-decided');
      items.forEach(({ at, msg, fp, keys, lookup }, n) => {
        const decision = decide(msg.item, fp, plan.candidatesFor(msg, lookup, stored[n]));
        plan.apply(msg, fp, keys, decision, contexts[at] ?? {});
        result[at] = decision.outcome;
        evidence[at] = decision.match;
      });
      await this.write(m, plan);
      return result;
    });
  }

  /**
   * What the batch needs of the database, read before anything is decided: who holds the
   * items' wire ids (and the ids their links name, which they may register), the stories
   * sharing keys with each item that has no wire id (within the window), and those stories.
   */
  private async read(m: EntityManager, items: Item[], now: Date): Promise<{ plan: BatchPlan; stored: KeyHit[][] }> {
    const ids = new Map<string, { sourceId: string; guid: string }>();
    for (const { msg } of items) {
      for (const guid of [...(msg.item.wire.guid ? [msg.item.wire.guid] : []), ...linkedGuids(msg.item)]) {
        ids.set(`${msg.sourceId}\u0000${guid}`, { sourceId: msg.sourceId, guid });
      }
    }
    const held = await this.repo.wireIdHolders(m, [...ids.values()]);
    const since = new Date(now.getTime() - this.config.DEDUPE_WINDOW_HOURS * 3600_000);
    const stored = await this.repo.storiesByKeys(
      m,
      items.map(({ msg, lookup }) => (msg.item.wire.guid ? [] : lookup)),
      since,
      now,
    );
    const storyIds = new Set([...held.map((h) => h.storyId), ...stored.flat().map((h) => h.storyId)]);
    return { plan: new BatchPlan(await this.repo.loadStories(m, [...storyIds]), held, now), stored };
  }

  /**
   * Locks the stored stories the batch changes before writing. Every writer of a story holds
   * its source's lock, so they cannot have moved since they were read; should one have all the
   * same, the batch is given up and decided again rather than numbering a version twice.
   */
  private async write(m: EntityManager, plan: BatchPlan): Promise<void> {
    const changed = plan.storedChanged();
    const latest = await this.repo.lockStories(m, changed.sort());
    for (const id of changed) {
      if (latest.get(id) !== plan.readVersions.get(id)) {
        throw new InfrastructureError('story-moved', `story ${id} changed while the batch was decided; the batch is decided again`);
      }
    }
    await this.repo.write(m, plan.rows());
    await this.outbox.enqueue(m, plan.messages);
  }
}

/** The batch's transaction as a span (a child of the batch's span, when traced). */
function inTransactionSpan<T>(items: number, work: () => Promise<T>): Promise<T> {
  return inSpan('transaction dedupe', { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'messaging.batch.message_count': items } }, work);
}
