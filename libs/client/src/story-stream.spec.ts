import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { followStories, streamStories, StreamedStoryEvent } from './story-stream';

const event = (n: number) => ({ specversion: '1.0', id: `s:${n}`, type: 'story.updated', subject: 's', data: { uri: 'urn:x', version: String(n) } });

/** A stand-in for `GET /v1/stream` on a local port: each connection is answered by the next handler. */
async function sseServer(
  handlers: ((req: IncomingMessage, res: ServerResponse) => void)[],
): Promise<{ url: string; seen: (string | undefined)[]; authorization: (string | undefined)[]; close(): Promise<void> }> {
  const seen: (string | undefined)[] = [];
  const authorization: (string | undefined)[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers['last-event-id'] as string | undefined);
    authorization.push(req.headers.authorization);
    const handler = handlers.shift();
    if (!handler) {
      res.writeHead(503).end();
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    authorization,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const sse = (res: ServerResponse) => res.writeHead(200, { 'Content-Type': 'text/event-stream' });

describe('streamStories', () => {
  it('reads events split across chunks, with CRLF lines, comments and multi-line data', async () => {
    const server = await sseServer([
      (_req, res) => {
        sse(res);
        res.write('retry: 2000\r\nid: 10\r\n\r\n: keep-alive\n\n');
        const text = `id: 11\nevent: story.updated\ndata: ${JSON.stringify(event(11))}\n\nid: 12\ndata: {"id":"s:12",\ndata: "data":{"uri":"urn:x"}}\n\n`;
        res.write(text.slice(0, 17));
        setTimeout(() => res.end(text.slice(17)), 20);
      },
    ]);
    try {
      const positions: string[] = [];
      const got: StreamedStoryEvent[] = [];
      for await (const e of streamStories(server.url, { onPosition: (id) => positions.push(id) })) got.push(e);
      expect(got.map((e) => [e.id, e.event.id])).toEqual([
        ['11', 's:11'],
        ['12', 's:12'],
      ]);
      expect(positions).toEqual(['10', '11', '12']);
    } finally {
      await server.close();
    }
  });

  it('throws the JSON error body of a refused request', async () => {
    const server = await sseServer([
      (_req, res) => res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'INVALID_EVENT_ID', message: 'bad', details: [] })),
    ]);
    try {
      await expect(streamStories(server.url, { lastEventId: 'x' }).next()).rejects.toMatchObject({ status: 400, body: { error: 'INVALID_EVENT_ID' } });
    } finally {
      await server.close();
    }
  });
});

describe('followStories', () => {
  it('reconnects after the server ends the stream, from the last id it saw, also one sent without an event', async () => {
    const server = await sseServer([
      (_req, res) => {
        sse(res);
        res.end('id: 20\n\n'); // the starting position only, then the connection drops
      },
      (_req, res) => {
        sse(res);
        res.end(`id: 21\ndata: ${JSON.stringify(event(21))}\n\n`);
      },
      (_req, res) => {
        sse(res);
        res.write(`id: 22\ndata: ${JSON.stringify(event(22))}\n\n`);
      },
    ]);
    const stop = new AbortController();
    try {
      const got: string[] = [];
      for await (const e of followStories(server.url, { signal: stop.signal, retryMs: 10 })) {
        got.push(e.id);
        if (got.length === 2) stop.abort();
      }
      expect(got).toEqual(['21', '22']);
      expect(server.seen).toEqual([undefined, '20', '21']);
    } finally {
      await server.close();
    }
  });

  it('sends the consumer key on every connection', async () => {
    const server = await sseServer([
      (_req, res) => {
        sse(res);
        res.end(`id: 30\ndata: ${JSON.stringify(event(30))}\n\n`);
      },
      (_req, res) => {
        sse(res);
        res.write(`id: 31\ndata: ${JSON.stringify(event(31))}\n\n`);
      },
    ]);
    const stop = new AbortController();
    try {
      const got: string[] = [];
      for await (const e of followStories(server.url, { apiKey: 'cdc_key', signal: stop.signal, retryMs: 10 })) {
        got.push(e.id);
        if (got.length === 2) stop.abort();
      }
      expect(got).toEqual(['30', '31']);
      expect(server.authorization).toEqual(['Bearer cdc_key', 'Bearer cdc_key']);
    } finally {
      await server.close();
    }
  });

  it('waits as long as Retry-After says when the server answers 429, then reconnects; other 4xx end it', async () => {
    const server = await sseServer([
      (_req, res) =>
        res
          .writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' })
          .end(JSON.stringify({ error: 'RATE_LIMITED', message: 'slow down', details: [] })),
      (_req, res) => {
        sse(res);
        res.write(`id: 40\ndata: ${JSON.stringify(event(40))}\n\n`);
      },
      (_req, res) => res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'UNAUTHORIZED', message: 'no', details: [] })),
    ]);
    const stop = new AbortController();
    try {
      const started = Date.now();
      for await (const e of followStories(server.url, { signal: stop.signal, retryMs: 10 })) {
        expect(e.id).toBe('40');
        expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
        stop.abort();
      }
      await expect(followStories(server.url, { retryMs: 10 }).next()).rejects.toMatchObject({ status: 401, body: { error: 'UNAUTHORIZED' } });
    } finally {
      await server.close();
    }
  });
});
