import { randomUUID } from 'node:crypto';
import { ConsumersService } from '../consumers/consumers.service';
import { RunningPublishApp, startPublishApp } from '../testing/publish-app';

jest.setTimeout(120_000);

async function get(url: string, apiKey?: string): Promise<{ status: number; retryAfter: string | null; body: Record<string, unknown> }> {
  const res = await fetch(url, { headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {} });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: text.startsWith('{') ? JSON.parse(text) : {} };
}

describe('rate limits of the stories API and the stream (a token bucket per key, per address for public reading)', () => {
  let running: RunningPublishApp;
  let consumers: ConsumersService;

  beforeAll(async () => {
    running = await startPublishApp({
      ...process.env,
      PUBLISH_PUBLIC_READ: 'true',
      PUBLISH_RATE_LIMIT_BURST: '3',
      PUBLISH_RATE_LIMIT_PER_S: '2',
      PUBLISH_PUBLIC_RATE_LIMIT_BURST: '2',
      PUBLISH_PUBLIC_RATE_LIMIT_PER_S: '1',
    });
    consumers = running.app.get(ConsumersService);
  });

  afterAll(async () => {
    await running?.close();
  });

  it('answers 429 RATE_LIMITED with Retry-After once a key has used its burst; other keys are not affected; the bucket refills', async () => {
    const a = await consumers.register(`limited ${randomUUID()}`);
    const b = await consumers.register(`limited ${randomUUID()}`);
    const list = `${running.url}/v1/stories?limit=1`;
    const firstThree = [await get(list, a.apiKey), await get(`${running.url}/v1/stories/${randomUUID()}`, a.apiKey), await get(list, a.apiKey)];
    expect(firstThree.map((r) => r.status)).toEqual([200, 404, 200]);

    const refused = await get(list, a.apiKey);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect(refused.body).toEqual({ error: 'RATE_LIMITED', message: expect.stringContaining('consumer key'), details: [{ retryAfterSeconds: 1 }] });
    // Opening the stream costs a token too.
    expect((await fetch(`${running.url}/v1/stream`, { headers: { Authorization: `Bearer ${a.apiKey}` } })).status).toBe(429);

    expect((await get(list, b.apiKey)).status).toBe(200);

    await new Promise((r) => setTimeout(r, Number(refused.retryAfter) * 1000));
    expect((await get(list, a.apiKey)).status).toBe(200);
  });

  it('limits public reading per client address, apart from the keys', async () => {
    const list = `${running.url}/v1/stories?limit=1`;
    const answers = [await get(list), await get(list), await get(list)];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(answers[2].body).toMatchObject({ error: 'RATE_LIMITED', message: expect.stringContaining('client address') });
    expect(Number(answers[2].retryAfter)).toBeGreaterThanOrEqual(1);
    const key = await consumers.register(`limited ${randomUUID()}`);
    expect((await get(list, key.apiKey)).status).toBe(200);
  });
});
