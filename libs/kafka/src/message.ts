/** Framework-free message shapes, so no code outside this library needs kafkajs types. */
export type HeaderMap = Record<string, string>;

export interface OutgoingMessage {
  topic: string;
  key: string | null;
  value: Buffer | string | null;
  headers?: HeaderMap;
}

export interface InboundMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: HeaderMap;
  timestamp: string;
}

export function headerMap(raw: Record<string, unknown> | undefined): HeaderMap {
  const out: HeaderMap = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (v === undefined || v === null) continue;
    const first = Array.isArray(v) ? v[0] : v;
    out[k] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return out;
}
