import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RunningPublishApp, startPublishApp } from '../testing/publish-app';
import { generateConsumerKey, hashConsumerKey } from './consumer-key';
import { ConsumersService } from './consumers.service';

jest.setTimeout(120_000);

const KEY_CACHE_TTL_MS = 1500;

interface Answer {
  status: number;
  body: { error?: string; message?: string; details?: unknown[] };
  headers: Headers;
}

async function get(url: string, key?: string): Promise<Answer> {
  const res = await fetch(url, { headers: key === undefined ? {} : { Authorization: key } });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : {}, headers: res.headers };
}

/** Opens the SSE stream and answers its status, then drops the connection. */
async function streamStatus(url: string, key?: string): Promise<number> {
  const stop = new AbortController();
  const res = await fetch(`${url}/v1/stream`, { headers: key === undefined ? {} : { Authorization: key }, signal: stop.signal });
  stop.abort();
  return res.status;
}

describe('consumer keys on the stories API and the stream (real database)', () => {
  let running: RunningPublishApp;
  let consumers: ConsumersService;
  let db: DataSource;

  beforeAll(async () => {
    running = await startPublishApp({ ...process.env, PUBLISH_PUBLIC_READ: 'false', PUBLISH_KEY_CACHE_TTL_MS: String(KEY_CACHE_TTL_MS) });
    consumers = running.app.get(ConsumersService);
    db = running.app.get(DataSource);
  });

  afterAll(async () => {
    await running?.close();
  });

  it('answers 401 UNAUTHORIZED in the JSON error body without a key, with a malformed header or an unknown key', async () => {
    const { url } = running;
    for (const key of [undefined, 'cdc_nonsense', `Basic ${generateConsumerKey()}`, `Bearer ${generateConsumerKey()}`, 'Bearer ']) {
      const answer = await get(`${url}/v1/stories`, key);
      expect([key, answer.status, answer.body.error]).toEqual([key, 401, 'UNAUTHORIZED']);
      expect(Object.keys(answer.body).sort()).toEqual(['details', 'error', 'message']);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="copydesk"');
    }
    expect((await get(`${url}/v1/stories/${randomUUID()}`)).status).toBe(401);
    expect((await get(`${url}/v1/stories/${randomUUID()}/versions`)).status).toBe(401);
    expect(await streamStatus(url)).toBe(401);
    expect(await streamStatus(url, `Bearer ${generateConsumerKey()}`)).toBe(401);
    // Health and the API document stay open.
    expect((await get(`${url}/health/live`)).status).toBe(200);
  });

  it('lets a registered key read the API and the stream, and stores only the key’s SHA-256', async () => {
    const created = await consumers.register(`reader ${randomUUID()}`);
    expect(created.apiKey).toMatch(/^cdc_[A-Za-z0-9_-]{43}$/);
    expect((await get(`${running.url}/v1/stories?limit=1`, `Bearer ${created.apiKey}`)).status).toBe(200);
    expect((await get(`${running.url}/v1/stories/${randomUUID()}`, `Bearer ${created.apiKey}`)).body.error).toBe('STORY_NOT_FOUND');
    expect(await streamStatus(running.url, `Bearer ${created.apiKey}`)).toBe(200);

    const [row] = (await db.query(`SELECT to_jsonb(c) AS row FROM publish.consumers c WHERE id = $1`, [created.id])) as { row: Record<string, unknown> }[];
    expect(row.row.api_key_hash).toBe(hashConsumerKey(created.apiKey));
    expect(JSON.stringify(row.row)).not.toContain(created.apiKey.slice(4));
  });

  it('keeps a successful look-up for a few seconds only: a disabled key stops working within the cache time', async () => {
    const created = await consumers.register(`reader ${randomUUID()}`);
    const auth = `Bearer ${created.apiKey}`;
    expect((await get(`${running.url}/v1/stories?limit=1`, auth)).status).toBe(200);
    const disabledAt = Date.now();
    await consumers.disable(created.name);

    // Answered from the cache meanwhile, then refused: never later than the cache time.
    let refusedAt: number | undefined;
    let servedFromCache = 0;
    while (refusedAt === undefined && Date.now() - disabledAt < KEY_CACHE_TTL_MS + 3000) {
      const answer = await get(`${running.url}/v1/stories?limit=1`, auth);
      if (answer.status === 401) refusedAt = Date.now();
      else expect(answer.status).toBe(200);
      if (answer.status === 200) servedFromCache++;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(servedFromCache).toBeGreaterThan(0);
    expect(refusedAt).toBeDefined();
    expect(refusedAt! - disabledAt).toBeLessThan(KEY_CACHE_TTL_MS + 500);
    expect(await streamStatus(running.url, auth)).toBe(401);
  });

  it('never keeps a failed look-up: a key refused a moment ago works as soon as it is registered', async () => {
    const apiKey = generateConsumerKey();
    expect((await get(`${running.url}/v1/stories?limit=1`, `Bearer ${apiKey}`)).status).toBe(401);
    await db.query(`INSERT INTO publish.consumers (id, name, api_key_hash) VALUES ($1, $2, $3)`, [
      randomUUID(),
      `reader ${randomUUID()}`,
      hashConsumerKey(apiKey),
    ]);
    expect((await get(`${running.url}/v1/stories?limit=1`, `Bearer ${apiKey}`)).status).toBe(200);
  });
});

describe('public reading switched on (PUBLISH_PUBLIC_READ=true)', () => {
  let running: RunningPublishApp;

  beforeAll(async () => {
    running = await startPublishApp({ ...process.env, PUBLISH_PUBLIC_READ: 'true' });
  });

  afterAll(async () => {
    await running?.close();
  });

  it('serves requests without a key, and still refuses a key that is not valid', async () => {
    expect((await get(`${running.url}/v1/stories?limit=1`)).status).toBe(200);
    expect(await streamStatus(running.url)).toBe(200);
    const refused = await get(`${running.url}/v1/stories?limit=1`, `Bearer ${generateConsumerKey()}`);
    expect([refused.status, refused.body.error]).toEqual([401, 'UNAUTHORIZED']);
  });
});
