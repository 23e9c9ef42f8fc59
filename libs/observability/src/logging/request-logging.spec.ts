import { Controller, Get, INestApplication, Logger, Module } from '@nestjs/common';
import { createHttpApp } from '../bootstrap/create-http-app';
import { ApiError } from '../errors/api-error';

const SECRET_KEY = 'cdk_live_do-not-log-me';

@Controller('probe')
class ProbeController {
  private readonly logger = new Logger(ProbeController.name);

  @Get()
  handle(): { ok: boolean } {
    this.logger.log({ msg: 'handled', apiKey: SECRET_KEY, source: { name: 'desk', password: SECRET_KEY } });
    return { ok: true };
  }

  @Get('refused')
  refuse(): never {
    throw new ApiError(401, 'UNAUTHORIZED', 'the API key is not valid');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

type Line = Record<string, unknown> & {
  msg?: string;
  requestId?: string;
  req?: { id?: string; headers?: Record<string, string> };
  res?: { statusCode?: number };
};

describe('request ids and redaction in the log, on a real Nest app', () => {
  const text: string[] = [];
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await createHttpApp(ProbeModule, { service: 'probe', logLevel: 'info', shutdownTimeoutMs: 5000, writeLog: (line) => text.push(line) });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** The lines written for one request: its own and its completion. */
  async function linesOf(id: string): Promise<Line[]> {
    // pino-http logs the completion when the response has finished: give the event loop a turn.
    await new Promise((r) => setImmediate(r));
    return text.map((l) => JSON.parse(l) as Line).filter((l) => l.requestId === id || l.req?.id === id);
  }

  it('honours an incoming X-Request-Id: answered in the header, on every line of the request', async () => {
    const res = await fetch(`${url}/probe`, { headers: { 'X-Request-Id': 'desk-42-abc' } });
    expect(res.headers.get('x-request-id')).toBe('desk-42-abc');
    const lines = await linesOf('desk-42-abc');
    expect(lines.find((l) => l.msg === 'handled')).toMatchObject({ requestId: 'desk-42-abc', service: 'probe', context: 'ProbeController', level: 'info' });
    expect(lines.find((l) => l.msg === 'request completed')).toMatchObject({ req: { id: 'desk-42-abc' }, res: { statusCode: 200 } });
  });

  it('makes an id when none (or an unusable one) is sent, a new one per request, and answers it on errors too', async () => {
    const a = await fetch(`${url}/probe`);
    const b = await fetch(`${url}/probe/refused`, { headers: { 'X-Request-Id': 'has spaces and is not usable' } });
    const [idA, idB] = [a.headers.get('x-request-id'), b.headers.get('x-request-id')];
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(idB).toMatch(/^[0-9a-f-]{36}$/);
    expect(idA).not.toBe(idB);
    expect(b.status).toBe(401);
    expect((await linesOf(idA as string)).map((l) => l.msg)).toEqual(expect.arrayContaining(['handled', 'request completed']));
    expect((await linesOf(idB as string)).find((l) => l.msg === 'request completed')).toMatchObject({ res: { statusCode: 401 } });
  });

  it('never writes the Authorization header, cookies, API keys or passwords', async () => {
    const res = await fetch(`${url}/probe`, {
      headers: { 'X-Request-Id': 'redaction-1', Authorization: `Bearer ${SECRET_KEY}`, Cookie: `copydesk_session=${SECRET_KEY}` },
    });
    expect(res.status).toBe(200);
    const lines = await linesOf('redaction-1');
    expect(lines.find((l) => l.msg === 'request completed')?.req?.headers).toMatchObject({ authorization: '[redacted]', cookie: '[redacted]' });
    expect(lines.find((l) => l.msg === 'handled')).toMatchObject({ apiKey: '[redacted]', source: { name: 'desk', password: '[redacted]' } });
    expect(text.filter((l) => l.includes(SECRET_KEY))).toEqual([]);
  });
});
