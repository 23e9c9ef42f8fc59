import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { addUser, startConsole } from '../support/console-process';
import { eventually, RunningStack, startServices } from '../support/service-processes';

jest.setTimeout(240_000);

const NAME = 'console-api';
const DOWN = 'http://127.0.0.1:21489';

interface Client {
  cookie: string;
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

describe('the console API, against the broker, the database and ingest', () => {
  let ingest: RunningStack;
  let stack: RunningStack;
  let app: { url: string; stop(): Promise<void> };
  let receiver: Server;
  let receiverUrl: string;
  const received: Record<string, unknown>[] = [];
  let admin: Client;
  let operator: Client;
  let viewer: Client;
  const token = `admin-${Date.now()}`;
  const consoleEnv = { INGEST_ADMIN_TOKEN: token, CONSOLE_SAMPLE_MS: '1000' };

  async function login(user: { username: string; password: string }): Promise<Client> {
    const res = await fetch(`${app.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return {
      cookie,
      call: async <T>(method: string, path: string, body?: unknown) => {
        const r = await fetch(`${app.url}${path}`, {
          method,
          headers: { cookie, ...(method === 'GET' ? {} : { 'content-type': 'application/json', 'x-csrf-token': csrfToken }) },
          body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
        });
        return { status: r.status, body: (await r.json()) as T };
      },
    };
  }

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString('utf8')));
      req.on('end', () => {
        received.push({ contentType: req.headers['content-type'], ...JSON.parse(text) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(21490, '127.0.0.1', () => r()));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    // Only ingest runs: the other stages stay down, which the alerts below notice.
    ingest = await startServices(NAME, 21481, { INGEST_ADMIN_TOKEN: token }, ['ingest']);
    stack = { urls: { ingest: ingest.urls.ingest, normalise: DOWN, dedupe: DOWN, publish: DOWN }, stop: () => ingest.stop() };
    app = await startConsole(NAME, 21480, stack, consoleEnv);
    const stamp = Date.now();
    admin = await login(await addUser(`admin-${stamp}`, 'admin'));
    operator = await login(await addUser(`op-${stamp}`, 'operator'));
    viewer = await login(await addUser(`viewer-${stamp}`, 'viewer'));
  });

  afterAll(async () => {
    await app?.stop();
    await ingest?.stop();
    await new Promise((r) => receiver?.close(r));
  });

  it('answers bad credentials, missing sessions, missing CSRF tokens and bad input with stable codes', async () => {
    const wrong = await fetch(`${app.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'x' }),
    });
    expect([wrong.status, ((await wrong.json()) as { error: string }).error]).toEqual([401, 'INVALID_CREDENTIALS']);
    const form = await fetch(`${app.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=a&password=b',
    });
    expect([form.status, ((await form.json()) as { error: string }).error]).toEqual([403, 'CSRF_FAILED']);
    const anonymous = await fetch(`${app.url}/api/topics`);
    expect([anonymous.status, ((await anonymous.json()) as { error: string }).error]).toEqual([401, 'UNAUTHORIZED']);
    expect(await viewer.call('GET', '/api/messages?topic=no.such.topic')).toEqual({ status: 404, body: expect.objectContaining({ error: 'UNKNOWN_TOPIC' }) });
    expect(await viewer.call('GET', '/api/messages?topic=wire.raw.v1&limit=0')).toEqual({
      status: 400,
      body: { error: 'VALIDATION_FAILED', message: 'request validation failed', details: ['limit must not be less than 1'] },
    });
    expect((await viewer.call('POST', '/api/users', { username: 'x', role: 'viewer' })).body).toMatchObject({ error: 'FORBIDDEN' });
  });

  it('fires a rule only after its hold time, posts it to the webhook, and tests the webhook', async () => {
    const added = await admin.call<{ id: string; createdAt: string }>('POST', '/api/alerts/rules', {
      name: `normalise down ${Date.now()}`,
      kind: 'stage_not_ready',
      stage: 'normalise',
      holdSeconds: 3,
      webhookUrl: receiverUrl,
    });
    expect(added.status).toBe(201);
    const firing = await eventually(
      () => received.find((n) => (n.rule as { id: string }).id === added.body.id && n.state === 'firing'),
      'the alert on the webhook',
    );
    expect(firing).toMatchObject({
      contentType: 'application/json',
      state: 'firing',
      value: 1,
      rule: { kind: 'stage_not_ready', stage: 'normalise', holdSeconds: 3 },
    });
    expect(Date.parse(firing.at as string) - Date.parse(added.body.createdAt)).toBeGreaterThanOrEqual(3000);
    const listed = await viewer.call<{ rules: { id: string; state: { firing: boolean } }[]; events: { ruleId: string; state: string; delivery: string }[] }>(
      'GET',
      '/api/alerts',
    );
    expect(listed.body.rules.find((r) => r.id === added.body.id)?.state.firing).toBe(true);
    expect(listed.body.events.find((e) => e.ruleId === added.body.id)).toMatchObject({ state: 'firing', delivery: 'delivered (204)' });
    expect(await operator.call('POST', `/api/alerts/rules/${added.body.id}/test`)).toEqual({ status: 200, body: { delivery: 'delivered (204)' } });
    expect(received.some((n) => (n.rule as { id: string }).id === added.body.id && n.state === 'test')).toBe(true);
    expect((await admin.call('DELETE', `/api/alerts/rules/${added.body.id}`)).status).toBe(200);
  });

  it('manages sources through ingest: the key is shown once and works; rotate and disable stop the old one', async () => {
    const added = await admin.call<{ id: string; name: string; apiKey: string }>('POST', '/api/sources', { name: `console-api ${Date.now()}` });
    expect(added.status).toBe(201);
    expect(added.body.apiKey).toMatch(/^cdk_/);
    const push = (key: string) =>
      fetch(`${ingest.urls.ingest}/v1/wire`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/plain' },
        body: 'Headline\n\nSome copy.',
      });
    expect((await push(added.body.apiKey)).status).toBe(202);
    const listed = await viewer.call<{ id: string; lastSeenAt: string | null; submissionsLastHour: number }[]>('GET', '/api/sources');
    expect(listed.body.find((s) => s.id === added.body.id)).toMatchObject({ submissionsLastHour: 1, lastSeenAt: expect.any(String) });
    expect((await operator.call('POST', `/api/sources/${added.body.id}/rotate`)).body).toMatchObject({ error: 'FORBIDDEN' });
    const rotated = await admin.call<{ apiKey: string }>('POST', `/api/sources/${added.body.id}/rotate`);
    expect(rotated.body.apiKey).not.toBe(added.body.apiKey);
    await eventually(async () => ((await push(added.body.apiKey)).status === 401 ? true : undefined), 'the old key to stop working');
    expect((await push(rotated.body.apiKey)).status).toBe(202);
    expect((await admin.call('POST', `/api/sources/${added.body.id}/disable`)).status).toBe(200);
    await eventually(async () => ((await push(rotated.body.apiKey)).status === 401 ? true : undefined), 'the disabled key to stop working');
    const audit = await admin.call<{ action: string; target: string; result: string; details: { outcome?: { apiKey?: string } } }[]>(
      'GET',
      '/api/audit?action=source.add',
    );
    const entry = audit.body.find((a) => a.result === 'ok' && JSON.stringify(a).includes(added.body.id));
    expect(entry?.details.outcome?.apiKey).toBe('[hidden]');
  });

  it('tails a topic live, filtered, and browses it by time and header', async () => {
    const src = (await admin.call<{ id: string; apiKey: string }>('POST', '/api/sources', { name: `tail ${Date.now()}` })).body;
    const { cookie } = viewer;
    const abort = new AbortController();
    const tail = await fetch(`${app.url}/api/messages/tail?topic=wire.raw.v1&source=${src.id}`, { headers: { cookie }, signal: abort.signal });
    expect(tail.status).toBe(200);
    const reader = (tail.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    const readUntil = async (pred: () => boolean) => {
      while (!pred()) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`the tail ended: ${text}`);
        text += new TextDecoder().decode(chunk.value);
      }
    };
    await readUntil(() => text.includes('event: ready'));
    const since = new Date().toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${ingest.urls.ingest}/v1/wire`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${src.apiKey}`, 'Content-Type': 'text/plain' },
        body: `Headline ${i}\n\nCopy.`,
      });
      ids.push(((await r.json()) as { submissionId: string }).submissionId);
    }
    await readUntil(() => ids.every((id) => text.includes(id)));
    const events = text.split('\n\n').filter((e) => e.startsWith('event: message'));
    expect(events).toHaveLength(3);
    const first = JSON.parse(events[0].split('\ndata: ')[1]);
    expect(first.payload).toMatchObject({ kind: 'raw-submission', text: expect.stringMatching(/^Headline \d/) });
    abort.abort();
    const browsed = await viewer.call<{ items: { headers: Record<string, string> }[] }>(
      'GET',
      `/api/messages?topic=wire.raw.v1&time=${encodeURIComponent(since)}&submission=${ids[1]}`,
    );
    expect(browsed.body.items.map((m) => m.headers['copydesk-submission-id'])).toEqual([ids[1]]);
  });

  it('resets a group’s offsets as an operator, records it, and refuses a viewer', async () => {
    const group = `${NAME}-reset-${Date.now()}`;
    expect((await viewer.call('POST', `/api/groups/${group}/reset`, { topic: 'wire.raw.v1', to: 'earliest' })).status).toBe(403);
    const reset = await operator.call<{ after: { partition: number; offset: string }[] }>('POST', `/api/groups/${group}/reset`, {
      topic: 'wire.raw.v1',
      to: 'latest',
    });
    expect(reset.status).toBe(200);
    const shown = await viewer.call<{ topics: { topic: string; lag: number; partitions: { committed: string | null; high: string }[] }[] }>(
      'GET',
      `/api/groups/${group}`,
    );
    const raw = shown.body.topics.find((t) => t.topic === 'wire.raw.v1');
    expect(raw?.partitions.every((p) => p.committed === p.high)).toBe(true);
    const earliest = await operator.call('POST', `/api/groups/${group}/reset`, { topic: 'wire.raw.v1', to: 'earliest' });
    expect(earliest.status).toBe(200);
    const again = await viewer.call<{ topics: { topic: string; lag: number }[] }>('GET', `/api/groups/${group}`);
    expect(again.body.topics.find((t) => t.topic === 'wire.raw.v1')?.lag).toBeGreaterThan(0);
    const audit = await admin.call<{ action: string; target: string; result: string; username: string }[]>('GET', '/api/audit?action=group.reset-offsets');
    expect(audit.body.filter((a) => a.target === group).map((a) => a.result)).toEqual(['ok', 'ok', 'FORBIDDEN']);
  });

  it('keeps its samples in PostgreSQL across a restart', async () => {
    type Sample = { stage: string; at: string };
    const before = await eventually(async () => {
      const h = await viewer.call<Sample[]>('GET', '/api/pipeline/history?minutes=10');
      return ['ingest', 'normalise', 'dedupe', 'publish'].every((s) => h.body.filter((x) => x.stage === s).length >= 2) ? h.body : undefined;
    }, 'samples of every stage');
    // Only this run's recent samples: the window of the second read starts later than the first's.
    const recent = before.filter((s) => Date.parse(s.at) > Date.now() - 5 * 60_000);
    expect(recent.length).toBeGreaterThanOrEqual(8);
    await app.stop();
    app = await startConsole(NAME, 21480, stack, consoleEnv);
    const fresh = await login(await addUser(`after-restart-${Date.now()}`, 'viewer'));
    const after = await fresh.call<Sample[]>('GET', '/api/pipeline/history?minutes=10');
    const kept = new Set(after.body.map((s) => `${s.stage}@${s.at}`));
    expect(recent.filter((s) => !kept.has(`${s.stage}@${s.at}`))).toEqual([]);
  });
});
