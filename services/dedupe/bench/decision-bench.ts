import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { loadConfig } from '@copydesk/config';
import { NormalisedItemMessage } from '@copydesk/contracts';
import { KafkaConnection, TopicTailReader } from '@copydesk/kafka';
import { SqlOutboxStore } from '@copydesk/outbox';
import { DedupeConfig } from '../src/config/dedupe.config';
import { createDedupeDataSource, DEDUPE_SCHEMA } from '../src/database/dedupe-data-source';
import { DedupeRepository } from '../src/stories/dedupe.repository';
import { DedupeService } from '../src/stories/dedupe.service';

/** The relay is not part of the decision: the bench leaves the outbox to fill. */
// The service only writes to its outbox here; no relay runs, so the tail reader never connects.
const tail = new TopicTailReader(new KafkaConnection({ brokers: ['127.0.0.1:9092'], clientId: 'dedupe-outbox-writer' }));

/**
 * Decides every item of a JSON file (an array of `{ message, now }`) through the real
 * DedupeService on the database of DATABASE_URL and prints one JSON line. Without a batch
 * size, one transaction an item: the time per decision. With one (`decision-bench FILE 200`),
 * consecutive items `processBatch` at a time, as the consumer hands them over: decisions per
 * second. Driven by tests/bench/dedupe-bench.ts.
 * It sits in the dedupe project but outside src/, so it is never part of the service's build:
 * it runs the service's classes in-process, and only the service's own files may import them.
 */
async function main(file: string, batchSize: number): Promise<void> {
  Logger.overrideLogger(['error']);
  const config = loadConfig(DedupeConfig);
  const dataSource = createDedupeDataSource(config.DATABASE_URL);
  await dataSource.initialize();
  try {
    const service = new DedupeService(dataSource, new DedupeRepository(), config, new SqlOutboxStore(dataSource, DEDUPE_SCHEMA, tail));
    const items = JSON.parse(readFileSync(file, 'utf8')) as { message: NormalisedItemMessage; now: string }[];
    if (batchSize > 0) {
      process.stdout.write(JSON.stringify(await inBatches(service, items, batchSize)) + '\n');
      return;
    }
    const warmup = Math.min(20, Math.floor(items.length / 10));
    const times: number[] = [];
    const outcomes: Record<string, number> = {};
    for (const [i, { message, now }] of items.entries()) {
      const started = process.hrtime.bigint();
      const outcome = await service.process(message, new Date(now));
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (i >= warmup) times.push(ms);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    process.stdout.write(
      JSON.stringify({ measured: times.length, warmup, meanMs: mean, medianMs: at(0.5), p95Ms: at(0.95), maxMs: times[times.length - 1], outcomes }) + '\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The items `size` at a time, each batch decided at the arrival of its last item (the
 * consumer takes a batch once it has arrived). The first batch warms up and is not counted.
 */
async function inBatches(service: DedupeService, items: { message: NormalisedItemMessage; now: string }[], size: number) {
  const outcomes: Record<string, number> = {};
  let measured = 0;
  let ns = 0n;
  for (let at = 0; at < items.length; at += size) {
    const batch = items.slice(at, at + size);
    const started = process.hrtime.bigint();
    const decided = await service.processBatch(
      batch.map((x) => x.message),
      new Date(batch[batch.length - 1].now),
    );
    if (at > 0) {
      ns += process.hrtime.bigint() - started;
      measured += batch.length;
    }
    for (const o of decided) outcomes[o] = (outcomes[o] ?? 0) + 1;
  }
  const seconds = Number(ns) / 1e9;
  return { measured, batchSize: size, seconds, perSecond: measured / seconds, outcomes };
}

main(process.argv[2], Number(process.argv[3] ?? 0)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
