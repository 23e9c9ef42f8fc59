import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { StoriesApi, StoriesApiError } from '@copydesk/client';
import { DATABASE_URL } from '../support/env';
import { addConsumer, consumersCommand, eventually, ServiceProcess } from '../support/service-processes';

jest.setTimeout(180_000);

/** What `GET /v1/stories` answers a key: the status, or 200. */
async function statusFor(api: StoriesApi): Promise<number> {
  try {
    await api.list({ limit: 1 });
    return 200;
  } catch (e) {
    if (e instanceof StoriesApiError) return e.status;
    throw e;
  }
}

describe('copydesk consumers: keys for the stories API, from the command line to the running service', () => {
  const publish = new ServiceProcess('publish', 'publish-consumers', 21184, { PUBLISH_KEY_CACHE_TTL_MS: '1000' });
  const db = new Client({ connectionString: DATABASE_URL });
  const run = Date.now();

  beforeAll(async () => {
    await db.connect();
    await publish.start();
  });

  afterAll(async () => {
    await publish.stop();
    await db.end();
  });

  it('adds a consumer and prints its key once, as JSON; stores only the hash; refuses a second one of the same name', async () => {
    const web = await addConsumer(`web desk ${run}`);
    expect(Object.keys(web)).toEqual(['id', 'name', 'apiKey', 'allStatuses']);
    expect(web).toMatchObject({ name: `web desk ${run}`, allStatuses: false, apiKey: expect.stringMatching(/^cdc_[A-Za-z0-9_-]{43}$/) });
    const { rows } = await db.query('SELECT api_key_hash FROM publish.consumers WHERE id = $1', [web.id]);
    expect(rows).toEqual([{ api_key_hash: createHash('sha256').update(web.apiKey).digest('hex') }]);

    const again = await consumersCommand(['add', `web desk ${run}`]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^CONSUMER_EXISTS: /);
    expect((await consumersCommand(['add'])).status).toBe(2);

    const editors = await addConsumer(`editors ${run}`, { allStatuses: true });
    expect(editors.allStatuses).toBe(true);
    const listed = await consumersCommand(['list']);
    expect(listed.status).toBe(0);
    const lines = listed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual(
      expect.arrayContaining([
        { id: web.id, name: web.name, allStatuses: false, createdAt: expect.any(String), disabledAt: null },
        { id: editors.id, name: editors.name, allStatuses: true, createdAt: expect.any(String), disabledAt: null },
      ]),
    );
    expect(listed.stdout).not.toContain(web.apiKey);
    expect(listed.stdout).not.toContain(editors.apiKey);
  });

  it('a key reads the running service; disabled by name or id, it stops working within seconds', async () => {
    const byName = await addConsumer(`newsletter ${run}`);
    const byId = await addConsumer(`app ${run}`);
    const nameApi = new StoriesApi(publish.url, { apiKey: byName.apiKey });
    const idApi = new StoriesApi(publish.url, { apiKey: byId.apiKey });
    expect(await statusFor(new StoriesApi(publish.url))).toBe(401);
    expect(await statusFor(nameApi)).toBe(200);
    expect(await statusFor(idApi)).toBe(200);

    const disabled = await consumersCommand(['disable', byName.name]);
    expect(disabled.status).toBe(0);
    expect(JSON.parse(disabled.stdout)).toEqual({ id: byName.id, name: byName.name, disabledAt: expect.any(String) });
    expect((await consumersCommand(['disable', byId.id])).status).toBe(0);
    const unknown = await consumersCommand(['disable', `nobody ${run}`]);
    expect([unknown.status, unknown.stderr.split(':')[0]]).toEqual([1, 'CONSUMER_NOT_FOUND']);

    const disabledAt = Date.now();
    await eventually(async () => ((await statusFor(nameApi)) === 401 && (await statusFor(idApi)) === 401 ? true : undefined), 'both keys refused', 10_000);
    expect(Date.now() - disabledAt).toBeLessThan(5_000);
    const listed = (await consumersCommand(['list'])).stdout;
    expect(listed).toContain(`"id":"${byName.id}","name":"${byName.name}","allStatuses":false`);
    expect(JSON.parse(listed.split('\n').find((l) => l.includes(byId.id)) as string).disabledAt).not.toBeNull();
  });
});
