import { ClientRequest, IncomingMessage, request } from 'node:http';
import { addSource, RunningStack, startServices } from '../support/service-processes';

jest.setTimeout(180_000);

const BODY_BYTES = 30 * 1024 * 1024;

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: { error?: string; submissionId?: string };
  /** Whether the server said 100 Continue first. */
  continued?: boolean;
}

function readAnswer(res: IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
    res.on('error', reject);
  });
}

/**
 * Sends only the headers of a POST that announces a 30 MiB body, and resolves with the answer
 * if it comes while the body is still held back (a server that reads the body first never answers).
 */
function answerBeforeBody(url: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/wire`, { method: 'POST', headers: { 'Content-Type': 'text/plain', 'Content-Length': String(BODY_BYTES), ...headers } });
    const deadline = setTimeout(() => {
      req.destroy();
      reject(new Error('no answer while the body was held back'));
    }, 20_000);
    let continued = false;
    req.on('continue', () => (continued = true));
    req.on('response', (res) => {
      clearTimeout(deadline);
      readAnswer(res)
        .then((answer) => resolve({ ...answer, continued }), reject)
        .finally(() => req.destroy());
    });
    req.on('error', (e) => {
      clearTimeout(deadline);
      reject(e);
    });
    req.flushHeaders();
  });
}

/** A request the server has admitted (it answered 100 Continue) whose body is not sent yet. */
interface HeldRequest {
  finish(): Promise<Answer>;
}

function holdRequest(url: string, apiKey: string, body: string): Promise<HeldRequest> {
  return new Promise((resolve, reject) => {
    const req: ClientRequest = request(`${url}/v1/wire`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(body)), Expect: '100-continue' },
    });
    const answer = new Promise<Answer>((ok, fail) => {
      req.on('response', (res) => readAnswer(res).then(ok, fail));
      req.on('error', fail);
    });
    answer.catch(reject);
    req.on('continue', () => resolve({ finish: () => (req.end(body), answer) }));
    req.flushHeaders();
  });
}

async function post(url: string, apiKey: string, body: string): Promise<Answer> {
  const res = await fetch(`${url}/v1/wire`, { method: 'POST', headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'text/plain' }, body });
  return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: (await res.json()) as Answer['body'] };
}

describe('ingest admission: key, room and rate are checked before the body is read', () => {
  let busy: RunningStack;
  let limited: RunningStack;
  let source: { id: string; apiKey: string };
  let other: { id: string; apiKey: string };

  beforeAll(async () => {
    // One after the other, so a stack that fails to start never leaves the other running.
    busy = await startServices('admission-busy', 21581, { INGEST_MAX_CONCURRENT_REQUESTS: '2' }, ['ingest']);
    limited = await startServices('admission-rate', 21681, { INGEST_SOURCE_RATE_PER_MINUTE: '1', INGEST_SOURCE_BURST: '2' }, ['ingest']);
    source = addSource(`admission-e2e-${Date.now()}`);
    other = addSource(`admission-e2e-other-${Date.now()}`);
  });

  afterAll(async () => {
    await Promise.all([busy?.stop(), limited?.stop()]);
  });

  it('answers 401 to an unknown or missing key before reading the body it announces', async () => {
    const unknown = await answerBeforeBody(busy.urls.ingest, { Authorization: `Bearer cdk_${'x'.repeat(43)}` });
    expect([unknown.status, unknown.body.error, unknown.headers.connection]).toEqual([401, 'UNAUTHORIZED', 'close']);
    const missing = await answerBeforeBody(busy.urls.ingest, {});
    expect([missing.status, missing.body.error]).toEqual([401, 'UNAUTHORIZED']);
    // A client that waits for 100 Continue is never told to send the body of a refused request.
    const waiting = await answerBeforeBody(busy.urls.ingest, { Authorization: `Bearer cdk_${'y'.repeat(43)}`, Expect: '100-continue' });
    expect([waiting.status, waiting.body.error, waiting.continued]).toEqual([401, 'UNAUTHORIZED', false]);
  });

  it('answers 401 to a small body it refuses without losing the answer, and keeps the connection', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${busy.urls.ingest}/v1/wire`, { method: 'POST', headers: { Authorization: 'Bearer nonsense' }, body: 'Small copy\n\nBody.' });
      expect([res.status, ((await res.json()) as { error: string }).error, res.headers.get('connection')]).toEqual([401, 'UNAUTHORIZED', 'keep-alive']);
    }
  });

  it('answers 503 OVERLOADED with Retry-After past the requests in flight, and takes requests again once they finish', async () => {
    const held = [
      await holdRequest(busy.urls.ingest, source.apiKey, 'Held one\n\nBody.'),
      await holdRequest(busy.urls.ingest, source.apiKey, 'Held two\n\nBody.'),
    ];
    const refused = await post(busy.urls.ingest, source.apiKey, 'One too many\n\nBody.');
    expect([refused.status, refused.body.error, refused.headers['retry-after']]).toEqual([503, 'OVERLOADED', '1']);
    expect(refused.body).toMatchObject({ message: expect.any(String), details: [{ limit: 2 }] });

    const finished = await Promise.all(held.map((h) => h.finish()));
    expect(finished.map((a) => a.status)).toEqual([202, 202]);
    expect((await post(busy.urls.ingest, source.apiKey, 'Room again\n\nBody.')).status).toBe(202);
  });

  it('answers 429 RATE_LIMITED with Retry-After to a source over its rate, before reading the body, and leaves other sources alone', async () => {
    expect((await post(limited.urls.ingest, source.apiKey, 'First\n\nBody.')).status).toBe(202);
    expect((await post(limited.urls.ingest, source.apiKey, 'Second\n\nBody.')).status).toBe(202);
    const over = await answerBeforeBody(limited.urls.ingest, { Authorization: `Bearer ${source.apiKey}` });
    expect([over.status, over.body.error]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await post(limited.urls.ingest, other.apiKey, 'Another source\n\nBody.')).status).toBe(202);
  });
});
