import { Header } from '@copydesk/contracts';
import { InboundMessage } from '@copydesk/kafka';
import { BenchItem } from './bench-pages';
import { Latency, latency } from './latency';

export interface PhaseOptions {
  name: string;
  ingestUrl: string;
  /** API keys of the run's sources; item.source indexes them. */
  apiKeys: string[];
  items: BenchItem[];
  /** Most requests in flight. */
  concurrency: number;
  /** Items per second, steady; as fast as possible when absent. */
  rate?: number;
  drainTimeoutMs: number;
  /** After the last 202, the wait ends early once no event has come for this long: what is missing then is not coming. */
  quietMs: number;
  published: PublishedLog;
  log: (line: string) => void;
}

export interface PhaseReport {
  name: string;
  items: number;
  kinds: Record<string, number>;
  /** Items that should come out of publish (new stories and updates; exact repeats make no version). */
  expected: number;
  published: number;
  missing: number;
  /** Items with more than one event, and exact repeats that made one: both should be 0. */
  duplicated: number;
  repeatsPublished: number;
  retries: number;
  acceptSeconds: number;
  endToEndSeconds: number;
  acceptedPerS: number;
  endToEndPerS: number;
  /** From the 202 to the item's event on story.published.v1. */
  latencyMs: Latency;
  /** From the request to the 202. */
  acceptLatencyMs: Latency;
}

/** When each submission's first event arrived on story.published.v1, and how many it has. */
export class PublishedLog {
  readonly firstAt = new Map<string, number>();
  readonly events = new Map<string, number>();
  lastEventAt = 0;

  onMessage = (m: InboundMessage): void => {
    const id = m.headers[Header.SubmissionId];
    if (!id) return;
    this.lastEventAt = Date.now();
    if (!this.firstAt.has(id)) this.firstAt.set(id, Date.now());
    this.events.set(id, (this.events.get(id) ?? 0) + 1);
  };
}

interface Sent {
  item: BenchItem;
  sentAt: number;
  acceptedAt: number;
  submissionId: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Posts one item until ingest accepts it; backs off on 429 and 503 (admission), fails on any other refusal. */
async function post(o: PhaseOptions, item: BenchItem, onRetry: () => void): Promise<Sent> {
  const sentAt = Date.now();
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${o.ingestUrl}/v1/wire`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${o.apiKeys[item.source]}`, 'Content-Type': 'text/plain; charset=utf-8' },
      body: item.body,
    });
    const answer = (await res.json().catch(() => ({}))) as { submissionId?: string };
    if (res.status === 202 && answer.submissionId) return { item, sentAt, acceptedAt: Date.now(), submissionId: answer.submissionId };
    if (res.status !== 429 && res.status !== 503) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(answer)}`);
    onRetry();
    await sleep(Math.min(1000, 20 * 2 ** attempt));
  }
}

/**
 * One phase of the load: every item posted (at `rate`, or as fast as `concurrency` clients
 * go), then waits until each item that should be published has its event, or the drain
 * timeout passes (what is still missing is reported, not hidden).
 */
export async function runPhase(o: PhaseOptions): Promise<PhaseReport> {
  const sent: Sent[] = [];
  // An update or a repeat goes out once its original is accepted, so it reaches dedupe after it.
  const accepted = o.items.map(() => {
    let resolve = () => undefined as void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  });
  let retries = 0;
  let next = 0;
  const started = Date.now();
  const due = (i: number) => (o.rate ? started + (i * 1000) / o.rate : started);
  let lastLog = started;
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (next < o.items.length) {
        const i = next++;
        const wait = due(i) - Date.now();
        if (wait > 0) await sleep(wait);
        const item = o.items[i];
        if (item.of !== undefined) await accepted[item.of].promise;
        sent.push(await post(o, item, () => retries++));
        accepted[i].resolve();
        if (Date.now() - lastLog > 5000) {
          lastLog = Date.now();
          o.log(`${o.name}: ${sent.length}/${o.items.length} accepted, ${o.published.firstAt.size} published so far`);
        }
      }
    }),
  );
  const acceptedAll = Math.max(...sent.map((s) => s.acceptedAt));
  const expected = sent.filter((s) => s.item.kind !== 'repeat');
  const end = Date.now() + o.drainTimeoutMs;
  const quiet = () => Date.now() - Math.max(acceptedAll, o.published.lastEventAt) > o.quietMs;
  while (expected.some((s) => !o.published.firstAt.has(s.submissionId)) && Date.now() < end && !quiet()) await sleep(100);
  const arrived = expected.filter((s) => o.published.firstAt.has(s.submissionId));
  const lastArrival = Math.max(acceptedAll, ...arrived.map((s) => o.published.firstAt.get(s.submissionId) as number));
  const kinds: Record<string, number> = {};
  for (const s of sent) kinds[s.item.kind] = (kinds[s.item.kind] ?? 0) + 1;
  const acceptSeconds = (acceptedAll - started) / 1000;
  const endToEndSeconds = (lastArrival - started) / 1000;
  return {
    name: o.name,
    items: sent.length,
    kinds,
    expected: expected.length,
    published: arrived.length,
    missing: expected.length - arrived.length,
    duplicated: arrived.filter((s) => (o.published.events.get(s.submissionId) ?? 0) > 1).length,
    repeatsPublished: sent.filter((s) => s.item.kind === 'repeat' && o.published.events.has(s.submissionId)).length,
    retries,
    acceptSeconds,
    endToEndSeconds,
    acceptedPerS: sent.length / acceptSeconds,
    endToEndPerS: arrived.length / endToEndSeconds,
    latencyMs: latency(arrived.map((s) => (o.published.firstAt.get(s.submissionId) as number) - s.acceptedAt)),
    acceptLatencyMs: latency(sent.map((s) => s.acceptedAt - s.sentAt)),
  };
}
