import { Admin, Consumer, Kafka, logLevel, LogEntry, Producer } from 'kafkajs';
import { Logger } from '@nestjs/common';
import { counter, MetricFamilies } from '@copydesk/observability';

/**
 * The kafkajs client behind a `KafkaConnection`. Only this library's implementation files
 * import this module; nothing in the public entry point names a kafkajs type.
 */
export interface KafkajsClientOptions {
  brokers: string[];
  clientId: string;
  /** Connection timeout per broker, ms. */
  connectionTimeout?: number;
}

const LEVELS: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

const SILENCED = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

/** kafkajs logs through the service's JSON logger, quietly (warnings and errors only). */
function logCreator() {
  const logger = new Logger('kafkajs');
  return ({ level, log }: LogEntry) => {
    // Retries are bounded on purpose, so a caller gets an error (ingest answers 503) instead of
    // waiting forever on a broker that is down; kafkajs warns about that on every producer.
    if (log.message === SILENCED) return;
    const { message, timestamp: _t, logger: _l, ...extra } = log as Record<string, unknown> & { message: string };
    // kafkajs logs every broker error response at ERROR, then retries it (a coordinator still
    // loading at start-up, a rebalance): those are noise unless the call finally fails, which
    // the caller reports.
    const method = level === logLevel.ERROR && /^Response /.test(String(message)) ? 'debug' : (LEVELS[level] ?? 'log');
    logger[method]({ msg: message, ...extra });
  };
}

/**
 * kafkajs 2.2.4 (its last release) arms its request-queue timer with `throttledUntil - now`,
 * a large negative delay whenever nothing is throttled, and Node 24 warns about each such timer
 * (TimeoutNegativeWarning) on the console. Node runs it after 1 ms, which is what kafkajs
 * means, so that one warning says nothing to an operator: it alone is dropped, once, here.
 */
export function quietNegativeTimeoutWarnings(target: { emitWarning: (...args: never[]) => void } = process): void {
  const emit = target.emitWarning as ((warning: string | Error, ...rest: unknown[]) => void) & { quiet?: boolean };
  if (emit.quiet) return;
  const quiet = (warning: string | Error, ...rest: unknown[]): void => {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type === 'TimeoutNegativeWarning') return;
    emit.call(target, warning, ...rest);
  };
  target.emitWarning = Object.assign(quiet, { quiet: true });
}

export function createKafkajsClient(options: KafkajsClientOptions): Kafka {
  quietNegativeTimeoutWarnings();
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: options.connectionTimeout ?? 3000,
    requestTimeout: 30000,
    logLevel: logLevel.WARN,
    logCreator,
    // Waits between retries stay short (at most 1 s), so a client is back within a second of
    // the broker, and a call gives up after about 7 s; its caller (the consumer runner, the
    // outbox relay, ingest's 503) decides what follows.
    retry: { initialRetryTime: 300, maxRetryTime: 1000, retries: 8 },
  });
  // Every producer, consumer and admin the connection makes counts its requests.
  const producer = kafka.producer.bind(kafka);
  const consumer = kafka.consumer.bind(kafka);
  const admin = kafka.admin.bind(kafka);
  kafka.producer = (config) => counted(producer(config), 'producer');
  kafka.consumer = (config) => counted(consumer(config), 'consumer');
  kafka.admin = (config) => counted(admin(config), 'admin');
  return kafka;
}

const CLIENTS = new WeakMap<object, Kafka>();

/** Binds a connection object to its kafkajs client (called once, by the connection's constructor). */
export function bindClient(connection: object, client: Kafka): void {
  CLIENTS.set(connection, client);
}

/** The kafkajs client of a connection, for this library's implementation files. */
export function clientOf(connection: object): Kafka {
  const client = CLIENTS.get(connection);
  if (!client) throw new Error('not a KafkaConnection');
  return client;
}

/**
 * Requests counted per role and API in plain numbers, handed to the counter when it is
 * scraped: a busy consumer sends thousands a second, and the broker's cost follows their count
 * more than their size.
 */
const requestCounts = new Map<string, { role: string; api: string; n: number }>();
const requests = counter(MetricFamilies.kafkaRequests, () => {
  for (const c of requestCounts.values()) {
    if (c.n === 0) continue;
    requests.inc({ role: c.role, api: c.api }, c.n);
    c.n = 0;
  }
});

/** Counts the requests a kafkajs producer, consumer or admin sends, as `copydesk_kafka_requests_total`. */
function counted<C extends Producer | Consumer | Admin>(client: C, role: 'producer' | 'consumer' | 'admin'): C {
  const count = (e: { payload: { apiName: string } }) => {
    const key = `${role}\u0000${e.payload.apiName}`;
    let c = requestCounts.get(key);
    if (!c) requestCounts.set(key, (c = { role, api: e.payload.apiName, n: 0 }));
    c.n++;
  };
  // The three have the same event under their own names, and no common signature for `on`.
  (client as Producer).on((client as Producer).events.REQUEST, count);
  return client;
}
