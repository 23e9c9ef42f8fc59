import type { CanonicalItem } from '@copydesk/contracts';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import { assertLineLengths, splitLines } from '../../text/lines';
import type { FormatParseContext } from '../wire-format-handler.types';
import { NormalisedLines } from './normalised-lines';
import { parsePhotoCaption } from './photo-caption';
import { parseStoryBody } from './story-body.parser';
import { findStoryHeaders } from './story-header.finder';

/**
 * A scraped news page holding several stories, each framed by its headline (repeated), page furniture
 * ("Update <headline>", "Short Url", "Updated 4 sec ago", "Follow"), an optional photo caption with its
 * credit, summary bullets, then the copy. Lines before the first story are ignored.
 */
export function parseTextPage(text: string, ctx: FormatParseContext): CanonicalItem[] {
  const raw = splitLines(text);
  assertLineLengths(raw, ctx.maxLineChars);
  const lines = new NormalisedLines(raw);
  const headers = findStoryHeaders(lines, ctx.capturedAt, ctx.timeZone);
  return headers.map((header, k) => {
    const end = Math.max(header.bodyStart, k + 1 < headers.length ? headers[k + 1].start : lines.length);
    const { summary, dateline, body } = parseStoryBody(lines.slice(header.bodyStart, end));
    return createCanonicalItem({
      format: 'text-page',
      headline: header.headline,
      summary,
      dateline,
      body,
      media: header.extraLines.flatMap((line) => parsePhotoCaption(line) ?? []),
      sourceUpdated: header.label && { at: header.label.at.toISOString(), precision: header.label.precision },
    });
  });
}

/** Whether the text reads as such a page: at least one story header is found. */
export function looksLikeTextPage(text: string, ctx: FormatParseContext): boolean {
  return findStoryHeaders(new NormalisedLines(splitLines(text)), ctx.capturedAt, ctx.timeZone).length > 0;
}
