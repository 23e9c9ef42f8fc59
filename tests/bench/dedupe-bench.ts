import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { NormalisedItemMessage } from '@copydesk/contracts';
import { loadCorpus } from '../eval/corpus';
import { buildLabelledSet } from '../eval/labelled-set';

/**
 * `npm run bench:dedupe`: the time dedupe takes to decide one item, and how many items it
 * decides a second in batches, with 1,000 and with 1,000,000 stories stored, on the real
 * PostgreSQL. The stored stories are synthetic rows bulk-loaded with INSERT ... SELECT
 * generate_series (one version and 36 index keys each, spread over 100 sources and 30 days);
 * the decided items are real text from the evaluation set, run through the real
 * DedupeService: those of four sources one transaction an item, then those of all eight
 * under other sources and item ids (so they find none of the first run's stories)
 * BATCH_SIZE at a time.
 */
const ROOT = process.cwd();
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/copydesk_bench';
const SIZES = (process.env.BENCH_SIZES ?? '1000,1000000').split(',').map(Number);
/** Body bands 16, lede and headline hashes 2, paragraph hashes 6, headline trigram bands 8, lede trigram bands 4. */
const KEYS_PER_STORY = 36;
const SHINGLES_PER_STORY = 200;
const SOURCES = 100;
/** As many items as the consumer hands over at once under load. */
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 200);
/** Batch targets: this many decisions a second with the most stories stored, and at most this slowdown against the fewest. */
const BATCH_TARGET_PER_SECOND = 3000;
const BATCH_TARGET_RATIO = 1.5;
const END = '2025-03-23T00:00:00Z';

