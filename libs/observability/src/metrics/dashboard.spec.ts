import { readFileSync } from 'node:fs';
import path from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { METRIC_FAMILIES } from './metric-families';

const INFRA = path.resolve(__dirname, '../../../../infra');

interface Panel {
  title: string;
  type: string;
  datasource: { type: string; uid: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets: { expr: string; refId: string }[];
}

/** Label names every series has from the scrape or the histogram, besides a family's own. */
const SCRAPE_LABELS = ['job', 'instance', 'le'];

/** The families the code registers, with their labels: Copydesk's own and prom-client's process metrics. */
function registeredFamilies(): Map<string, { type: string; labels: string[] }> {
  const families = new Map<string, { type: string; labels: string[] }>(METRIC_FAMILIES.map((f) => [f.name, { type: f.type, labels: [...f.labels] }]));
  const defaults = new Registry();
  collectDefaultMetrics({ register: defaults });
  for (const m of defaults.getMetricsAsArray()) {
    const { name, type, labelNames } = m as unknown as { name: string; type: string; labelNames?: string[] };
    families.set(name, { type, labels: labelNames ?? [] });
  }
  return families;
}

/** The family a series name of a query belongs to (a histogram's `_bucket`, `_sum` and `_count` are its own). */
function familyOf(series: string, families: Map<string, { type: string }>): string | undefined {
  if (families.has(series)) return series;
  const base = series.replace(/_(bucket|sum|count)$/, '');
  return families.get(base)?.type === 'histogram' ? base : undefined;
}

describe('the Grafana dashboard (infra/grafana/dashboards/copydesk.json)', () => {
  const dashboard = JSON.parse(readFileSync(path.join(INFRA, 'grafana/dashboards/copydesk.json'), 'utf8')) as { uid: string; title: string; panels: Panel[] };
  const families = registeredFamilies();

  it('is a dashboard of panels on the provisioned Prometheus datasource, none overlapping', () => {
    expect(dashboard.uid).toBeTruthy();
    expect(dashboard.panels.length).toBeGreaterThan(0);
    const datasource = readFileSync(path.join(INFRA, 'grafana/provisioning/datasources/prometheus.yml'), 'utf8');
    const uid = /^\s*uid:\s*(\S+)/m.exec(datasource)?.[1];
    const cells = new Set<string>();
    for (const p of dashboard.panels) {
      expect(p.datasource).toEqual({ type: 'prometheus', uid });
      expect(p.targets.length).toBeGreaterThan(0);
      for (let x = p.gridPos.x; x < p.gridPos.x + p.gridPos.w; x++) {
        for (let y = p.gridPos.y; y < p.gridPos.y + p.gridPos.h; y++) {
          expect(cells.has(`${x},${y}`) ? `${p.title} overlaps at ${x},${y}` : '').toBe('');
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  it('queries only metric families the code registers, and only their labels', () => {
    const problems: string[] = [];
    for (const p of dashboard.panels) {
      for (const { expr } of p.targets) {
        const series = [...expr.matchAll(/\b((?:copydesk|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]);
        if (series.length === 0) problems.push(`${p.title}: no metric in ${expr}`);
        const labels = new Set(SCRAPE_LABELS);
        for (const s of series) {
          const family = familyOf(s, families);
          if (!family) problems.push(`${p.title}: ${s} is not a registered family`);
          else families.get(family)!.labels.forEach((l) => labels.add(l));
        }
        for (const [, list] of expr.matchAll(/\bby\s*\(([^)]*)\)/g)) {
          for (const label of list.split(',').map((l) => l.trim())) if (!labels.has(label)) problems.push(`${p.title}: no label ${label} in ${expr}`);
        }
        for (const [, label] of expr.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) if (!labels.has(label)) problems.push(`${p.title}: legend names ${label}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has the panels operators look at first', () => {
    const queried = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n');
    for (const family of [
      'copydesk_consumer_messages_total',
      'copydesk_consumer_lag_messages',
      'copydesk_consumer_handler_duration_seconds_bucket',
      'copydesk_consumer_dead_letters_total',
      'copydesk_outbox_depth',
      'copydesk_ingest_refused_total',
      'copydesk_dedupe_outcomes_total',
      'copydesk_http_request_duration_seconds_bucket',
      'process_resident_memory_bytes',
    ]) {
      expect(queried).toContain(family);
    }
  });
});

describe('the Prometheus scrape configuration (infra/prometheus/prometheus.yml)', () => {
  it('scrapes every service by its compose name and default port, one job each', () => {
    const config = readFileSync(path.join(INFRA, 'prometheus/prometheus.yml'), 'utf8');
    const jobs = [...config.matchAll(/job_name:\s*(\S+)[\s\S]*?targets:\s*\['([^']+)'\]/g)].map((m) => [m[1], m[2]]);
    expect(jobs).toEqual([
      ['ingest', 'ingest:8081'],
      ['normalise', 'normalise:8082'],
      ['dedupe', 'dedupe:8083'],
      ['publish', 'publish:8084'],
      ['console', 'console:8080'],
    ]);
  });
});
