import type { BodyBlock } from '@copydesk/contracts';
import { normaliseText } from '../../text/normalise-text';
import { hasInnerBlankLine, paragraphsByBlankLine, paragraphsByLine } from '../../text/paragraphs';
import { htmlToBlocks } from './html-blocks';
import { isJsonObject, JsonObject, stringField } from './json-object';

/** One entry of a ninjs 2.x/3.x `headlines`, `descriptions` or `bodies` list. */
export interface RoleText {
  role?: string;
  contentType?: string;
  value: string;
}

export function roleTexts(value: unknown): RoleText[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [{ value }];
  if (!Array.isArray(value)) return isJsonObject(value) ? roleTexts([value]) : [];
  return value.filter(isJsonObject).flatMap((entry: JsonObject) => {
    const text = typeof entry['value'] === 'string' ? entry['value'] : undefined;
    if (text === undefined || text.trim() === '') return [];
    return [{ role: stringField(entry, 'role')?.toLowerCase(), contentType: stringField(entry, 'contentType', 'contenttype')?.toLowerCase(), value: text }];
  });
}

export function isHtmlType(contentType: string | undefined): boolean {
  return contentType !== undefined && /html|xml|nitf/.test(contentType);
}

/** Paragraphs of plain text: split on blank lines (lines within joined) when there are any, else one per line. */
export function plainTextBlocks(text: string): BodyBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(normaliseText);
  const paragraphs = hasInnerBlankLine(lines) ? paragraphsByBlankLine(lines) : paragraphsByLine(lines);
  return paragraphs.map((paragraph) => ({ kind: 'paragraph', text: paragraph }));
}

export function textBlocks(entry: RoleText): BodyBlock[] {
  return isHtmlType(entry.contentType) || /^\s*</.test(entry.value) ? htmlToBlocks(entry.value) : plainTextBlocks(entry.value);
}

/** Flattens a text that may be HTML to one normalised line. */
export function flatText(entry: RoleText): string {
  return textBlocks(entry)
    .map((block) => block.text)
    .join(' ');
}
