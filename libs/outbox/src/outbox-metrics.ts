import { Logger } from '@nestjs/common';
import { counter, gauge, MetricFamilies } from '@copydesk/observability';

/** What the scrape reads of an outbox. */
export interface OutboxStats {
  readonly name: string;
  stats(): Promise<{ depth: number; oldestAgeSeconds: number }>;
}

const logger = new Logger('OutboxMetrics');
const sent = counter(MetricFamilies.outboxSent);
const watched = new Set<OutboxStats>();

/**
 * One statement per outbox per scrape, shared by both gauges: the registry collects its gauges
 * together, so the second gauge of a scrape finds the first one's reading, which is kept for a
 * second. A database that does not answer leaves the outbox out of that scrape (its readiness
 * says why) rather than failing the whole exposition.
 */
const READING_KEPT_MS = 1000;
let reading: { at: number; values: Promise<Map<string, { depth: number; oldestAgeSeconds: number }>> } | undefined;

function read(): Promise<Map<string, { depth: number; oldestAgeSeconds: number }>> {
  const now = Date.now();
  if (reading && now - reading.at < READING_KEPT_MS) return reading.values;
  const values = (async () => {
    const out = new Map<string, { depth: number; oldestAgeSeconds: number }>();
    for (const outbox of watched) {
      try {
        out.set(outbox.name, await outbox.stats());
      } catch (e) {
        logger.warn({ msg: 'cannot read the outbox for metrics', outbox: outbox.name, error: e instanceof Error ? e.message : String(e) });
      }
    }
    return out;
  })();
  reading = { at: now, values };
  return values;
}

gauge(MetricFamilies.outboxDepth, async (g) => {
  const values = await read();
  g.reset();
  for (const [outbox, v] of values) g.set({ outbox }, v.depth);
});
gauge(MetricFamilies.outboxOldestAge, async (g) => {
  const values = await read();
  g.reset();
  for (const [outbox, v] of values) g.set({ outbox }, v.oldestAgeSeconds);
});

/** Reports the outbox's depth and oldest age from now on; returns the function that stops it. */
export function watchOutbox(outbox: OutboxStats): () => void {
  watched.add(outbox);
  reading = undefined;
  return () => {
    watched.delete(outbox);
    reading = undefined;
  };
}

/** `count` records of the outbox were acknowledged and deleted. */
export function outboxSent(outbox: string, count: number): void {
  sent.inc({ outbox }, count);
}
