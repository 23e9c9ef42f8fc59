/**
 * The fault suite: distinct one-story items at a steady rate through ingest, while stages,
 * the broker and the database fail on a schedule; then the accounting. Every 202 must end as
 * exactly one event on story.published.v1, nothing in the dead letters, and each stage must
 * take up its work again soon after a SIGKILL.
 *
 * Everything runs on parts of its own: a PostgreSQL cluster and a Kafka broker started for
 * the run (so stopping them touches nothing else), and the four services as processes.
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Header, Topic } from '@copydesk/contracts';
import { InboundMessage, KafkaConnection, subscribe } from '@copydesk/kafka';
import { commandEnv, ROOT } from '../support/env';
import { ServiceName, ServiceProcess } from '../support/service-processes';
import { OwnBroker } from './own-broker';
import { OwnPostgres } from './own-postgres';
import { storyText } from './story-text';

export interface ChaosOptions {
  /** Distinct items to send, at least; the load goes on past them until the last fault is over and copy sent after it has had time to come through. */
  items: number;
  /** Items per second, steady. */
  rate: number;
  /** How long PostgreSQL stays down. */
  outageMs: number;
  /** Ports: PostgreSQL at base, the broker at base + 10 (and + 11), the services at base + 20..23. */
  basePort: number;
  name: string;
  log?: (line: string) => void;
}

export interface FaultResult {
  fault: string;
  at: number;
  /** Seconds until the part that failed was back (restarted and ready). */
  backS: number;
  /** Seconds from the fault (for an outage and the broker: from the moment it was back) to the first published event of an item accepted after it. */
  recoveryS: number | null;
  /** The same, on each topic the item passes: where the time went. */
  hops: Record<string, number | null>;
}

export interface ChaosReport {
  items: number;
  accepted: number;
  published: number;
  lost: number;
  duplicates: number;
  deadLetters: number;
  retriesByClients: number;
  faults: FaultResult[];
  loadSeconds: number;
  drainSeconds: number;
}

interface Sent {
  index: number;
  acceptedAt?: number;
  submissionId?: string;
}

