import type { Response } from 'express';
import { StreamEvent, StreamSink } from './stream.service';

/**
 * An HTTP response as a Server-Sent Events stream: the framing, back-pressure, and an abort
 * signal that fires when the client goes away.
 */
export class EventStreamResponse implements StreamSink {
  private readonly gone = new AbortController();

  constructor(private readonly res: Response) {
    res.on('close', () => this.gone.abort());
  }

  /** Fires when the client has disconnected. */
  get closed(): AbortSignal {
    return this.gone.signal;
  }

  /**
   * Sends the headers, the reconnection delay, and the starting position as an id with no data:
   * that moves the client's last event id without an event, so a client that drops before the
   * first event still resumes from here.
   */
  open(from: string): void {
    this.res.status(200);
    this.res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    this.res.setHeader('Cache-Control', 'no-cache, no-transform');
    this.res.setHeader('Connection', 'keep-alive');
    this.res.setHeader('X-Accel-Buffering', 'no');
    this.res.flushHeaders();
    this.res.write(`retry: 2000\nid: ${from}\n\n`);
  }

  send(e: StreamEvent): Promise<void> {
    return this.write(`id: ${e.position}\nevent: ${e.event.type}\ndata: ${JSON.stringify(e.event)}\n\n`);
  }

  keepAlive(): Promise<void> {
    return this.write(': keep-alive\n\n');
  }

  end(): void {
    if (!this.res.writableEnded) this.res.end();
  }

  /** Resolves when the text is handed to the socket, or when the client has gone. */
  private write(text: string): Promise<void> {
    return new Promise((resolve) => {
      if (this.gone.signal.aborted || this.res.write(text)) return resolve();
      const done = (): void => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.once('drain', done);
      this.res.once('close', done);
    });
  }
}
