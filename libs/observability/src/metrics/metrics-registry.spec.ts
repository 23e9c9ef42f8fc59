import { readFileSync } from 'node:fs';
import path from 'node:path';
import { METRIC_FAMILIES, MetricFamilies, MetricFamily } from './metric-families';
import { counter, gauge, histogram, metricsExposition, metricsRegistry } from './metrics-registry';

describe('the metric families', () => {
  it('follow the Prometheus conventions: copydesk_ prefix, counters in _total, durations as _seconds histograms, unique names', () => {
    const names = METRIC_FAMILIES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of METRIC_FAMILIES) {
      expect(f.name).toMatch(/^copydesk_[a-z_]+$/);
      expect(f.name.endsWith('_total')).toBe(f.type === 'counter');
      if (f.name.includes('duration')) expect([f.type, f.name.endsWith('_seconds')]).toEqual(['histogram', true]);
      if (f.type === 'histogram') expect(f.buckets?.length).toBeGreaterThan(0);
    }
  });

  it('are all listed, with their labels, in the README section "Metrics"', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
    const section = readme.split(/^## /m).find((s) => s.startsWith('Metrics\n')) ?? '';
    const rows = new Map([...section.matchAll(/^\| `([a-z_]+)`\s*\| (\w+)\s*\| ([^|]*)\|/gm)].map((m) => [m[1], { type: m[2], labels: m[3] }]));
    expect([...rows.keys()].sort()).toEqual(METRIC_FAMILIES.map((f) => f.name).sort());
    for (const f of METRIC_FAMILIES) {
      const row = rows.get(f.name)!;
      expect([f.name, row.type, [...row.labels.matchAll(/`(\w+)`/g)].map((m) => m[1])]).toEqual([f.name, f.type, [...f.labels]]);
    }
  });

  it('never label by story id, message key or raw URL', () => {
    const labels = new Set(METRIC_FAMILIES.flatMap((f) => f.labels));
    for (const banned of ['story', 'storyId', 'key', 'url', 'path', 'itemId', 'submissionId']) expect(labels.has(banned)).toBe(false);
  });
});

describe('the registry', () => {
  const probe: MetricFamily<'kind'> = { name: 'copydesk_registry_probe_total', help: 'A probe of the registry spec.', type: 'counter', labels: ['kind'] };

  it('hands out one handle per family, however often it is asked for, and refuses a family of another type', () => {
    const first = counter(probe);
    expect(counter(probe)).toBe(first);
    expect(() => gauge({ ...probe, type: 'gauge' })).toThrow(/already registered as another type/);
    expect(() => histogram(probe)).toThrow(/is a counter, not a histogram/);
  });

  it('writes the text exposition, version 0.0.4, with what was counted', async () => {
    counter(probe).inc({ kind: 'a' }, 2);
    const sizes = histogram(MetricFamilies.consumerBatchMessages);
    sizes.observe({ group: 'g', topic: 't' }, 7);
    const { contentType, body } = await metricsExposition();
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(body).toContain('# TYPE copydesk_registry_probe_total counter');
    expect(body).toContain('copydesk_registry_probe_total{kind="a"} 2');
    expect(body).toContain('copydesk_consumer_batch_messages_bucket{le="5",group="g",topic="t"} 0');
    expect(body).toContain('copydesk_consumer_batch_messages_bucket{le="10",group="g",topic="t"} 1');
    metricsRegistry.removeSingleMetric(probe.name);
  });

  it('computes a scrape-time gauge when scraped', async () => {
    let reads = 0;
    const family: MetricFamily<'outbox'> = { name: 'copydesk_registry_probe_depth', help: 'A probe.', type: 'gauge', labels: ['outbox'] };
    gauge(family, (g) => {
      reads++;
      g.set({ outbox: 'x' }, 40 + reads);
    });
    expect(reads).toBe(0);
    expect((await metricsExposition()).body).toContain('copydesk_registry_probe_depth{outbox="x"} 41');
    expect((await metricsExposition()).body).toContain('copydesk_registry_probe_depth{outbox="x"} 42');
    metricsRegistry.removeSingleMetric(family.name);
  });
});
