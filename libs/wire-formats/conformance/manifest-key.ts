/** The operators a manifest key may end with (see the corpus README); '' is plain equality. */
export const OPERATORS = [
  'len_min',
  'len',
  'includes',
  'contains_normalized_ws',
  'not_contains',
  'contains',
  'lstrip_startswith',
  'startswith',
  'endswith',
  'regex',
  'absent',
  'present',
  'type',
  'truthy',
  'stripped',
  'rule',
] as const;
export type Operator = (typeof OPERATORS)[number] | '';

/** Which entry of the parser's output a key addresses. */
export type EntryRef =
  | { kind: 'single' } // no prefix: the parser returns one item
  | { kind: 'index'; index: number } // "[i]." : the i-th entry of Superdesk's list
  | { kind: 'every' } // "*."
  | { kind: 'named'; role: 'text' | 'picture'; index: number }; // behave scenarios: "text.", "picture.", "picture_2."

export interface ManifestKey {
  raw: string;
  entry: EntryRef;
  /** The field path with list indexes written "[n]": "subject[n].qcode". */
  field: string;
  /** The list indexes in the path, in order: "subject[0].qcode" → [0]. */
  indexes: number[];
  operator: Operator;
}

const INDEX_PREFIX = /^\[(\d{1,4})\]\./;
const NAMED_PREFIX = /^(text|picture)(?:_(\d))?\./;

/** Reads a manifest key: "[1].associations.featuremedia.type", "subject__len", "anpa_category[0].qcode". */
export function parseManifestKey(raw: string): ManifestKey {
  let rest = raw;
  let entry: EntryRef = { kind: 'single' };
  const indexed = INDEX_PREFIX.exec(rest);
  const named = NAMED_PREFIX.exec(rest);
  if (indexed) {
    entry = { kind: 'index', index: Number(indexed[1]) };
    rest = rest.slice(indexed[0].length);
  } else if (rest.startsWith('*.')) {
    entry = { kind: 'every' };
    rest = rest.slice(2);
  } else if (named) {
    entry = { kind: 'named', role: named[1] as 'text' | 'picture', index: named[2] ? Number(named[2]) - 1 : 0 };
    rest = rest.slice(named[0].length);
  }
  let operator: Operator = '';
  const cut = rest.lastIndexOf('__');
  if (cut > 0) {
    const suffix = rest.slice(cut + 2);
    if ((OPERATORS as readonly string[]).includes(suffix)) {
      operator = suffix as Operator;
      rest = rest.slice(0, cut);
    }
  }
  const indexes = [...rest.matchAll(/\[(\d{1,4})\]/g)].map((match) => Number(match[1]));
  return { raw, entry, field: rest.replace(/\[\d{1,4}\]/g, '[n]'), indexes, operator };
}
