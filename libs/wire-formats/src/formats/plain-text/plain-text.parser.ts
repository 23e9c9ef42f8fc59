import type { CanonicalItem } from '@copydesk/contracts';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import { toBodyBlocks } from '../../text/body-blocks';
import { bulletText } from '../../text/bullets';
import { assertLineLengths, splitLines } from '../../text/lines';
import { normaliseText } from '../../text/normalise-text';
import { hasInnerBlankLine, paragraphsByBlankLine, paragraphsByLine } from '../../text/paragraphs';
import type { FormatParseContext } from '../wire-format-handler.types';
import { shortenHeadline } from './headline';

/**
 * The fallback for any text: the first non-blank line is the headline, leading bullet lines the summary,
 * the rest paragraphs — split on blank lines (lines within a block joined: hard-wrapped copy) when there
 * are any, else one per line. A first line too long to be a headline is shortened for the headline and
 * kept whole as the first paragraph.
 */
export function parsePlainText(text: string, ctx: FormatParseContext): CanonicalItem[] {
  const raw = splitLines(text);
  assertLineLengths(raw, ctx.maxLineChars);
  const lines = raw.map(normaliseText);
  const first = lines.findIndex((line) => line !== '');
  if (first < 0) return [];

  const { headline, overflow } = shortenHeadline(lines[first]);
  const rest = lines.slice(first + 1);
  const summary: string[] = [];
  let i = 0;
  for (; i < rest.length; i++) {
    if (rest[i] === '') continue;
    const bullet = bulletText(rest[i]);
    if (bullet === null) break;
    summary.push(bullet);
  }
  const bodyLines = rest.slice(i);
  const paragraphs = hasInnerBlankLine(bodyLines) ? paragraphsByBlankLine(bodyLines) : paragraphsByLine(bodyLines);
  const { dateline, body } = toBodyBlocks(overflow ? [overflow, ...paragraphs] : paragraphs);
  return [createCanonicalItem({ format: 'plain-text', headline, summary, dateline, body })];
}
