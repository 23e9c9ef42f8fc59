/**
 * Hot-path benchmark of ingest and publish, each alone as a process from the build output,
 * against the broker and database of KAFKA_BROKERS and DATABASE_URL (set up by `copydesk setup`).
 *
 *   node -r ./tools/register-paths.js tests/bench/ingest.bench.ts ingest    # POST /v1/wire under load
 *   node -r ./tools/register-paths.js tests/bench/ingest.bench.ts publish   # story.versions.v1 → story.published.v1
 *
 * ingest: one-story pages of 2 KB, each with its own Idempotency-Key, CONCURRENCY (32) in flight
 * for SECONDS (15) after a warm-up; prints pages/s and the p50/p99 of the 202.
 * publish: VERSIONS (6,000) story versions, two a story, produced at once; prints versions/s
 * from the first produce to the last event seen on story.published.v1.
 * PROFILE=1 runs the service under `--cpu-prof` and prints the functions with the most self time.
 * Ports: BENCH_PORT (39300) for the service.
 *
 * Run with Node's type stripping: only type imports from the project's sources; its compiled
 * libraries are loaded from dist/ at run time (`tools/register-paths.js`).
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Contracts from '@copydesk/contracts';
import type * as Kafka from '@copydesk/kafka';

const ROOT = process.cwd();
const load = createRequire(path.join(ROOT, 'package.json'));
const contracts = load('@copydesk/contracts') as typeof Contracts;
const kafka = load('@copydesk/kafka') as typeof Kafka;

const MODE = process.argv[2] ?? 'ingest';
const PORT = Number(process.env.BENCH_PORT ?? 39300);
const PROFILE = process.env.PROFILE === '1';
const PROFILE_DIR = path.join(ROOT, 'tmp', 'profiles', MODE);
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** CPU time (user + system) the process has used so far, in ms: a figure the other load on a shared machine moves less than throughput. */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function startService(service: 'ingest' | 'publish', env: Record<string, string>): ChildProcess {
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  mkdirSync(PROFILE_DIR, { recursive: true });
  const flags = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  return spawn(process.execPath, [...flags, '-r', path.join(ROOT, 'tools/register-paths.js'), path.join(ROOT, `dist/services/${service}/src/main.js`)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function ready(url: string): Promise<void> {
  const end = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`${url} did not become ready`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The functions with the most self time in the profile the service wrote at exit. */
function printProfile(top = 25): void {
  const file = readdirSync(PROFILE_DIR).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return console.log('  (no profile written)');
  const profile = JSON.parse(readFileSync(path.join(PROFILE_DIR, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = (byNode.get(id) as ProfileNode).callFrame;
    const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${frame.lineNumber + 1}` : '';
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`  profile (${path.join(PROFILE_DIR, file)}), self time:`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
}

function addSource(): { id: string; apiKey: string } {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/copydesk'), ['sources', 'add', `bench-${randomUUID().slice(0, 8)}`], {
    env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`copydesk sources add failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim()) as { id: string; apiKey: string };
}

/** A one-story page of about 2 KB, told apart by `n`. */
function onePage(n: number): Buffer {
  const seed = path.resolve(ROOT, '..', 'shared', 'corpus', 'seed', '000_3dd1195f19a70900.txt');
  const text = existsSync(seed) ? readFileSync(seed, 'utf8').slice(0, 2000) : 'KOBLENZ: The river fell overnight. '.repeat(57);
  return Buffer.from(`${text}\n${n}\n`, 'utf8');
}

async function benchIngest(): Promise<void> {
  const concurrency = Number(process.env.CONCURRENCY ?? 32);
  const seconds = Number(process.env.SECONDS ?? 15);
  const warmupMs = Number(process.env.WARMUP_SECONDS ?? 3) * 1000;
  const source = addSource();
  const child = startService('ingest', {
    INGEST_PORT: String(PORT),
    INGEST_SOURCE_RATE_PER_MINUTE: '10000000',
    INGEST_SOURCE_BURST: '1000000',
    INGEST_MAX_CONCURRENT_REQUESTS: String(Math.max(32, concurrency)),
  });
  const url = `http://127.0.0.1:${PORT}`;
  try {
    await ready(url);
    const latencies: number[] = [];
    let sent = 0;
    let failed = 0;
    const started = performance.now();
    const measureFrom = started + warmupMs;
    const end = measureFrom + seconds * 1000;
    let cpuFrom = NaN;
    setTimeout(() => (cpuFrom = cpuMs(child.pid)), warmupMs);
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          const body = onePage(sent++);
          const t0 = performance.now();
          const res = await fetch(`${url}/v1/wire`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${source.apiKey}`, 'Content-Type': 'text/plain; charset=utf-8', 'Idempotency-Key': randomUUID() },
            body,
          });
          await res.arrayBuffer();
          if (res.status !== 202) failed++;
          else if (t0 >= measureFrom) latencies.push(performance.now() - t0);
        }
      }),
    );
    const cpu = cpuMs(child.pid) - cpuFrom;
    latencies.sort((a, b) => a - b);
    console.log(`ingest: ${concurrency} in flight, ${seconds} s after ${warmupMs / 1000} s of warm-up, ${failed} not 202`);
    console.log(
      `  ${(latencies.length / seconds).toFixed(0)} pages/s; 202 after p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms; ingest CPU ${(cpu / latencies.length).toFixed(2)} ms a page`,
    );
  } finally {
    await stop(child);
  }
}

function storyVersion(sourceId: string, storyId: string, version: number, n: number): Contracts.StoryVersionMessage {
  const submissionId = randomUUID();
  return {
    storyId,
    version,
    kind: version === 1 ? 'created' : 'updated',
    current: true,
    sourceId,
    submissionId,
    itemId: `${submissionId}:0`,
    storyCreatedAt: '2025-03-21T10:00:02.000Z',
    decidedAt: '2025-03-21T10:00:02.000Z',
    updatedAt: new Date(Date.UTC(2025, 2, 21, 10, 0, version)).toISOString(),
    updatedPrecision: 'second',
    match:
      version === 1
        ? { basis: 'none', candidates: 0, reason: 'no candidate story' }
        : { basis: 'wire-guid', reason: 'same wire guid', comparedVersion: version - 1 },
    item: {
      format: 'plain-text',
      wire: {},
      headline: `Flood warnings lifted along the Rhine ${n}, version ${version}`,
      summary: [],
      body: Array.from({ length: 8 }, (_, i) => ({ kind: 'paragraph' as const, text: `KOBLENZ: The river fell overnight, paragraph ${i} of story ${n}.` })),
      media: [],
      subjects: [],
      pubStatus: 'usable',
      signals: [],
      contentHash: randomUUID().replace(/-/g, '').padEnd(64, '0'),
    },
  };
}

async function benchPublish(): Promise<void> {
  const total = Number(process.env.VERSIONS ?? 6000);
  const sourceId = randomUUID();
  const connection = new kafka.KafkaConnection({ brokers: BROKERS, clientId: 'bench-publish' });
  const publisher = new kafka.KafkaPublisher(connection);
  await publisher.connect();
  let seen = 0;
  let last = 0;
  const subscription = kafka.subscribe(connection, { topics: [contracts.Topic.StoryPublished] }, (m) => {
    if (m.headers[contracts.Header.SourceId] !== sourceId) return;
    seen++;
    last = performance.now();
  });
  await subscription.ready;
  const child = startService('publish', { PUBLISH_PORT: String(PORT), PUBLISH_GROUP_ID: `bench-publish-${randomUUID()}` });
  try {
    await ready(`http://127.0.0.1:${PORT}`);
    const codec = contracts.codecFor(contracts.Topic.StoryVersions);
    const messages = [];
    for (let n = 0; n < total / 2; n++) {
      const storyId = randomUUID();
      messages.push(codec.encode(storyVersion(sourceId, storyId, 1, n), {}));
      messages.push(codec.encode(storyVersion(sourceId, storyId, 2, n), {}));
    }
    const started = performance.now();
    const cpuFrom = cpuMs(child.pid);
    await publisher.publish(messages);
    const end = Date.now() + 600_000;
    while (seen < total && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const s = (last - started) / 1000;
    const cpu = cpuMs(child.pid) - cpuFrom;
    console.log(`publish: ${total} versions (two a story) produced at once; ${seen} events on story.published.v1`);
    console.log(`  ${(seen / s).toFixed(0)} versions/s (${s.toFixed(1)} s to the last event); publish CPU ${(cpu / seen).toFixed(2)} ms a version`);
  } finally {
    await stop(child);
    await subscription.close();
    await publisher.disconnect();
  }
}

(MODE === 'publish' ? benchPublish() : benchIngest())
  .then(() => {
    if (PROFILE) printProfile();
    process.exit(0);
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
