import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { DATABASE_URL, ROOT } from '../support/env';
import { addSource, eventually, RunningStack, startServices } from '../support/service-processes';

jest.setTimeout(180_000);

/** `copydesk sources …`, as an operator runs it; its JSON lines. */
function copydesk(...args: string[]): { status: number | null; lines: Record<string, unknown>[]; stderr: string } {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/copydesk'), ['sources', ...args], { env: { ...process.env, DATABASE_URL }, encoding: 'utf8' });
  const lines = result.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: result.status, lines, stderr: result.stderr };
}

describe('sources: a disabled or rotated key stops working on a running ingest within moments', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    // Keys are cached for an hour here, so only the notification can make a running ingest forget one.
    stack = await startServices('sources', 21781, { INGEST_SOURCE_CACHE_TTL_SECONDS: '3600' }, ['ingest']);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /**
   * One POST on a connection of its own: the commands take seconds between requests, and a
   * kept-alive connection the server closes as idle just then would fail the request.
   */
  const post = (apiKey: string) =>
    new Promise<{ status: number; body: { error?: string } }>((resolve, reject) => {
      const body = 'Sources copy\n\nBody.';
      const req = request(`${stack.urls.ingest}/v1/wire`, {
        method: 'POST',
        agent: false,
        headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(body)) },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const statusOf = async (apiKey: string) => (await post(apiKey)).status;

  it('refuses the key of a disabled source with 401 and lists the source as disabled', async () => {
    const source = addSource(`sources-e2e-disabled-${Date.now()}`);
    const bystander = addSource(`sources-e2e-bystander-${Date.now()}`);
    expect(await statusOf(source.apiKey)).toBe(202);
    expect(await statusOf(bystander.apiKey)).toBe(202);

    const disabled = copydesk('disable', source.name);
    expect(disabled.status).toBe(0);
    expect(disabled.lines).toEqual([{ id: source.id, name: source.name, createdAt: expect.any(String), disabledAt: expect.any(String) }]);

    await eventually(async () => ((await statusOf(source.apiKey)) === 401 ? true : undefined), 'the disabled key to be refused');
    const refused = await post(source.apiKey);
    expect([refused.status, refused.body.error]).toEqual([401, 'UNAUTHORIZED']);
    expect(await statusOf(bystander.apiKey)).toBe(202);
    expect(copydesk('list').lines).toContainEqual(expect.objectContaining({ id: source.id, disabledAt: disabled.lines[0].disabledAt }));
  });

  it('rotates a key by id: the new key is printed once and works, the old one is refused', async () => {
    const source = addSource(`sources-e2e-rotated-${Date.now()}`);
    expect(await statusOf(source.apiKey)).toBe(202);

    const rotated = copydesk('rotate', source.id);
    expect(rotated.status).toBe(0);
    expect(rotated.lines).toEqual([{ id: source.id, name: source.name, apiKey: expect.stringMatching(/^cdk_/) }]);
    const newKey = rotated.lines[0].apiKey as string;
    expect(newKey).not.toBe(source.apiKey);

    await eventually(async () => ((await statusOf(source.apiKey)) === 401 ? true : undefined), 'the old key to be refused');
    expect(await statusOf(newKey)).toBe(202);
    expect(JSON.stringify(copydesk('list').lines)).not.toContain(newKey);
  });

  it('says which source it could not find', () => {
    const missing = copydesk('disable', 'no-such-source');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^SOURCE_NOT_FOUND: /);
    expect(copydesk('rotate').status).toBe(2);
  });
});
