import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Topic } from '@copydesk/contracts';
import { InboundMessage, KafkaAdmin, KafkaConnection, Subscription } from '@copydesk/kafka';
import { ROOT } from '../../support/env';
import { Latency, latency } from './latency';
import { HOPS, nullTopic, nullTopics, SENT_AT } from './null-hops';
import { ProcessSampler, ProcessUsage } from './process-sampler';
import { StageFigures, StageSampler, StageTopics } from './stage-sampler';
import { subscribed } from './subscribed';

export interface NullOptions {
  messages: number;
  bytes: number;
  concurrency: number;
  sources: number;
  connection: KafkaConnection;
  admin: KafkaAdmin;
  log: (line: string) => void;
  /** Names the run's topics and groups: a warm-up run's are its own. */
  run?: string;
}

export interface NullReport {
  messages: number;
  bytes: number;
  seconds: number;
  messagesPerS: number;
  latencyMs: Latency;
  stages: StageFigures[];
  processes: ProcessUsage[];
}

const RELAYS = [
  { stage: 'normalise', mode: 'batch', key: 'same', to: [HOPS[1]] },
  { stage: 'dedupe', mode: 'batch', key: 'story', to: [HOPS[2]] },
  { stage: 'publish', mode: 'batch', key: 'same', to: [HOPS[3], Topic.StoryLatest] },
] as const;

/** Starts `null-relay.js` with `args`; resolves with the process once it has printed its first line. */
function startRelay(args: string[]): { child: ChildProcess; firstLine: Promise<string> } {
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'tools/register-paths.js'), path.join(__dirname, 'null-relay.js'), ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`null relay ${args.join(' ')} exited with ${code}`)));
  });
  return { child, firstLine };
}

async function until(what: string, check: () => Promise<boolean>, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The physical limit: `messages` of `bytes` each through a producer and three relays doing no
 * work, timed from the first send to the last arrival on the last topic.
 */
export async function runNullPipeline(o: NullOptions): Promise<NullReport> {
  const prefix = o.run ?? 'null-bench';
  const topic = (t: Topic) => nullTopic(t, prefix);
  await o.admin.ensureTopics(nullTopics(prefix));
  const run = Date.now().toString(36);
  const groups = RELAYS.map((r) => `${prefix}-${r.stage}-${run}`);
  const relays = RELAYS.map((r, i) => startRelay(['relay', topic(HOPS[i]), r.to.map(topic).join(','), groups[i], r.mode, r.key]));
  const arrivals: number[] = [];
  const sentAt: number[] = [];
  let out: Subscription | undefined;
  const stages: StageTopics[] = [
    { stage: 'ingest', output: topic(HOPS[0]) },
    ...RELAYS.map((r, i) => ({ stage: r.stage, group: { id: groups[i], topic: topic(HOPS[i]) }, output: topic(HOPS[i + 1]) })),
  ];
  const sampler = new StageSampler(o.admin, stages);
  const usage = new ProcessSampler();
  try {
    await Promise.all(relays.map((r) => r.firstLine));
    await until(
      'the null relays to join their groups',
      async () => (await o.admin.describeGroups(groups)).every((g) => g.state === 'Stable' && g.members.length > 0),
      60_000,
    );
    // From the beginning: the topic is the run's own, and nothing can slip past before the reader has its offsets.
    out = await subscribed(o.connection, { topics: [topic(Topic.StoryPublished)], fromBeginning: true }, (m: InboundMessage) => {
      arrivals.push(Date.now());
      sentAt.push(Number(m.headers[SENT_AT]));
    });
    RELAYS.forEach((r, i) => usage.add(`null ${r.stage}`, relays[i].child.pid));
    usage.start();
    sampler.start();
    const from = await sampler.mark();
    o.log(`null pipeline: ${o.messages} messages of ${o.bytes} bytes, ${o.concurrency} publishes in flight`);
    const producer = startRelay(['produce', topic(HOPS[0]), String(o.messages), String(o.concurrency), String(o.sources), String(o.bytes)]);
    usage.add('null ingest', producer.child.pid);
    await until(
      'the null pipeline to deliver every message',
      async () => {
        if (producer.child.exitCode) throw new Error(`the null producer exited with ${producer.child.exitCode}`);
        return arrivals.length >= o.messages;
      },
      600_000,
    );
    const to = await sampler.mark();
    await producer.firstLine;
    const first = Math.min(...sentAt);
    const seconds = (Math.max(...arrivals) - first) / 1000;
    return {
      messages: o.messages,
      bytes: o.bytes,
      seconds,
      messagesPerS: o.messages / seconds,
      latencyMs: latency(arrivals.map((a, i) => a - sentAt[i])),
      stages: sampler.figures(from, to),
      processes: usage.usage(),
    };
  } finally {
    usage.stop();
    await sampler.stop();
    await out?.close();
    await Promise.all(
      relays.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}
