import type { CanonicalItem } from '@copydesk/contracts';
import type { ParseWireResult } from '../src';
import type { ViewEntry } from './superdesk-view';

/** What a canonical item offers for one manifest field, typed by how it is compared. */
export type ActualValue =
  /** Text; passes when any candidate passes (e.g. the body with and without the dateline moved out of it). `html`: expected values are HTML, compared as text. */
  | { kind: 'text'; candidates: readonly (string | undefined)[]; html?: boolean }
  /** An ISO instant; passes when any candidate equals the expected instant. */
  | { kind: 'instant'; candidates: readonly (string | undefined)[] }
  | { kind: 'number'; value: number | undefined }
  /** Codes: subject codes, signals. Compared as a list or by inclusion. */
  | { kind: 'codes'; values: readonly string[] }
  | { kind: 'count'; value: number }
  /** Places or genres: matched by code or name (an expected `qcode`, else its `name`). */
  | { kind: 'concepts'; values: readonly { code?: string; name?: string }[] }
  /** Authors: matched by name, and by role where the expectation gives one. */
  | { kind: 'authors'; values: readonly { name: string; role?: string }[] }
  /** A record (renditions by name, a point of interest): every expected key compared; `{}` means none. */
  | { kind: 'record'; value: Readonly<Record<string, unknown>> | undefined }
  | { kind: 'parsed' };

export interface ReadContext {
  /** The entry the key addresses; undefined when the parser returned fewer entries. */
  entry: ViewEntry | undefined;
  result: ParseWireResult;
  /** List indexes inside the field path ("subject[0].qcode" → [0]). */
  indexes: readonly number[];
  parser: string;
  file: string;
}

export function bodyText(item: CanonicalItem): string {
  return item.body.map((block) => block.text).join(' ');
}

/** The body as Superdesk might render it: without, and with, the dateline the parser moved out of the first paragraph. */
export function bodyCandidates(item: CanonicalItem): string[] {
  const body = bodyText(item);
  return item.dateline ? [body, `${item.dateline} ${body}`] : [body];
}

/** Every text of an item: for "the file literally contains X" checks. */
export function allText(item: CanonicalItem): string {
  return [
    item.headline,
    ...item.summary,
    item.byline ?? '',
    item.dateline ?? '',
    bodyText(item),
    ...item.media.flatMap((media) => [media.caption ?? '', media.credit ?? '']),
  ].join(' ');
}
