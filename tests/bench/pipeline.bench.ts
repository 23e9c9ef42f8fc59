/**
 * Pipeline benchmark: posts distinct scraped pages to ingest with several requests in flight
 * and measures how fast they are accepted and how fast their stories come out of publish as
 * story.published.v1 events. Runs the four services as processes against the broker and
 * database of KAFKA_BROKERS and DATABASE_URL (tools/bench-pipeline.sh sets both up).
 *
 *   npm run bench:pipeline            # 200 pages (1,200 stories), 16 in flight
 *   PAGES=500 CONCURRENCY=32 npm run bench:pipeline
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Header, Topic } from '@copydesk/contracts';
import { KafkaConnection } from '@copydesk/kafka';
import { TopicReader } from '@copydesk/kafka/testing';
import { brokers, SHARED } from '../support/env';
import { addSource, startServices } from '../support/service-processes';

const PAGES = Number(process.env.PAGES ?? 200);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const sample = readFileSync(path.join(SHARED, 'corpus/seed/000_3dd1195f19a70900.txt'), 'utf8');
const STORIES_PER_PAGE = 6;

const FURNITURE = /^(Update |Updated |Short Url$|Follow$|\s*•)/;

/** A seeded shuffle of a line's words: the same line always shuffles the same way on one page. */
function shuffleWords(line: string, seed: number): string {
  const words = line.split(' ');
  let h = seed;
  for (const ch of line) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  for (let i = words.length - 1; i > 0; i--) {
    h = (Math.imul(h, 1103515245) + 12345) | 0;
    const j = Math.abs(h) % (i + 1);
    [words[i], words[j]] = [words[j], words[i]];
  }
  return words.join(' ');
}

/**
 * The sample page's layout with every headline and paragraph reworded for page `n`
 * (its words shuffled), so each page brings six stories that match nothing seen before.
 */
function page(n: number): string {
  return sample
    .split('\n')
    .map((line) => (line.trim() === '' || FURNITURE.test(line) ? line : `${shuffleWords(line, n + 1)} ${n}`))
    .join('\n');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const stack = await startServices('bench-pipeline', 18481);
  const source = addSource(`bench-${Date.now()}`);
  const reader = await new TopicReader(new KafkaConnection({ brokers: brokers(), clientId: 'bench' }), Topic.StoryPublished).start();
  const bodies = Array.from({ length: PAGES }, (_, i) => Buffer.from(page(i), 'utf8'));
  const latencies: number[] = [];
  let next = 0;
  const started = Date.now();
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < PAGES) {
          const body = bodies[next++];
          const t0 = performance.now();
          const res = await fetch(`${stack.urls.ingest}/v1/wire`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${source.apiKey}`, 'Content-Type': 'text/plain', 'X-Captured-At': '2025-03-21T10:00:00Z' },
            body,
          });
          await res.arrayBuffer();
          if (res.status !== 202) throw new Error(`ingest answered ${res.status}`);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const accepted = Date.now();
    const expected = PAGES * STORIES_PER_PAGE;
    await reader.waitFor((m) => m.headers[Header.SourceId] === source.id, expected, 600_000);
    const done = Date.now();
    latencies.sort((a, b) => a - b);
    const mb = bodies.reduce((n, b) => n + b.length, 0) / 1e6;
    const acceptS = (accepted - started) / 1000;
    const totalS = (done - started) / 1000;
    console.log(`pipeline benchmark: ${PAGES} pages (${mb.toFixed(1)} MB, ${expected} stories), ${CONCURRENCY} requests in flight`);
    console.log(
      `  ingest: ${(PAGES / acceptS).toFixed(0)} pages/s, ${(mb / acceptS).toFixed(2)} MB/s; latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );
    console.log(`  end to end: all ${expected} stories published after ${totalS.toFixed(1)} s: ${(expected / totalS).toFixed(0)} stories/s`);
  } finally {
    await reader.stop();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
