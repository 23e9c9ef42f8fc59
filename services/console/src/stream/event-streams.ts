import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { ShutdownPhase, ShutdownSequence } from '@copydesk/observability';

export interface EventStream {
  send(event: string, data: unknown): void;
  /** Fires when the page has gone away or the console is stopping. */
  closed: AbortSignal;
}

/** Server-Sent Events to the console's pages; every open stream ends first when the console stops. */
@Injectable()
export class EventStreams {
  private readonly open = new Set<Response>();

  constructor(shutdown: ShutdownSequence) {
    shutdown.register(ShutdownPhase.Relays, 'console event streams', async () => {
      for (const res of this.open) res.end();
      this.open.clear();
    });
  }

  start(res: Response): EventStream {
    const gone = new AbortController();
    this.open.add(res);
    res.on('close', () => {
      this.open.delete(res);
      gone.abort();
    });
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    gone.signal.addEventListener('abort', () => clearInterval(keepAlive));
    return {
      // Node buffers what the socket cannot take yet: nothing sent is dropped.
      send: (event, data) => {
        if (!gone.signal.aborted) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      closed: gone.signal,
    };
  }
}
