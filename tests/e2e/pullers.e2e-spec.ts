import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { StoriesApi } from '@copydesk/client';
import { commandEnv, DATABASE_URL, ROOT } from '../support/env';
import { addConsumer, addSource, eventually, RunningStack, startServices } from '../support/service-processes';

jest.setTimeout(180_000);

const RUN = Date.now().toString(36);

/** `copydesk feeds …` as an operator runs it (the script the command line passes `feeds` to); its JSON lines. */
function feeds(...args: string[]): Promise<{ status: number | null; lines: Record<string, unknown>[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', path.join(ROOT, 'tools/register-paths.js'), path.join(ROOT, 'dist/services/ingest/src/commands/feeds.command.js'), ...args],
      { env: commandEnv({ DATABASE_URL, LOG_LEVEL: 'warn' }), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.once('error', reject);
    child.once('close', (status) =>
      resolve({
        status,
        stderr,
        lines: stdout
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as Record<string, unknown>),
      }),
    );
  });
}

function rss(items: { guid: string; title: string; text: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Pullers wire</title><link>http://example.com/</link><description>Test wire</description>
${items.map((i) => `<item><title>${i.title}</title><link>http://example.com/${i.guid}</link><guid isPermaLink="false">${i.guid}</guid><pubDate>Fri, 21 Mar 2025 09:00:00 GMT</pubDate><description>${i.text}</description></item>`).join('\n')}
</channel></rss>`;
}

const TAGGED = rss([
  {
    guid: `${RUN}-1`,
    title: `Lighthouse keeper retires after forty years ${RUN}`,
    text: `The keeper of the north lighthouse retired on Friday after forty years (${RUN}).`,
  },
  { guid: `${RUN}-2`, title: `Ferry timetable changes for the winter ${RUN}`, text: `The ferry company published its winter timetable on Friday (${RUN}).` },
]);
const MENDED = rss([
  { guid: `${RUN}-4`, title: `Council approves new cycle lanes ${RUN}`, text: `The council approved three new cycle lanes on Thursday (${RUN}).` },
]);
const ETAG = `"v1-${RUN}"`;
const UNTAGGED = rss([
  { guid: `${RUN}-3`, title: `Orchard harvest starts early ${RUN}`, text: `Growers began the apple harvest two weeks early this year (${RUN}).` },
]);

describe('pullers: a polled feed and a drop folder both become stories', () => {
  let stack: RunningStack;
  let feedServer: Server;
  let feedBase: string;
  let api: StoriesApi;
  let feedSource: { id: string; name: string };
  let dropSource: { id: string; name: string };
  let dropDir: string;
  let brokenAnswers = 500;
  const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
  const db = new Client({ connectionString: DATABASE_URL });

  const PRESENT = `Harbour bridge reopens after repairs ${RUN}\n\nThe harbour bridge reopened on Monday after three months of repairs (${RUN}).\n`;
  const DROPPED = `Library opens a reading room for children ${RUN}\n\nThe city library opened a reading room for children on Tuesday (${RUN}).\n`;

  beforeAll(async () => {
    feedServer = createServer((req, res) => {
      requests.push({ path: req.url ?? '', headers: req.headers });
      if (req.url === '/tagged.xml') {
        if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
        return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: ETAG }).end(TAGGED);
      }
      // No validators: every poll fetches the whole document again.
      if (req.url === '/untagged.xml') return void res.writeHead(200, { 'content-type': 'text/xml' }).end(UNTAGGED);
      if (req.url === '/broken.xml') {
        if (brokenAnswers === 200) return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(MENDED);
        return void res.writeHead(brokenAnswers, { 'content-type': 'text/plain' }).end('down for maintenance');
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    feedBase = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;

    feedSource = addSource(`pullers-feeds-${RUN}`);
    dropSource = addSource(`pullers-drop-${RUN}`);
    dropDir = mkdtempSync(path.join(tmpdir(), 'copydesk-drop-'));
    // There before ingest starts: taken at start-up.
    writeFileSync(path.join(dropDir, 'present.txt'), PRESENT);
    await db.connect();
    stack = await startServices(`pullers`, 21981, {
      INGEST_FEED_SCAN_SECONDS: '1',
      INGEST_FEED_MAX_BACKOFF_SECONDS: '4',
      INGEST_DROP_DIR: dropDir,
      INGEST_DROP_SOURCE: dropSource.name,
      INGEST_DROP_STABLE_MS: '300',
    });
    api = new StoriesApi(stack.urls.publish, { apiKey: (await addConsumer(`pullers-${RUN}`)).apiKey });
  });

  afterAll(async () => {
    await stack?.stop();
    await db.query(`DELETE FROM ingest.feeds WHERE source_id = $1`, [feedSource.id]);
    await new Promise((resolve) => feedServer?.close(resolve));
    await db.end();
    if (dropDir) rmSync(dropDir, { recursive: true, force: true });
  });

  const listing = async (url: string) => (await feeds('list')).lines.find((l) => l.url === url);
  /** The feed's poll status straight from the database: cheap enough to wait on. */
  const statusOf = async (url: string) =>
    (await db.query(`SELECT last_status, failures, documents_taken FROM ingest.feeds WHERE url = $1`, [url])).rows[0] as
      { last_status: string; failures: number; documents_taken: number } | undefined;

  it('adds feeds with `feeds add`, printing each new feed', async () => {
    const added = await Promise.all(
      ['tagged.xml', 'untagged.xml'].map((name) => feeds('add', `${feedBase}/${name}`, '--source', feedSource.name, '--every', '1s')),
    );
    expect(added.map((a) => [a.status, a.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    expect(added.map((a) => a.lines)).toEqual(
      ['tagged.xml', 'untagged.xml'].map((name) => [
        expect.objectContaining({ url: `${feedBase}/${name}`, sourceId: feedSource.id, every: '1s', status: 'new', failures: 0, documentsTaken: 0 }),
      ]),
    );
  });

  it('turns a feed into stories, then polls it conditionally: If-None-Match, 304, nothing taken again', async () => {
    const stories = await eventually(async () => {
      const found = await api.listAll({ source: feedSource.id });
      return found.length >= 3 ? found : undefined;
    }, 'the stories of both feeds');
    expect(stories.map((s) => s.headline).sort()).toEqual(
      [`Ferry timetable changes for the winter ${RUN}`, `Lighthouse keeper retires after forty years ${RUN}`, `Orchard harvest starts early ${RUN}`].sort(),
    );

    const url = `${feedBase}/tagged.xml`;
    await eventually(() => (requests.some((r) => r.path === '/tagged.xml' && r.headers['if-none-match'] === ETAG) ? true : undefined), 'a conditional poll');
    expect(requests.find((r) => r.path === '/tagged.xml')?.headers['if-none-match']).toBeUndefined();
    await eventually(async () => ((await statusOf(url))?.last_status === 'not-modified' ? true : undefined), 'the feed not modified');
    const status = (await listing(url)) as Record<string, unknown>;
    expect(status).toMatchObject({ lastHttpStatus: 304, documentsTaken: 1, failures: 0, lastError: null, etag: ETAG });
    expect(Date.parse(status.nextPollAt as string)).toBeGreaterThan(Date.parse(status.lastPolledAt as string));
  });

  it('takes a feed without validators once: the same document fetched again is recognised by its hash', async () => {
    const url = `${feedBase}/untagged.xml`;
    await eventually(async () => ((await statusOf(url))?.last_status === 'unchanged' ? true : undefined), 'the untagged feed fetched again unchanged');
    const feed = await listing(url);
    expect(feed).toMatchObject({ lastHttpStatus: 200, documentsTaken: 1, failures: 0 });
    const sha = createHash('sha256').update(UNTAGGED).digest('hex');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ingest.submissions WHERE source_id = $1 AND idempotency_key = $2`, [
      feedSource.id,
      `feed:${sha}`,
    ]);
    expect(rows[0].n).toBe(1);
    expect(requests.filter((r) => r.path === '/untagged.xml').length).toBeGreaterThanOrEqual(2);
  });

  it('backs a failing feed off, doubling its wait, shows the error in its status, and takes it once mended', async () => {
    const url = `${feedBase}/broken.xml`;
    expect((await feeds('add', url, '--source', feedSource.name, '--every', '1s')).status).toBe(0);
    // The database's own record, read every 200 ms: the first wait lasts only 2 s.
    const waits = new Map<number, number>();
    await eventually(async () => {
      const { rows } = await db.query(
        `SELECT failures, (extract(epoch FROM next_poll_at - last_polled_at) * 1000)::int AS wait_ms FROM ingest.feeds WHERE url = $1 AND failures > 0`,
        [url],
      );
      if (rows[0]) waits.set(rows[0].failures as number, rows[0].wait_ms as number);
      return waits.has(2) ? true : undefined;
    }, 'two failed polls');
    // A 1 s feed waits 2 s after its first failure, 4 s (the cap here) after its second.
    expect([waits.get(1), waits.get(2)]).toEqual([2000, 4000]);
    const failing = await listing(url);
    expect(failing).toMatchObject({
      status: 'error',
      lastHttpStatus: 500,
      documentsTaken: 0,
      lastError: expect.objectContaining({ code: 'FEED_HTTP_STATUS' }),
    });
    expect((failing?.failures as number) >= 2).toBe(true);

    brokenAnswers = 200;
    await eventually(async () => ((await statusOf(url))?.last_status === 'taken' ? true : undefined), 'the mended feed taken');
    const mended = await listing(url);
    // The last error stays on show, with its time, after the feed is well again.
    expect(mended).toMatchObject({ failures: 0, documentsTaken: 1, lastHttpStatus: 200, lastError: expect.objectContaining({ code: 'FEED_HTTP_STATUS' }) });
    await eventually(async () => {
      const found = await api.listAll({ source: feedSource.id });
      return found.some((s) => s.headline === `Council approves new cycle lanes ${RUN}`) ? true : undefined;
    }, 'the story of the mended feed');

    const removed = await feeds('remove', url);
    expect(removed.lines).toEqual([{ id: mended?.id, url, removed: true }]);
    expect(await statusOf(url)).toBeUndefined();
  });

  it('takes the files of the drop folder once each, those there at start-up too, and moves them to processed/', async () => {
    // Written under a partial name, then renamed, as a careful copier does; the partial name is never read.
    writeFileSync(path.join(dropDir, 'dropped.txt.part'), DROPPED);
    writeFileSync(path.join(dropDir, 'left.txt.part'), 'still being written');
    renameSync(path.join(dropDir, 'dropped.txt.part'), path.join(dropDir, 'dropped.txt'));

    const stories = await eventually(async () => {
      const found = await api.listAll({ source: dropSource.id });
      return found.length >= 2 ? found : undefined;
    }, 'the stories of the two files');
    expect(stories.map((s) => s.headline).sort()).toEqual(
      [`Harbour bridge reopens after repairs ${RUN}`, `Library opens a reading room for children ${RUN}`].sort(),
    );
    await eventually(() => (existsSync(path.join(dropDir, 'processed', 'dropped.txt')) ? true : undefined), 'the dropped file moved');
    expect(readdirSync(path.join(dropDir, 'processed')).sort()).toEqual(['dropped.txt', 'present.txt']);
    expect(readFileSync(path.join(dropDir, 'processed', 'present.txt'), 'utf8')).toBe(PRESENT);
    expect(existsSync(path.join(dropDir, 'left.txt.part'))).toBe(true);

    // The same copy dropped again (a crash between submission and move looks the same): accepted once only.
    writeFileSync(path.join(dropDir, 'again.txt'), PRESENT);
    await eventually(() => (existsSync(path.join(dropDir, 'processed', 'again.txt')) ? true : undefined), 'the copy dropped again moved');
    const sha = createHash('sha256').update(PRESENT).digest('hex');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ingest.submissions WHERE source_id = $1 AND idempotency_key = $2`, [
      dropSource.id,
      `file:${sha}`,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('moves a file it refuses to failed/ beside a reason file with the code and message', async () => {
    writeFileSync(path.join(dropDir, 'blank.txt'), '  \n\n ');
    const reasonFile = path.join(dropDir, 'failed', 'blank.txt.error.json');
    await eventually(() => (existsSync(reasonFile) && existsSync(path.join(dropDir, 'failed', 'blank.txt')) ? true : undefined), 'the refused file moved');
    expect(JSON.parse(readFileSync(reasonFile, 'utf8'))).toEqual({
      code: 'EMPTY_BODY',
      message: 'the request body is empty',
      file: 'blank.txt',
      failedAt: expect.any(String),
    });
    expect(existsSync(path.join(dropDir, 'blank.txt'))).toBe(false);
    expect(readdirSync(path.join(dropDir, 'failed')).sort()).toEqual(['blank.txt', 'blank.txt.error.json']);
  });
});
