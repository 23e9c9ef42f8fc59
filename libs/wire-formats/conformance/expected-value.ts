import { htmlToText } from '../src/formats/ninjs/html-blocks';
import { normaliseText } from '../src/text/normalise-text';

/** Superdesk renders ANPA format codes (0x08) as the literal text "%08"; canonical text drops them. */
const CONTROL_RENDERING = /%0[0-9A-F]/g;

/** An expected HTML body as the canonical text it stands for. */
export function expectedBodyText(html: string): string {
  return normaliseText(htmlToText(html.replace(CONTROL_RENDERING, '')));
}

/** An expected regex over HTML, rewritten to run over text: tags dropped, whitespace runs made one space. */
export function expectedBodyRegex(pattern: string): RegExp {
  const source = pattern
    .replace(/<[^<>]{0,200}>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^\^ /, '^')
    .trim();
  return new RegExp(source.startsWith('^') ? source : source, 'u');
}

// Superdesk and Reuters spellings of the signals.
const SIGNALS: Readonly<Record<string, string>> = {
  'sig:update': 'update',
  'sig:correction': 'correction',
  'sig:kill': 'kill',
  'edstat:u': 'update',
  'edstat:c': 'correction',
  'edstat:d': 'kill',
};

/** A code out of an expected list element ({ qcode, name } or a bare string), signals in canonical spelling. */
export function expectedCode(value: unknown): string | undefined {
  const raw =
    typeof value === 'string' || typeof value === 'number'
      ? String(value)
      : typeof value === 'object' && value !== null
        ? String((value as Record<string, unknown>)['qcode'] ?? (value as Record<string, unknown>)['code'] ?? '')
        : '';
  if (raw === '') return undefined;
  return SIGNALS[raw.toLowerCase()] ?? raw;
}

const MONTH_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/;

/**
 * An expected date-time as epoch milliseconds. A value without offset is read in the zone Superdesk's parser
 * used for the file (UTC unless the manifest says otherwise); compact "20141126T152703" is accepted.
 */
export function expectedInstant(value: string, zone: string): number | undefined {
  const compact = MONTH_TIME.exec(value);
  const iso = compact ? `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6]}` : value.replace(' ', 'T');
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso);
  const time = Date.parse(hasOffset ? iso : `${iso}Z`);
  if (Number.isNaN(time)) return undefined;
  return hasOffset || zone === 'UTC' ? time : time - zoneOffsetMs(time, zone);
}

/** Offset of a zone from UTC at (about) an instant, in milliseconds. */
function zoneOffsetMs(time: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(time));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(time / 1000) * 1000;
}
