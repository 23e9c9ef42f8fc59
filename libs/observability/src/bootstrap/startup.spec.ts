import { connect } from 'node:net';
import { startStartupProbe } from './startup';

const PORT = 57991;

describe('startStartupProbe', () => {
  it('closes the connection of every answer, so a client polling over one connection cannot keep it from closing', async () => {
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
