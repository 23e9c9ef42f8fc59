// "2017-08-24T04:38:34+0000", "2019-06-23T06:06:29Z", "2018-05-30T15:14:24" (naive: read as UTC), "2013-07-09T10:37:00.000Z".
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO 8601 date-time as an ISO instant (UTC); a time without offset is taken as UTC. Undefined when unreadable. */
export function toIsoInstant(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text.length > 40) return undefined;
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) return validInstant(`${text}T00:00:00Z`);
  const match = ISO.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '00', fraction = '', zone = 'Z'] = match;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const millis = fraction === '' ? '' : `.${fraction.padEnd(3, '0').slice(0, 3)}`;
  return validInstant(`${y}-${mo}-${d}T${h}:${mi}:${s}${millis}${offset}`);
}

function validInstant(iso: string): string | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
