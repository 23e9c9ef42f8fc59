import type { Author, PubStatus, Signal, Subject } from '@copydesk/contracts';
import { normaliseText } from '../../text/normalise-text';
import { isJsonObject, objectList, stringField } from './json-object';

const PUB_STATUS: Readonly<Record<string, PubStatus>> = {
  usable: 'usable',
  withheld: 'withheld',
  canceled: 'canceled',
  cancelled: 'canceled',
};

/** "usable", "stat:usable", "Canceled" → the canonical pubstatus; unknown values read as usable. */
export function toPubStatus(value: string | undefined): PubStatus {
  const key = value?.toLowerCase().replace(/^stat:/, '');
  return (key && PUB_STATUS[key]) || 'usable';
}

/** A canceled item withdraws the story: it carries the kill signal. */
export function pubStatusSignals(pubStatus: PubStatus): Signal[] {
  return pubStatus === 'canceled' ? ['kill'] : [];
}

/** An urgency 1..9 from a number or numeric string; anything else is no urgency. */
export function toUrgency(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 1 && number <= 9 ? number : undefined;
}

/** ninjs subjects ({code|literal|uri, name, scheme}). */
export function toSubjects(value: unknown): Subject[] {
  return objectList(value).flatMap((entry) => {
    const subject: Subject = {};
    const code = stringField(entry, 'code', 'qcode', 'literal', 'uri');
    const name = stringField(entry, 'name');
    const scheme = stringField(entry, 'scheme', 'vocabulary');
    if (code) subject.code = code;
    if (name) subject.name = name;
    if (scheme) subject.scheme = scheme;
    return code || name ? [subject] : [];
  });
}

/** Keywords: a list of strings (blank ones left out). */
export function toKeywords(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => (typeof entry === 'string' && normaliseText(entry) !== '' ? [normaliseText(entry)] : []));
}

/**
 * Authors: Superdesk's `authors` ({ name, role }) and ninjs 2.x/3.x `people` ({ name, rel, uri }); people with
 * no name are left out.
 */
export function toAuthors(value: unknown): Author[] {
  return objectList(value).flatMap((entry): Author[] => {
    const name = stringField(entry, 'name');
    if (!name || normaliseText(name) === '') return [];
    const role = stringField(entry, 'role', 'rel');
    const uri = stringField(entry, 'uri', 'qcode', 'code', 'literal');
    return [{ name: normaliseText(name), ...(role ? { role } : {}), ...(uri ? { uri } : {}) }];
  });
}

const SIGNAL_WORDS: readonly [RegExp, Signal][] = [
  [/update|writethru|lead/, 'update'],
  [/correct/, 'correction'],
  [/kill|withdraw/, 'kill'],
];

/** Signals a document names itself ("sig:update", { "code": "correction" }); other signal codes are ignored. */
export function toSignals(value: unknown): Signal[] {
  const entries: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return entries.flatMap((entry): Signal[] => {
    const raw = typeof entry === 'string' ? entry : isJsonObject(entry) ? (stringField(entry, 'code', 'qcode', 'name') ?? '') : '';
    const word = raw.toLowerCase().replace(/^sig:/, '');
    const match = SIGNAL_WORDS.find(([pattern]) => pattern.test(word));
    return match ? [match[1]] : [];
  });
}

export function uniqueSignals(signals: readonly Signal[]): Signal[] {
  return [...new Set(signals)];
}
