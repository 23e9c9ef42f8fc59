/**
 * `npm run bench:e2e`: the pipeline's throughput on this machine, in one sitting.
 *
 * 1. The null pipeline: a producer and three relays doing no work, over the same broker with
 *    the services' producer and consumer settings: the most this machine can move (see
 *    e2e/null-pipeline.ts).
 * 2. The four services as processes, fed distinct one-story pages of about 2 KB (real wire
 *    sentences, seeded): first as fast as `--concurrency` clients post them, then at a steady
 *    `--rate`. Latency runs from the 202 to the item's event on story.published.v1.
 *
 * Prints items/s, latencies, each stage's throughput and consumer lag, each process's CPU and
 * peak RSS, the ratio to the null pipeline, each consumer's batches (from its /metrics) and
 * (`--profile`) each service's hottest functions;
 * writes the same to tmp/bench-e2e.json. tools/bench-e2e.sh gives it a broker and database.
 *
 *   npm run bench:e2e -- --items 1000 --rate 100 [--mix] [--profile] [--seed 7]
 *   other options: --concurrency 32 (clients), --sources 6 (one partition each, at most), --null-messages 5000, --drain 900 / --quiet 60 (s),
 *   --warmup 5000 (null messages) and --warmup-items 1000 (pages) sent first and not measured: the broker and the
 *   services start cold, and the first seconds of a JVM or a Node process are spent compiling (0: none)
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Topic } from '@copydesk/contracts';
import { KafkaAdmin, KafkaConnection, Subscription } from '@copydesk/kafka';
import { brokers, ROOT } from '../support/env';
import { addSource, ServiceName, ServiceProcess } from '../support/service-processes';
import { benchItems } from './e2e/bench-pages';
import { consumerFigures, formatConsumers, kafkaRequests, requestFigures } from './e2e/consumer-metrics';
import { newestProfile, topSelfTime } from './e2e/cpu-profile';
import { PublishedLog, runPhase } from './e2e/e2e-load';
import { E2eReport, formatNull, formatPhase, formatProfile, formatSettings } from './e2e/e2e-report';
import { runNullPipeline } from './e2e/null-pipeline';
import { ProcessSampler } from './e2e/process-sampler';
import { StageSampler, StageTopics } from './e2e/stage-sampler';
import { subscribed } from './e2e/subscribed';

const SERVICES: ServiceName[] = ['ingest', 'normalise', 'dedupe', 'publish'];
const NAME = 'bench-e2e';
const log = (line: string) => console.error(`[bench:e2e] ${line}`);
// The bench's own Kafka clients log through Nest; their chatter would bury the figures.
Logger.overrideLogger(['warn', 'error']);

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '20000' },
    rate: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    mix: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '32' },
    sources: { type: 'string', default: '6' },
    port: { type: 'string', default: '19300' },
    'null-messages': { type: 'string', default: '5000' },
    'null-bytes': { type: 'string', default: '2500' },
    drain: { type: 'string', default: '900' },
    warmup: { type: 'string', default: '5000' },
    'warmup-items': { type: 'string', default: '1000' },
    quiet: { type: 'string', default: '60' },
  },
});
const items = Number(args.items);
const seed = Number(args.seed);
const concurrency = Number(args.concurrency);
const sources = Number(args.sources);
const nullMessages = Number(args['null-messages']);
const profileDir = (s: ServiceName) => path.join(ROOT, 'tmp', 'profiles', s);

/** The stages as the broker sees them: each service's group (as ServiceProcess names it) and what it writes. */
const STAGES: StageTopics[] = [
  { stage: 'ingest', output: Topic.WireRaw },
  { stage: 'normalise', group: { id: `${NAME}-normalise`, topic: Topic.WireRaw }, output: Topic.WireNormalised },
  { stage: 'dedupe', group: { id: `${NAME}-dedupe`, topic: Topic.WireNormalised }, output: Topic.StoryVersions },
  { stage: 'publish', group: { id: `${NAME}-publish`, topic: Topic.StoryVersions }, output: Topic.StoryPublished },
];