function run(script: string, args: string[] = []): string {
  const r = spawnSync(process.execPath, ['-r', path.join(ROOT, 'tools/register-paths.js'), path.join(ROOT, script), ...args], {
    env: { ...process.env, DATABASE_URL, LOG_LEVEL: 'error' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return r.stdout;
}

async function recreateDatabase(): Promise<void> {
  const admin = new URL(DATABASE_URL);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  run('dist/services/dedupe/src/migrate.js');
}

/** Empties the schema and loads `n` synthetic stories; returns the seconds it took. */
async function load(db: Client, n: number): Promise<number> {
  const started = Date.now();
  const steps: string[] = [];
  let last = Date.now();
  const step = (name: string) => {
    steps.push(`${name} ${((Date.now() - last) / 1000).toFixed(0)} s`);
    last = Date.now();
  };
  await db.query('TRUNCATE dedupe.story_keys, dedupe.story_wire_ids, dedupe.story_versions, dedupe.decisions, dedupe.outbox, dedupe.stories');
  await db.query('DROP INDEX dedupe.story_keys_day_key');
  await db.query(`SET maintenance_work_mem = '1GB'`);
  await db.query('SET max_parallel_maintenance_workers = 2');
  await db.query('SET synchronous_commit = off');
  await db.query('SET jit = off');
  // Each synthetic story once: its id, source and time (spread over the 30 days before END).
  await db.query('DROP TABLE IF EXISTS bench_stories');
  await db.query(
    `CREATE TEMP TABLE bench_stories AS
     SELECT i, md5('story' || i)::uuid AS id, ('00000000-0000-4000-8000-' || lpad((i % ${SOURCES})::text, 12, '0'))::uuid AS source_id,
            $1::timestamptz - ((hashint4(i) & 2147483647)::float8 / 2147483647) * interval '30 days' AS t
       FROM generate_series(1, $2::int) AS i`,
    [END, n],
  );
  await db.query(
    `INSERT INTO dedupe.stories (id, source_id, wire_guid, language, headline_key, current_version, latest_version, current_time_at, withdrawn,
                                 created_at, decided_at, pub_status, current_format, current_precision, headline_match, last_seen_at, keys_refreshed_at)
     SELECT id, source_id, CASE WHEN i % 3 = 0 THEN 'urn:bench:' || i END, 'en', 'synthetic headline ' || md5(id::text), 1, 1, t, false, t, t, 'usable',
            'text-page', 'second', 'synthetic headline ' || md5(id::text), t, t
       FROM bench_stories`,
  );
  step('stories');
  await db.query(
    `INSERT INTO dedupe.story_versions (story_id, version, kind, content_hash, item_id, wire_version, item_time, is_current, decided_at, item,
                                        pub_status, fingerprint, shingles)
     SELECT id, 1, 'created', md5('content' || i), 'bench:' || i, NULL, t, true, t, '{}'::jsonb, 'usable',
            jsonb_build_object('headline', 'synthetic headline ' || i, 'lede', 'synthetic lede ' || i, 'ledeHash', md5('lede' || i), 'dateline', NULL,
                               'paragraphHashes', '[]'::jsonb, 'numbers', '[]'::jsonb, 'names', '[]'::jsonb, 'bodyWords', 300),
            array_fill(hashint4(i), ARRAY[${SHINGLES_PER_STORY}])
       FROM bench_stories`,
  );
  step('versions');
  await db.query(
    `INSERT INTO dedupe.story_keys (day, key, seen_at, story_id)
     SELECT floor(extract(epoch FROM s.t) / 86400)::int, (hashint8(s.i::bigint * ${KEYS_PER_STORY} + k)::bigint << 32) | (s.i::bigint * ${KEYS_PER_STORY} + k), s.t, s.id
       FROM bench_stories s CROSS JOIN generate_series(1, ${KEYS_PER_STORY}) AS k`,
  );
  step('keys');
  await db.query(
    `INSERT INTO dedupe.story_wire_ids (source_id, guid, story_id, via, created_at) SELECT source_id, wire_guid, id, 'id', created_at FROM dedupe.stories WHERE wire_guid IS NOT NULL`,
  );
  step('wire ids');
  await db.query('CREATE INDEX story_keys_day_key ON dedupe.story_keys (day, key) INCLUDE (seen_at, story_id)');
  step('key index');
  for (const table of ['stories', 'story_versions', 'story_keys', 'story_wire_ids']) await db.query(`VACUUM ANALYZE dedupe.${table}`);
  step('vacuum');
  process.stdout.write(`  load of ${n.toLocaleString('en-US')} stories: ${steps.join(', ')}\n`);
  return (Date.now() - started) / 1000;
}

interface BatchTiming {
  measured: number;
  seconds: number;
  perSecond: number;
  outcomes: Record<string, number>;
}

/** The same item under a source ten further on (still one of the synthetic sources) and another item id. */
function elsewhere(message: NormalisedItemMessage): NormalisedItemMessage {
  const sourceId = message.sourceId.replace(/(\d{2})$/, (d) => String(Number(d) + 10).padStart(2, '0'));
  return { ...message, sourceId, itemId: `${message.itemId}:batch` };
}

interface Timing {
  measured: number;
  meanMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  outcomes: Record<string, number>;
}

async function main(): Promise<void> {
  const shared = process.env.COPYDESK_SHARED ?? path.resolve(ROOT, '..', 'shared');
  const corpus = loadCorpus(shared);
  const all = buildLabelledSet(corpus, 20250321);
  const set = all.filter((x) => /-00000000000[0-3]$/.test(x.message.sourceId));
  mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  const itemsFile = path.join(ROOT, 'tmp', 'bench-dedupe-items.json');
  writeFileSync(itemsFile, JSON.stringify(set.map((x) => ({ message: x.message, now: new Date(x.arrival).toISOString() }))));
  const batchFile = path.join(ROOT, 'tmp', 'bench-dedupe-batch-items.json');
  writeFileSync(batchFile, JSON.stringify(all.map((x) => ({ message: elsewhere(x.message), now: new Date(x.arrival).toISOString() }))));

  await recreateDatabase();
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  const results: { stories: number; loadSeconds: number; timing: Timing; batch: BatchTiming }[] = [];
  try {
    for (const n of SIZES) {
      const loadSeconds = await load(db, n);
      const timing = JSON.parse(run('dist/services/dedupe/bench/decision-bench.js', [itemsFile]).trim().split('\n').pop() as string) as Timing;
      process.stdout.write(
        `${n.toLocaleString('en-US').padStart(10)} stored stories: ${timing.measured} items, mean ${timing.meanMs.toFixed(2)} ms, median ${timing.medianMs.toFixed(2)} ms, p95 ${timing.p95Ms.toFixed(2)} ms per decision (load ${loadSeconds.toFixed(0)} s; ${JSON.stringify(timing.outcomes)})\n`,
      );
      const batch = JSON.parse(
        run('dist/services/dedupe/bench/decision-bench.js', [batchFile, String(BATCH_SIZE)])
          .trim()
          .split('\n')
          .pop() as string,
      ) as BatchTiming;
      results.push({ stories: n, loadSeconds, timing, batch });
      process.stdout.write(
        `${n.toLocaleString('en-US').padStart(10)} stored stories: ${batch.perSecond.toFixed(0)} decisions/s in batches of ${BATCH_SIZE} (${batch.measured} items in ${batch.seconds.toFixed(2)} s; ${JSON.stringify(batch.outcomes)})\n`,
      );
    }
  } finally {
    await db.end();
  }
  if (results.length >= 2) {
    const [small, large] = [results[0], results[results.length - 1]];
    const ratio = large.timing.medianMs / small.timing.medianMs;
    const meanRatio = large.timing.meanMs / small.timing.meanMs;
    process.stdout.write(`median ratio ${ratio.toFixed(2)}x, mean ratio ${meanRatio.toFixed(2)}x (target: within 2x)\n`);
    const batchRatio = small.batch.perSecond / large.batch.perSecond;
    const batchOk = large.batch.perSecond >= BATCH_TARGET_PER_SECOND && batchRatio <= BATCH_TARGET_RATIO;
    process.stdout.write(
      `in batches: ${small.batch.perSecond.toFixed(0)} decisions/s with ${small.stories.toLocaleString('en-US')} stored, ${large.batch.perSecond.toFixed(0)} with ${large.stories.toLocaleString('en-US')}, ratio ${batchRatio.toFixed(2)}x (target: at least ${BATCH_TARGET_PER_SECOND} within ${BATCH_TARGET_RATIO}x)\n`,
    );
    process.exitCode = ratio <= 2 && meanRatio <= 2 && batchOk ? 0 : 1;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
