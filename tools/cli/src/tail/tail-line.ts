import { ContractError, decodeTopicMessage } from '@copydesk/contracts';
import type { InboundMessage } from '@copydesk/kafka';

export interface TailFilter {
  key?: string;
  /** Header name → value; a message must carry all of them. */
  headers: Record<string, string>;
}

/** `H=V` options as a header filter; throws on one without `=`. */
export function headerFilter(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`--header takes NAME=VALUE, not "${pair}"`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

export function matchesTail(m: InboundMessage, f: TailFilter): boolean {
  if (f.key !== undefined && m.key !== f.key) return false;
  return Object.entries(f.headers).every(([k, v]) => m.headers[k] === v);
}

/** Bytes as JSON: text when they are UTF-8, else base64. */
function bytes(b: Buffer): string | { base64: string } {
  const text = b.toString('utf8');
  return Buffer.from(text, 'utf8').equals(b) ? text : { base64: b.toString('base64') };
}

function jsonable(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return bytes(value);
  if (Array.isArray(value)) return value.map(jsonable);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonable(v)]));
  return value;
}

/**
 * One tailed message as a JSON line: where it sits, its key and headers, and its value decoded
 * and validated by the topic's codec (a message that fails its contract shows the error and the
 * raw value instead).
 */
export function tailLine(m: InboundMessage): string {
  const base = {
    topic: m.topic,
    partition: m.partition,
    offset: m.offset,
    timestamp: new Date(Number(m.timestamp)).toISOString(),
    key: m.key,
    headers: m.headers,
  };
  try {
    const value = decodeTopicMessage({ topic: m.topic, key: m.key, value: m.value, headers: m.headers });
    return JSON.stringify({ ...base, value: jsonable(value) });
  } catch (e) {
    if (!(e instanceof ContractError)) throw e;
    return JSON.stringify({ ...base, error: { code: e.code, message: e.message }, value: m.value ? bytes(m.value) : null });
  }
}
