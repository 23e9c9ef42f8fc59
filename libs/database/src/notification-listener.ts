import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface NotificationHandlers {
  /** A NOTIFY on the channel, with its payload. */
  onNotification(payload: string): void;
  /**
   * The listening connection was lost and is back: notifications sent meanwhile were missed,
   * so whatever they would have invalidated should be dropped now.
   */
  onReconnect(): void;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

/**
 * LISTENs on one PostgreSQL channel over a connection of its own (outside the pool), and
 * reconnects with backoff when the connection drops. Notifications are delivered when the
 * transaction that sent them commits.
 */
export class NotificationListener {
  private readonly logger = new Logger(NotificationListener.name);
  private client: Client | undefined;
  private stopped = false;
  /** Set while not listening after having tried to: notifications may have been missed. */
  private mayHaveMissed = false;
  private retryMs = FIRST_RETRY_MS;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: NotificationHandlers,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`unsupported channel name "${channel}"`);
  }

  /** Resolves once listening, or once the first attempt failed (it goes on trying in the background). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** True while the connection is up and listening. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: `copydesk-listen-${this.channel}`, keepAlive: true });
    client.on('notification', (n) => {
      if (n.channel === this.channel) this.handlers.onNotification(n.payload ?? '');
    });
    const lost = (e?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      this.mayHaveMissed = true;
      this.logger.warn({ msg: 'notification connection lost', channel: this.channel, error: e?.message });
      this.retry();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (e) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      this.mayHaveMissed = true;
      this.logger.warn({ msg: 'cannot listen for notifications yet', channel: this.channel, error: (e as Error).message, retryInMs: this.retryMs });
      this.retry();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    if (this.mayHaveMissed) this.handlers.onReconnect();
    this.mayHaveMissed = false;
    this.logger.log({ msg: 'listening for notifications', channel: this.channel });
  }

  private retry(): void {
    if (this.stopped || this.timer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, delay);
    this.timer.unref();
  }
}
