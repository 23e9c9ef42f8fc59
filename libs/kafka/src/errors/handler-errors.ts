/**
 * How a message handler failure is treated — never confused:
 * - permanent: the data is bad (invalid, unparsable, too large, unstorable): dead-lettered at once;
 * - infrastructure: a dependency failed (database, broker, a timeout): never dead-lettered; the
 *   partition waits, backing off, and the same message is tried again once it is back;
 * - unknown: anything else (a defect, say): retried a bounded number of times, then
 *   dead-lettered — but only while the stage's dependencies answer, so an outage that shows
 *   itself in an unexpected way still never turns good copy into dead letters.
 */
export type FailureKind = 'permanent' | 'infrastructure' | 'unknown';

export class PermanentError extends Error {
  readonly permanent = true;
  constructor(
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'PermanentError';
  }
}

/** A dependency failed; the work is good and will succeed once it is back. */
export class InfrastructureError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InfrastructureError';
  }
}

export interface FailureInfo {
  kind: FailureKind;
  code: string;
  message: string;
  details: unknown[];
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/**
 * PostgreSQL SQLSTATE classes. Connection trouble, resources, operator intervention (a restart,
 * a statement timeout), system errors and rolled-back transactions (serialization, deadlock)
 * pass; data exceptions (a NUL byte, a value too long) and program limits (an index row too
 * big) never will.
 */
const PG_INFRASTRUCTURE_CLASSES = new Set(['08', '53', '57', '58', '40', 'HV']);
const PG_PERMANENT_CLASSES = new Set(['22', '54']);

/** Messages of connection failures that carry no code (pg's pool, TypeORM). */
const CONNECTION_MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|connection (?:is )?(?:closed|lost)|not queryable|terminating connection|the database system is (?:starting up|shutting down)|connect ECONNREFUSED/i;

/** Kafka errors that are about the data, not the cluster: a message over the broker's limits. */
const KAFKA_PERMANENT_TYPES = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE']);

export function describeFailure(error: unknown): FailureInfo {
  if (error instanceof PermanentError) return { kind: 'permanent', code: error.code, message: error.message, details: error.details };
  if (error instanceof InfrastructureError) return { kind: 'infrastructure', code: error.code, message: error.message, details: [] };
  if (!(error instanceof Error)) {
    const message = error && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : String(error);
    return { kind: 'unknown', code: 'HANDLER_FAILED', message, details: [] };
  }
  const e = error as Error & { code?: unknown; type?: unknown; driverError?: { code?: unknown }; cause?: unknown };
  const pgCode = typeof e.driverError?.code === 'string' ? e.driverError.code : typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
  if (pgCode) {
    const cls = pgCode.slice(0, 2);
    if (PG_PERMANENT_CLASSES.has(cls)) return { kind: 'permanent', code: 'UNSTORABLE', message: e.message, details: [{ sqlstate: pgCode }] };
    if (PG_INFRASTRUCTURE_CLASSES.has(cls)) return { kind: 'infrastructure', code: 'DATABASE_UNAVAILABLE', message: e.message, details: [] };
  }
  const code = typeof e.code === 'string' ? e.code : undefined;
  if ((code && NETWORK_CODES.has(code)) || CONNECTION_MESSAGES.test(e.message)) {
    return { kind: 'infrastructure', code: code && NETWORK_CODES.has(code) ? code : 'CONNECTION_FAILED', message: e.message, details: [] };
  }
  if (e.name.startsWith('KafkaJS')) {
    const type =
      typeof e.type === 'string'
        ? e.type
        : typeof (e.cause as { type?: unknown } | undefined)?.type === 'string'
          ? String((e.cause as { type: string }).type)
          : '';
    if (KAFKA_PERMANENT_TYPES.has(type)) return { kind: 'permanent', code: 'MESSAGE_TOO_LARGE', message: e.message, details: [{ type }] };
    return { kind: 'infrastructure', code: 'BROKER_UNAVAILABLE', message: e.message, details: [] };
  }
  return { kind: 'unknown', code: code ?? 'HANDLER_FAILED', message: e.message, details: [] };
}