function serviceProcess(service: ServiceName, i: number): ServiceProcess {
  const env: Record<string, string> = {
    // The bench measures the pipeline, not the per-source admission limit (100 items/s by default).
    INGEST_SOURCE_RATE_PER_MINUTE: '10000000',
    INGEST_SOURCE_BURST: '100000',
  };
  if (args.profile) {
    rmSync(profileDir(service), { recursive: true, force: true });
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir(service)}`.trim();
  }
  return new ServiceProcess(service, NAME, Number(args.port) + i, env);
}

/** Prints a section of the table and writes the figures so far to tmp/bench-e2e.json. */
function emit(report: E2eReport, section: string): void {
  console.log(`${section}\n`);
  mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  writeFileSync(path.join(ROOT, 'tmp', 'bench-e2e.json'), JSON.stringify(report, null, 2) + '\n');
}

const services = SERVICES.map(serviceProcess);

/** The test broker's pid, from its pid file (infra/kafka/kafka.sh), if it is there. */
function brokerPid(): number | undefined {
  const dir = process.env.KAFKA_DATA_DIR;
  if (!dir) return undefined;
  const file = path.join(dir, 'kafka.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) || undefined : undefined;
}

async function main(): Promise<void> {
  const report: E2eReport = {
    settings: { items, rate: Number(args.rate), seed, mix: args.mix, concurrency, sources, nullMessages, profile: args.profile },
    phases: [],
  };
  emit(report, formatSettings(report.settings));
  const connection = new KafkaConnection({ brokers: brokers(), clientId: NAME });
  const admin = new KafkaAdmin(connection);
  const nullOptions = { bytes: Number(args['null-bytes']), concurrency, sources, connection, admin, log };
  if (Number(args.warmup) > 0) {
    // A fresh broker spends its first minute compiling: warmed up, it moves the same messages for less CPU.
    const warm = await runNullPipeline({ ...nullOptions, messages: Number(args.warmup), run: 'null-warmup' });
    log(`warm-up (not measured): ${warm.messages} null messages at ${warm.messagesPerS.toFixed(0)}/s`);
  }
  const nullPipeline = await runNullPipeline({ ...nullOptions, messages: nullMessages });
  report.nullPipeline = nullPipeline;
  emit(report, formatNull(nullPipeline));

  const published = new PublishedLog();
  let reader: Subscription | undefined;
  const stages = new StageSampler(admin, STAGES);
  const usage = new ProcessSampler();
  // Stopped from outside (Ctrl-C, a time limit), the services are stopped too, not left running.
  const interrupted = () => void Promise.all(services.map((s) => s.stop())).finally(() => process.exit(130));
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    log('starting the services');
    await Promise.all(services.map((s) => s.start()));
    const apiKeys = Array.from({ length: sources }, (_, i) => addSource(`${NAME}-${Date.now()}-${i}`).apiKey);
    reader = await subscribed(connection, { topics: [Topic.StoryPublished], fromBeginning: true }, published.onMessage);
    services.forEach((s) => usage.add(s.service, s.pid));
    usage.add('bench (clients)', process.pid);
    usage.add('broker', brokerPid());
    usage.addShared();
    usage.start();
    stages.start();
    const started = Date.now();
    // Every phase posts its pages to ingest from `concurrency` clients and waits for their events.
    const load = (name: string, list: ReturnType<typeof benchItems>, rate: number | undefined) =>
      runPhase({
        name,
        ingestUrl: services[0].url,
        apiKeys,
        items: list,
        concurrency,
        rate,
        drainTimeoutMs: Number(args.drain) * 1000,
        quietMs: Number(args.quiet) * 1000,
        published,
        log,
      });
    const warmupItems = Number(args['warmup-items']);
    if (warmupItems > 0) {
      const warm = await load('warm-up', benchItems(seed, 2 * items, warmupItems, { mix: false, sources }), undefined);
      log(`warm-up (not measured): ${warmupItems} items, ${warm.endToEndPerS.toFixed(0)} items/s end to end`);
    }
    const plan = [
      { name: `as fast as ${concurrency} clients go`, first: 0, rate: undefined },
      { name: `steady ${args.rate} items/s`, first: items, rate: Number(args.rate) },
    ];
    for (const p of plan) {
      log(`${p.name}: ${items} items`);
      usage.rebase();
      const from = await stages.mark();
      const requestsBefore = await Promise.all(services.map((s) => kafkaRequests(s.url)));
      const phaseLoad = await load(p.name, benchItems(seed, p.first, items, { mix: args.mix, sources }), p.rate);
      const to = await stages.mark();
      const requestsAfter = await Promise.all(services.map((s) => kafkaRequests(s.url)));
      const phase = {
        load: phaseLoad,
        stages: stages.figures(from, to),
        processes: usage.usage(),
        ratioToNull: phaseLoad.endToEndPerS / nullPipeline.messagesPerS,
        requests: services.map((s, i) => requestFigures(s.service, requestsBefore[i], requestsAfter[i], phaseLoad.items)),
      };
      report.phases.push(phase);
      emit(report, formatPhase(phase));
    }
    const seconds = (Date.now() - started) / 1000;
    report.consumers = await Promise.all(services.slice(1).map((s) => consumerFigures(s.service, s.url, seconds)));
    emit(report, formatConsumers(report.consumers));
  } finally {
    usage.stop();
    await stages.stop();
    await reader?.close();
    // SIGTERM: a service shuts down and exits by itself, which is when --cpu-prof writes its profile.
    await Promise.all(services.map((s) => s.stop()));
    await admin.close();
  }
  if (args.profile) {
    report.profiles = {};
    for (const s of SERVICES) {
      const file = newestProfile(profileDir(s));
      if (file) report.profiles[s] = topSelfTime(file, ROOT);
    }
    emit(
      report,
      Object.entries(report.profiles)
        .map(([s, top]) => formatProfile(s, top))
        .join('\n\n'),
    );
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