const SERVICES: ServiceName[] = ['ingest', 'normalise', 'dedupe', 'publish'];
/** The topics an item passes before story.published.v1, for the recovery breakdown. */
const HOPS: string[] = [Topic.WireRaw, Topic.WireNormalised, Topic.StoryVersions];
/** The least time between the end of one fault and the next: a recovery's limit, and some. */
const FAULT_GAP_MS = 15_000;
/** How long the load goes on after the last fault is over. */
const TAIL_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const pg = new OwnPostgres(path.join(tmpdir(), `copydesk-${options.name}-pg`), options.basePort);
  const broker = new OwnBroker(ROOT, path.join(ROOT, 'tmp', `${options.name}-kafka`), options.basePort + 10);
  log(`starting PostgreSQL on ${pg.port} and a broker on ${broker.address}`);
  await pg.init();
  await broker.init();
  const env = { KAFKA_BROKERS: broker.address, DATABASE_URL: pg.url };
  const cli = (...args: string[]) => {
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/copydesk'), args, { env: commandEnv({ ...env, LOG_LEVEL: 'warn' }), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`copydesk ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  cli('setup');
  const source = JSON.parse(cli('sources', 'add', `${options.name}-${Date.now()}`).trim()) as { id: string; apiKey: string };
  const services = new Map(SERVICES.map((s, i) => [s, new ServiceProcess(s, options.name, options.basePort + 20 + i, { ...env, LOG_LEVEL: 'info' })]));
  const kafka = new KafkaConnection({ brokers: [broker.address], clientId: `${options.name}-accounting` });
  try {
    for (const s of services.values()) await s.start();
    log('the four services are ready; sending');
    const ingest = (services.get('ingest') as ServiceProcess).url;
    const sent: Sent[] = [];
    let retries = 0;
    const runId = Date.now().toString(36);

    const post = async (item: Sent): Promise<void> => {
      const body = storyText(item.index);
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await fetch(`${ingest}/v1/wire`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${source.apiKey}`, 'Content-Type': 'text/plain; charset=utf-8', 'Idempotency-Key': `${runId}-${item.index}` },
            body,
            signal: AbortSignal.timeout(15_000),
          });
          const answer = (await res.json().catch(() => ({}))) as { submissionId?: string };
          if (res.status === 202) {
            item.acceptedAt = Date.now();
            item.submissionId = answer.submissionId;
            return;
          }
          if (res.status < 500 && res.status !== 409 && res.status !== 429)
            throw new Error(`ingest refused item ${item.index}: ${res.status} ${JSON.stringify(answer)}`);
        } catch (e) {
          if (e instanceof Error && e.message.startsWith('ingest refused')) throw e;
        }
        retries++;
        await sleep(Math.min(2000, 200 * 2 ** Math.min(attempt, 4)));
      }
    };

    // The load: one item every 1/rate seconds, each retried by its client until ingest takes it.
    const started = Date.now();
    const loadMs = (options.items / options.rate) * 1000;
    const posts: Promise<void>[] = [];
    // Each fault must be followed by copy it could hold up, however long the faults took: the
    // load goes on until the schedule is over and then for as long again as a recovery may take.
    let faultsOverAt: number | null = null;
    const loader = (async () => {
      for (let index = 0; index < options.items || faultsOverAt === null || Date.now() < faultsOverAt + TAIL_MS; index++) {
        const due = started + (index / options.rate) * 1000;
        if (due > Date.now()) await sleep(due - Date.now());
        const item: Sent = { index };
        sent.push(item);
        posts.push(post(item));
      }
    })();

    // The faults, one after another across the load.
    const faults: { fault: string; at: number; resumedAt: number; backAt: number }[] = [];
    // Each fault at its share of the load, and long enough after the one before finished for
    // the pipeline to have recovered from it, so no fault's recovery is held up by the next.
    let previousDone = started;
    const at = (share: number) => sleep(Math.max(0, started + share * loadMs - Date.now(), previousDone + FAULT_GAP_MS - Date.now()));
    const kill = async (service: ServiceName, share: number) => {
      await at(share);
      const s = services.get(service) as ServiceProcess;
      const t = Date.now();
      await s.stop('SIGKILL');
      log(`SIGKILL ${service}`);
      await s.start(120_000);
      previousDone = Date.now();
      faults.push({ fault: `SIGKILL ${service}`, at: t, resumedAt: t, backAt: previousDone });
    };
    const schedule = (async () => {
      await kill('normalise', 0.1);
      await kill('dedupe', 0.2);
      await kill('publish', 0.3);
      await kill('ingest', 0.4);
      await at(0.5);
      const tb = Date.now();
      await broker.kill();
      log('SIGKILL broker');
      await broker.start();
      previousDone = Date.now();
      // The broker's own start-up (a JVM, its logs recovered) is not the pipeline's to shorten:
      // its recovery counts from the moment it answers again.
      faults.push({ fault: 'SIGKILL broker', at: tb, resumedAt: previousDone, backAt: previousDone });
      await at(0.6);
      const tp = Date.now();
      await pg.stop();
      log(`PostgreSQL stopped for ${options.outageMs / 1000} s`);
      // A stage killed and restarted while the database is down must wait for it, not exit.
      await sleep(Math.min(5000, options.outageMs / 3));
      const dedupe = services.get('dedupe') as ServiceProcess;
      const tk = Date.now();
      await dedupe.stop('SIGKILL');
      log('SIGKILL dedupe while PostgreSQL is down; restarting it');
      const restarting = dedupe.start(options.outageMs + 120_000);
      await sleep(Math.max(0, tp + options.outageMs - Date.now()));
      await pg.start();
      const tu = Date.now();
      log('PostgreSQL is back');
      faults.push({ fault: `PostgreSQL down ${options.outageMs / 1000} s`, at: tp, resumedAt: tu, backAt: tu });
      await restarting;
      previousDone = Date.now();
      faults.push({ fault: 'SIGKILL dedupe during the outage', at: tk, resumedAt: tu, backAt: previousDone });
      if (previousDone > started + loadMs) log(`the faults outlasted the planned load; sending on for ${TAIL_MS / 1000} s after the last one`);
    })().finally(() => {
      faultsOverAt = Date.now();
    });

    await loader;
    await Promise.all(posts);
    await schedule;
    const loadSeconds = (Date.now() - started) / 1000;
    log(`all ${sent.length} items accepted in ${loadSeconds.toFixed(0)} s (${retries} client retries); waiting for the pipeline to drain`);

    // The accounting, from the topics themselves, read from the beginning.
    const published: InboundMessage[] = [];
    const letters: InboundMessage[] = [];
    const hopMessages = new Map<string, InboundMessage[]>(HOPS.map((t) => [t, []]));
    const readers = [
      subscribe(kafka, { topics: [Topic.StoryPublished], fromBeginning: true }, (m) => void published.push(m)),
      subscribe(kafka, { topics: [Topic.WireDlq], fromBeginning: true }, (m) => void letters.push(m)),
      subscribe(kafka, { topics: HOPS, fromBeginning: true }, (m) => void hopMessages.get(m.topic)?.push(m)),
    ];
    await Promise.all(readers.map((r) => r.ready));
    const drainStart = Date.now();
    const accepted = sent.filter((s) => s.submissionId);
    const wanted = new Set(accepted.map((s) => s.submissionId as string));
    const seenSubmissions = () => new Set(published.map((m) => m.headers[Header.SubmissionId]).filter((id) => wanted.has(id)));
    while (seenSubmissions().size < wanted.size && Date.now() - drainStart < 300_000) await sleep(500);
    await sleep(5000); // a late duplicate would show up by now
    const drainSeconds = (Date.now() - drainStart) / 1000;
    await Promise.all(readers.map((r) => r.close()));

    const byEvent = new Map<string, number>();
    const bySubmission = new Map<string, Set<string>>();
    for (const m of published) {
      byEvent.set(m.headers[Header.CeId], (byEvent.get(m.headers[Header.CeId]) ?? 0) + 1);
      const sub = m.headers[Header.SubmissionId];
      bySubmission.set(sub, (bySubmission.get(sub) ?? new Set()).add(m.headers[Header.CeId]));
    }
    const lost = accepted.filter((s) => !bySubmission.has(s.submissionId as string)).length;
    const duplicates = [...byEvent.values()].filter((n) => n > 1).length + [...bySubmission.values()].filter((ids) => ids.size > 1).length;

    // Recovery: the first event (broker time) of an item taken after the fault, or after the outage ended.
    // When ingest took an item: the broker's time of its raw message (a 202 can reach a client
    // on a busy machine well after that), else when the client had its answer.
    const acceptedAt = new Map(accepted.map((s) => [s.submissionId as string, s.acceptedAt as number]));
    for (const m of hopMessages.get(Topic.WireRaw) ?? []) {
      const id = m.headers[Header.SubmissionId];
      if (acceptedAt.has(id)) acceptedAt.set(id, Number(m.timestamp));
    }
    const firstAfter = (messages: InboundMessage[], since: number): number | null => {
      let first: number | null = null;
      for (const m of messages) {
        const a = acceptedAt.get(m.headers[Header.SubmissionId]);
        const t = Number(m.timestamp);
        if (a !== undefined && a >= since && t >= since && (first === null || t < first)) first = t;
      }
      return first === null ? null : (first - since) / 1000;
    };
    const results: FaultResult[] = faults.map((f) => ({
      fault: f.fault,
      at: (f.at - started) / 1000,
      backS: (f.backAt - f.at) / 1000,
      recoveryS: firstAfter(published, f.resumedAt),
      hops: Object.fromEntries(HOPS.map((t) => [t, firstAfter(hopMessages.get(t) ?? [], f.resumedAt)])),
    }));
    return {
      items: sent.length,
      accepted: accepted.length,
      published: bySubmission.size,
      lost,
      duplicates,
      deadLetters: letters.length,
      retriesByClients: retries,
      faults: results,
      loadSeconds,
      drainSeconds,
    };
  } finally {
    for (const s of services.values()) await s.stop('SIGTERM').catch(() => undefined);
    await broker.stop().catch(() => undefined);
    pg.stopQuietly();
  }
}

const seconds = (s: number | null): string => (s === null ? 'never' : s.toFixed(1));

/** The report as a table, for the terminal and the README. */
export function formatReport(r: ChaosReport): string {
  const lines = [
    `items sent ${r.items}, accepted (202) ${r.accepted}, published ${r.published}`,
    `lost ${r.lost}, duplicates ${r.duplicates}, dead letters ${r.deadLetters}`,
    `client retries ${r.retriesByClients}; load ${r.loadSeconds.toFixed(0)} s, drained ${r.drainSeconds.toFixed(0)} s after the last 202`,
    '',
    `| fault | at (s) | back and ready after (s) | work moves on after (s) | first on ${HOPS.join(' / ')} after (s) |`,
    '|---|---|---|---|---|',
    ...r.faults.map(
      (f) => `| ${f.fault} | ${f.at.toFixed(0)} | ${f.backS.toFixed(1)} | ${seconds(f.recoveryS)} | ${HOPS.map((t) => seconds(f.hops[t])).join(' / ')} |`,
    ),
    '',
    'work moves on: from the fault (for the broker: from its return; for the outage: from its end) to the first story.published.v1 event of an item accepted after it.',
  ];
  return lines.join('\n');
}
