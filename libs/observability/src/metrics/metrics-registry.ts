import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { MetricFamily } from './metric-families';

/**
 * The process's one registry: what `/metrics` exposes. Metric handles are made once per
 * process and shared (several apps run in one process in the integration specs), so asking
 * for a family twice returns the same handle.
 */
export const metricsRegistry = new Registry();

/** Computes a gauge's values when it is scraped, not on the hot path. Must not throw. */
export type GaugeCollect<L extends string> = (gauge: Gauge<L>) => void | Promise<void>;

function existing<T>(f: MetricFamily, kind: new (...args: never[]) => T): T | undefined {
  const found = metricsRegistry.getSingleMetric(f.name);
  if (found === undefined) return undefined;
  if (!(found instanceof kind)) throw new Error(`metric ${f.name} is already registered as another type`);
  return found;
}

function check(f: MetricFamily, type: MetricFamily['type']): void {
  if (f.type !== type) throw new Error(`metric ${f.name} is a ${f.type}, not a ${type}`);
}

/** A counter; with `collect`, called when it is scraped (to hand over counts kept elsewhere; the first caller's is kept). */
export function counter<L extends string>(f: MetricFamily<L>, collect?: () => void): Counter<L> {
  check(f, 'counter');
  return (
    existing(f, Counter<L>) ??
    new Counter<L>({ name: f.name, help: f.help, labelNames: f.labels, registers: [metricsRegistry], ...(collect ? { collect: () => collect() } : {}) })
  );
}

export function histogram<L extends string>(f: MetricFamily<L>): Histogram<L> {
  check(f, 'histogram');
  return (
    existing(f, Histogram<L>) ??
    new Histogram<L>({ name: f.name, help: f.help, labelNames: f.labels, buckets: [...(f.buckets ?? [])], registers: [metricsRegistry] })
  );
}

/** A gauge; with `collect`, its values are computed at scrape time (the first caller's `collect` is the one kept). */
export function gauge<L extends string>(f: MetricFamily<L>, collect?: GaugeCollect<L>): Gauge<L> {
  check(f, 'gauge');
  const found = existing(f, Gauge<L>);
  if (found) return found;
  return new Gauge<L>({
    name: f.name,
    help: f.help,
    labelNames: f.labels,
    registers: [metricsRegistry],
    ...(collect
      ? {
          collect: function (this: Gauge<L>) {
            return collect(this);
          },
        }
      : {}),
  });
}

let processMetrics = false;

/** prom-client's process and Node.js metrics (`process_resident_memory_bytes`, event loop lag, GC...), once per process. */
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

/** The text exposition format (`text/plain; version=0.0.4`) of everything registered. */
export async function metricsExposition(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

/** Seconds since `startMs` (a `performance.now()` reading): a number, no timer object per observation. */
export function secondsSince(startMs: number): number {
  return (performance.now() - startMs) / 1000;
}
