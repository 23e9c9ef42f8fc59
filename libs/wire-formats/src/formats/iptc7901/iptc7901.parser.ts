import type { BodyBlock, CanonicalItem } from '@copydesk/contracts';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import { isCrosshead } from '../../text/crosshead';
import { assertLineLengths } from '../../text/lines';
import { normaliseText } from '../../text/normalise-text';
import { takeKeySignals } from '../anpa/take-key.signals';
import { shortenHeadline } from '../plain-text/headline';
import type { FormatParseContext } from '../wire-format-handler.types';
import { splitFramedMessages } from './framed-messages';
import { splitAgencyDateline } from './agency-dateline';
import { parseIptc7901Header } from './iptc7901-header';
import { dpaTrailerTime } from './wire-trailer-time';

const SOH = '\u0001';
const STX = '\u0002';
const ETX = '\u0003';
// SOH, then the header line: letters, a message number, a priority digit.
const FRAME_START = /^[\s\u0016]*\u0001[A-Za-z]{1,4}\d{2,5} +\d +[A-Za-z]/;
const BYLINE = /^(?:By|Von|Par|Por|Di|Av) \S/;
// Desk initials that close dpa copy: "dpa wsz jln npr", "dpa tca bag".
const DESK_SIGNATURE = /^dpa(?:-[a-z]{2,5})?(?: [a-z]{2,4}){1,8}$/;
const MAX_HEADING_LINES = 12;
const BLANK_LINE = /^[\s\u200b]*$/;
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Whether text is SOH/STX/ETX framed IPTC 7901 copy (dpa and others): SOH and a 7901 header line first. */
export function looksLikeIptc7901(text: string): boolean {
  return FRAME_START.test(text.slice(0, 200)) && text.includes(STX);
}

/**
 * IPTC 7901: SOH + header line (message number, priority, category, word count), the keyword line
 * ("Germany-politics/"), STX + heading block (take key lines, headline, byline ending in " ="), the body
 * in hard-wrapped paragraphs (an agency dateline "Berlin (dpa) - " opens it), desk initials, ETX + the
 * transmission time ("131137 GMT Nov 13").
 */
export function parseIptc7901(text: string, ctx: FormatParseContext): CanonicalItem[] {
  return splitFramedMessages(text, SOH).flatMap((message) => parseIptc7901Message(message, ctx));
}

function parseIptc7901Message(text: string, ctx: FormatParseContext): CanonicalItem[] {
  const stx = text.indexOf(STX);
  const soh = text.indexOf(SOH);
  if (soh < 0 || stx < soh) {
    throw new WireFormatError(WireFormatErrorCode.MALFORMED_INPUT, 'IPTC 7901 copy without SOH/STX framing', { reason: 'no-framing' });
  }
  const etx = text.indexOf(ETX, stx);
  const preamble = text.slice(soh + 1, stx).split('\n');
  const content = text.slice(stx + 1, etx < 0 ? text.length : etx).replace(CONTROL_CHARS, ' ');
  const trailer = etx < 0 ? '' : text.slice(etx + 1, etx + 80).split('\n')[0];
  const lines = content.split('\n');
  assertLineLengths(lines, ctx.maxLineChars);

  const header = parseIptc7901Header(preamble[0] ?? '');
  const keywordLine = preamble.slice(1).find((line) => !isBlankLine(line.replace(CONTROL_CHARS, ' ')));
  const keyword = keywordLine === undefined ? '' : withoutTrailingSlashes(clean(keywordLine));
  const { start, end } = headingBlock(lines);
  const heading = parseHeading(lines.slice(start, end).map(clean));
  const paragraphs = paragraphsOf(lines.slice(end));
  if (paragraphs.length > 0 && DESK_SIGNATURE.test(paragraphs[paragraphs.length - 1])) paragraphs.pop();
  const split = paragraphs.length > 0 ? splitAgencyDateline(paragraphs[0]) : null;
  const bodyTexts = split ? [split.rest, ...paragraphs.slice(1)] : paragraphs;
  const body = bodyTexts.map((paragraph): BodyBlock => ({ kind: isCrosshead(paragraph) ? 'crosshead' : 'paragraph', text: paragraph }));
  const transmitted = dpaTrailerTime(trailer);
  const signals = takeKeySignals(heading.takeKey);

  return [
    createCanonicalItem({
      format: 'iptc7901',
      wire: {
        ...(keyword ? { slug: keyword } : {}),
        ...(heading.takeKey ? { takeKey: heading.takeKey } : {}),
      },
      headline: heading.headline ?? shortenHeadline(body[0]?.text ?? '').headline,
      byline: heading.byline,
      dateline: split?.dateline,
      body,
      urgency: header.priority !== undefined && header.priority >= 1 ? header.priority : undefined,
      signals,
      versionCreated: transmitted,
      firstCreated: signals.length === 0 ? transmitted : undefined,
    }),
  ];
}

interface Heading {
  headline?: string;
  byline?: string;
  takeKey?: string;
}

/** The lines between STX and the first blank line: take key lines, the headline, bylines (" =" marks the end of each). */
function parseHeading(lines: readonly string[]): Heading {
  const bylines: string[] = [];
  const others: string[] = [];
  for (const line of lines) {
    const text = line.replace(/ ?=$/, '').trim();
    if (text === '') continue;
    if (BYLINE.test(text)) bylines.push(text);
    else others.push(text);
  }
  const headline = others.pop();
  return {
    ...(headline ? { headline } : {}),
    ...(bylines.length > 0 ? { byline: bylines.join(' ') } : {}),
    ...(others.length > 0 ? { takeKey: others.join(' ') } : {}),
  };
}

function clean(line: string): string {
  return normaliseText(line.replace(CONTROL_CHARS, ' '));
}

/**
 * The heading block: from the first non-blank line to the next blank one. A heading is a few lines (take key,
 * headline, bylines); without a blank line within MAX_HEADING_LINES, only the first line is heading.
 */
function headingBlock(lines: readonly string[]): { start: number; end: number } {
  const start = lines.findIndex((line) => !isBlankLine(line));
  if (start < 0) return { start: lines.length, end: lines.length };
  const blank = lines.slice(start, start + MAX_HEADING_LINES + 1).findIndex(isBlankLine);
  return { start, end: blank < 0 ? start + 1 : start + blank };
}

/** Hard-wrapped paragraphs separated by blank lines; each normalised once, not line by line. */
function paragraphsOf(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const close = () => {
    const paragraph = normaliseText(current.join(' '));
    if (paragraph !== '') paragraphs.push(paragraph);
    current = [];
  };
  for (const line of lines) {
    if (isBlankLine(line)) close();
    else current.push(line);
  }
  close();
  return paragraphs;
}

function isBlankLine(line: string): boolean {
  return BLANK_LINE.test(line);
}

function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end).trim();
}
