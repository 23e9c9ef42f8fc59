import { AddressInfo, connect, createServer } from 'node:net';
import { startStartupProbe, untilAvailable } from './startup';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('start-up while a dependency is down', () => {
  it('waits for it, and meanwhile the probe answers live but not ready, naming what it waits for', async () => {
    const port = await freePort();
    const probe = await startStartupProbe('127.0.0.1', port);
    try {
      let attempts = 0;
      let seenWhileWaiting: unknown;
      const waited = untilAvailable(
        'database',
        async () => {
          attempts++;
          if (attempts === 2) {
            const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
            seenWhileWaiting = { status: ready.status, body: await ready.json(), live: (await fetch(`http://127.0.0.1:${port}/health/live`)).status };
          }
          if (attempts < 3) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
          return 'connected';
        },
        { maxDelayMs: 20 },
      );
      await expect(waited).resolves.toBe('connected');
      expect(attempts).toBe(3);
      expect(seenWhileWaiting).toEqual({ status: 503, body: expect.objectContaining({ status: 'starting', waitingFor: ['database'] }), live: 200 });
      const after = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(await after.json()).toMatchObject({ waitingFor: [] });
    } finally {
      await probe.close();
    }
    // The port is free again for the service itself, even though clients kept connections open.
    const again = createServer();
    await new Promise<void>((resolve, reject) => {
      again.once('error', reject);
      again.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((r) => again.close(() => r()));
  });
});

describe('startStartupProbe', () => {
  it('closes the connection of every answer, so a client polling over one connection cannot keep it from closing', async () => {
    const PORT = await freePort();
    const probe = await startStartupProbe('127.0.0.1', PORT);
    const socket = connect(PORT, '127.0.0.1');
    const received: Buffer[] = [];
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // A keep-alive request, then the start of a second one on the same connection, as a poller would send it.
    socket.write('GET /health/ready HTTP/1.1\r\nHost: probe\r\nConnection: keep-alive\r\n\r\nGET /health/ready HTTP/1.1\r\nHost: pro');
    await ended;
    const answer = Buffer.concat(received).toString();
    expect(answer).toMatch(/^HTTP\/1\.1 503 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer.match(/HTTP\/1\.1/g)).toHaveLength(1);
    await probe.close();
  });
});
