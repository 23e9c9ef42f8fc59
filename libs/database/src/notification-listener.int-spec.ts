import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ensureDatabase } from './ensure-database';
import { NotificationListener } from './notification-listener';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/copydesk';

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!check()) throw new Error(`gave up waiting for ${what}`);
}

describe('NotificationListener on the real database', () => {
  const channel = `test_${randomUUID().replace(/-/g, '')}`;
  const heard: string[] = [];
  let reconnects = 0;
  let listener: NotificationListener;
  let admin: Client;

  beforeAll(async () => {
    await ensureDatabase(url);
    admin = new Client({ connectionString: url });
    await admin.connect();
    listener = new NotificationListener(url, channel, { onNotification: (p) => heard.push(p), onReconnect: () => reconnects++ });
    await listener.start();
  });

  afterAll(async () => {
    await listener?.stop();
    await admin?.end();
  });

  it('hears a NOTIFY when its transaction commits, and none that was rolled back', async () => {
    await admin.query('BEGIN');
    await admin.query('SELECT pg_notify($1, $2)', [channel, 'rolled back']);
    await admin.query('ROLLBACK');
    await admin.query('SELECT pg_notify($1, $2)', [channel, 'source-1']);
    await until(() => heard.includes('source-1'), 'the notification');
    expect(heard).toEqual(['source-1']);
  });

  it('reconnects after its connection is killed, says notifications may have been missed, and hears the next ones', async () => {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [`copydesk-listen-${channel}`]);
    await until(() => reconnects === 1 && listener.listening, 'the listener to reconnect');
    await admin.query('SELECT pg_notify($1, $2)', [channel, 'source-2']);
    await until(() => heard.includes('source-2'), 'the notification after reconnecting');
    expect(reconnects).toBe(1);
  });
});
