import type { BodyBlock, CanonicalItem } from '@copydesk/contracts';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import { isCrosshead } from '../../text/crosshead';
import { assertLineLengths } from '../../text/lines';
import { normaliseText } from '../../text/normalise-text';
import { paragraphsByBlankLine } from '../../text/paragraphs';
import { takeKeySignals } from '../anpa/take-key.signals';
import type { FormatParseContext } from '../wire-format-handler.types';
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
  const stx = text.indexOf(STX);
  const soh = text.indexOf(SOH);
  if (soh < 0 || stx < soh) {
    throw new WireFormatError(WireFormatErrorCode.MALFORMED_INPUT, 'IPTC 7901 copy without SOH/STX framing', { reason: 'no-framing' });
  }
  const etx = text.indexOf(ETX, stx);
  const preamble = text.slice(soh + 1, stx).split('\n');
  const content = text.slice(stx + 1, etx < 0 ? text.length : etx);
  const trailer = etx < 0 ? '' : text.slice(etx + 1, etx + 80).split('\n')[0];
  const lines = content.split('\n');
  assertLineLengths(lines, ctx.maxLineChars);

  const header = parseIptc7901Header(preamble[0] ?? '');
  const keyword = preamble
    .slice(1)
    .map(clean)
    .find((line) => line !== '');
  const cleanLines = lines.map(clean);
  const blockEnd = firstBlank(cleanLines);
  const heading = parseHeading(cleanLines.slice(0, blockEnd));
  const paragraphs = paragraphsByBlankLine(cleanLines.slice(blockEnd));
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
        ...(keyword ? { slug: keyword.replace(/\/+$/, '').trim() } : {}),
        ...(heading.takeKey ? { takeKey: heading.takeKey } : {}),
      },
      headline: heading.headline ?? body[0]?.text ?? '',
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

/** End of the heading block: the first blank line after the first non-blank one. */
function firstBlank(lines: readonly string[]): number {
  const start = lines.findIndex((line) => line !== '');
  const index = start < 0 ? -1 : lines.indexOf('', start);
  return index < 0 ? lines.length : index;
}
