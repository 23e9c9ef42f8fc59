import { DataSource } from 'typeorm';
import { spawn } from 'node:child_process';
import { ConsumersService } from '../consumers/consumers.service';
import { READ_DATA_SOURCE } from '../database/read-data-source';
import { PublishService } from '../stories/publish.service';
import { RunningPublishApp, startPublishApp } from '../testing/publish-app';
import { storyVersionFixture } from '../testing/story-version.fixture';

jest.setTimeout(180_000);

const BACKLOG = 1000;
const CLIENTS = 40;

/** The pg pool behind a TypeORM data source: how many callers wait for a connection. */
function poolOf(ds: DataSource): { waitingCount: number; totalCount: number } {
  return (ds.driver as unknown as { master: { waitingCount: number; totalCount: number } }).master;
}

/**
 * The SSE clients, in a process of their own as they would be: each reads the stream from
 * `from` until the event with id `until` has arrived, and the process prints one line per
 * client that got there.
 */
const CLIENT_SCRIPT = `
const http = require('node:http');
const [url, key, from, until, count] = process.argv.slice(1);
setTimeout(() => process.exit(1), 120000).unref();
const marker = '\\nid: ' + until + '\\n';
for (let i = 0; i < Number(count); i++) {
  let done = false;
  const req = http.request(url + '/v1/stream', { headers: { Accept: 'text/event-stream', Authorization: 'Bearer ' + key, 'Last-Event-ID': from } }, (res) => {
    if (res.statusCode !== 200) { done = true; process.stdout.write('refused ' + res.statusCode + '\\n'); res.resume(); return; }
    let tail = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      const text = tail + chunk;
      if (text.includes(marker)) { done = true; process.stdout.write('caught up\\n'); req.destroy(); }
      tail = text.slice(-marker.length);
    });
    res.on('error', () => undefined);
    res.on('close', () => { if (!done) process.stdout.write('ended early\\n'); });
  });
  req.on('error', (e) => { if (!done) process.stdout.write('failed ' + e.message + '\\n'); });
  req.end();
}
`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

describe('the read pool: SSE clients catching up never make the consumer wait for a connection', () => {
  let running: RunningPublishApp;
  let publisher: PublishService;
  let writePool: DataSource;
  let readPool: DataSource;
  let apiKey: string;

  beforeAll(async () => {
    running = await startPublishApp(process.env);
    publisher = running.app.get(PublishService);
    writePool = running.app.get(DataSource);
    readPool = running.app.get<DataSource>(READ_DATA_SOURCE);
    ({ apiKey } = await running.app.get(ConsumersService).register(`read-pool ${Date.now()}`));
  });

  afterAll(async () => {
    await running?.close();
  });

  it('commits the consumer’s transactions at once while 40 SSE clients read a backlog of 1,000 versions', async () => {
    const [{ seq: start }] = (await writePool.query('SELECT seq::text AS seq FROM publish.stream_position')) as { seq: string }[];
    const paragraph = 'KOBLENZ: The river fell overnight and the shipping lanes reopened at dawn. '.repeat(20);
    for (let i = 0; i < BACKLOG; i += 100) {
      await publisher.publishBatch(Array.from({ length: 100 }, () => storyVersionFixture({ item: { body: [{ kind: 'paragraph', text: paragraph }] } })));
    }
    const [{ seq: backlogHead }] = (await writePool.query('SELECT seq::text AS seq FROM publish.stream_position')) as { seq: string }[];

    // Every pool's queue, sampled while the clients catch up.
    const waiting = { read: 0, write: 0 };
    const sampler = setInterval(() => {
      waiting.read = Math.max(waiting.read, poolOf(readPool).waitingCount);
      waiting.write = Math.max(waiting.write, poolOf(writePool).waitingCount);
    }, 2);

    let caughtUp = 0;
    const refused: string[] = [];
    const clients = spawn(process.execPath, ['-e', CLIENT_SCRIPT, running.url, apiKey, start, backlogHead, String(CLIENTS)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    clients.stdout.setEncoding('utf8');
    let out = '';
    clients.stdout.on('data', (text: string) => {
      out += text;
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'caught up') caughtUp++;
        else refused.push(line);
      }
    });
    const clientsDone = new Promise<void>((resolve) => clients.once('exit', () => resolve()));

    // The consumer goes on recording versions, one transaction each, while the clients read.
    const commitMs: number[] = [];
    const whileCatchingUp: boolean[] = [];
    while (caughtUp < CLIENTS && commitMs.length < 200) {
      const began = performance.now();
      await publisher.publishBatch([storyVersionFixture()]);
      commitMs.push(performance.now() - began);
      whileCatchingUp.push(caughtUp < CLIENTS && poolOf(readPool).waitingCount > 0);
    }
    await clientsDone;
    clearInterval(sampler);

    // The read pool was the bottleneck during the measurement...
    expect(waiting.read).toBeGreaterThan(0);
    expect(whileCatchingUp.filter(Boolean).length).toBeGreaterThanOrEqual(5);
    // ...and the consumer never queued behind it.
    expect(waiting.write).toBe(0);
    // Event-loop time is shared with the streams, so commits slow down; by how much depends on
    // the machine, so it is printed below rather than held to a limit.
    // Every client read the whole backlog, in spite of the queue.
    expect({ caughtUp, refused }).toEqual({ caughtUp: CLIENTS, refused: [] });
    process.stdout.write(
      `read pool: ${CLIENTS} SSE clients caught up on ${BACKLOG} versions; ${commitMs.length} consumer commits meanwhile, ` +
        `p50 ${percentile(commitMs, 50).toFixed(1)} ms, p95 ${percentile(commitMs, 95).toFixed(1)} ms, max ${percentile(commitMs, 100).toFixed(1)} ms; ` +
        `most callers waiting for a read connection: ${waiting.read}, for a write connection: ${waiting.write}\n`,
    );
  });
});
