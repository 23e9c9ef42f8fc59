import type { BodyBlock, CanonicalItem } from '@copydesk/contracts';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import { isCrosshead } from '../../text/crosshead';
import { assertLineLengths } from '../../text/lines';
import { normaliseText } from '../../text/normalise-text';
import { splitAgencyDateline } from '../iptc7901/agency-dateline';
import { uniqueSignals } from '../ninjs/ninjs-fields';
import { splitFramedMessages } from '../iptc7901/framed-messages';
import { apTrailerTime } from '../iptc7901/wire-trailer-time';
import { shortenHeadline } from '../plain-text/headline';
import type { FormatParseContext } from '../wire-format-handler.types';
import { anpaUrgency, parseAnpaHeader } from './anpa-header';
import { anpaSlug } from './anpa-slug';
import { headlinePrefix, takeKeySignals } from './take-key.signals';

const STX = '\u0002';
const ETX = '\u0003';
const FRAME_START = /^\s*\u0016{1,2}\u0001/;
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
// Caret header lines of real copy number a dozen or so; any beyond this are read as body.
const MAX_HEADER_LINES = 40;
const PHOTO_LINE = /^AP (?:Photos?|Video|Graphics?)\b/;
const EDITOR_NOTE = /^\(?(?:Eds?:|EDITOR[’']S NOTE|Editor[’']s Note|Eds\b)/;
// The label of an editor's note and the separator after it: "EDITOR'S NOTE _ ", "Eds: " (an opening bracket is kept).
const EDITOR_NOTE_LABEL = /^(\(?)(?:Eds?:|EDITOR[’']S NOTE|Editor[’']s Note|Eds\b)[\s_:\u2013\u2014-]*/;
const BYLINE = /^By /;
const BYLINE_TITLE = /Associated Press|\bAP\b|Writer|Correspondent|Editor|Reporter/i;
// Cells of a tabular story ("AMERICAN LEAGUE" is a heading; ";MIN;MAX;COND" is not).
const TABLE_ROW = /[;|]/;
// "BC-WEA--Global Weather-Fahrenheit" → "Global Weather-Fahrenheit".
const SLUG_CATEGORY = /^(?:BC-)?(?:[A-Z]{1,4}--)?/;
const BLANK_LINE = /^[\s\u200b]*$/;
// A caret that opens a line, after any format codes ("\b^Tampa"): header syntax, not text.
const CARET_AFTER_CONTROLS = /^([\u0000-\u001f]*)\^/;
// The end-of-line marks of header and table lines ("…<", "…=").
const LINE_MARK = / ?[<=]\s*$/;
const DIVIDER = /^[_=\-*]{3,}$|^END$/;

export function looksLikeAnpa(text: string): boolean {
  return FRAME_START.test(text.slice(0, 16));
}

interface Heading {
  slugLine?: string;
  takeKey?: string;
  headline?: string;
  summary: string[];
  byline?: string;
  /** Editor's notes: the line as sent, and its text without the label. */
  edNotes: { label: string; text: string }[];
  bodyLines: string[];
}

/**
 * ANPA-1312 (AP): SYN SYN SOH + service/sequence line, the priority-category-keyword line, STX, then caret
 * header lines ("^BC-US--Slug, 1st Ld-Writethru,1140<", headline, "AP Photo …", "Eds: …", "By …=", its title
 * "…="), tab-indented body paragraphs (an agency dateline "CITY (AP) _" opens the first), ETX + the
 * transmission stamp "AP-WF-11-13-13 1509GMT". Tabular stories keep one paragraph per row.
 */
export function parseAnpa(text: string, ctx: FormatParseContext): CanonicalItem[] {
  return splitFramedMessages(text, '\u0016\u0016\u0001').flatMap((message) => parseAnpaMessage(message, ctx));
}

function parseAnpaMessage(text: string, ctx: FormatParseContext): CanonicalItem[] {
  const stx = text.indexOf(STX);
  if (stx < 0) {
    throw new WireFormatError(WireFormatErrorCode.MALFORMED_INPUT, 'ANPA copy without STX', { reason: 'no-framing' });
  }
  const etx = text.indexOf(ETX, stx);
  const header = parseAnpaHeader(text.slice(0, stx).split('\n'));
  const lines = text.slice(stx + 1, etx < 0 ? text.length : etx).split('\n');
  assertLineLengths(lines, ctx.maxLineChars);
  const trailer = etx < 0 ? '' : text.slice(etx + 1, etx + 80);

  const heading = readHeading(lines);
  const paragraphs = bodyParagraphs(heading.bodyLines);
  const split = paragraphs.length > 0 ? splitAgencyDateline(paragraphs[0]) : null;
  const texts = split ? [split.rest, ...paragraphs.slice(1)] : paragraphs;
  const body = texts.map((paragraph): BodyBlock => ({
    kind: isCrosshead(paragraph) && !TABLE_ROW.test(paragraph) ? 'crosshead' : 'paragraph',
    text: paragraph,
  }));
  const headline = heading.headline ?? fallbackHeadline(header.tabular === true, heading.slugLine, body);
  const prefix = headlinePrefix(headline);
  const takeKey = heading.takeKey ?? header.version ?? prefix;
  const signals = uniqueSignals([...takeKeySignals(takeKey), ...takeKeySignals(prefix)]);
  const transmitted = apTrailerTime(trailer);
  const slug = anpaSlug(header.keyword, heading.slugLine);

  return [
    createCanonicalItem({
      format: 'anpa1312',
      wire: { ...(slug ? { slug } : {}), ...(takeKey ? { takeKey } : {}) },
      headline,
      summary: heading.summary,
      byline: heading.byline,
      dateline: split?.dateline,
      body,
      urgency: anpaUrgency(header.priority),
      signals,
      edNote: editorsNote(heading.edNotes),
      versionCreated: transmitted,
      firstCreated: signals.length === 0 ? transmitted : undefined,
    }),
  ];
}

// An "EDITOR'S NOTE" speaks of the story; an "Eds:" line of the take (what this write-through changes, what goes with it).
const STORY_NOTE = /^EDITOR[’']S NOTE|^Editor[’']s Note/;

/** The story's note: its EDITOR'S NOTE lines where it has any, else the take's "Eds:" lines. */
function editorsNote(notes: readonly { label: string; text: string }[]): string | undefined {
  const story = notes.filter((note) => STORY_NOTE.test(note.label));
  const chosen = story.length > 0 ? story : notes;
  return chosen.length > 0 ? chosen.map((note) => note.text).join(' ') : undefined;
}

/** Splits the caret header lines from the body lines and classifies them. */
function readHeading(lines: readonly string[]): Heading {
  const heading: Heading = { summary: [], edNotes: [], bodyLines: [] };
  let afterByline = false;
  let index = 0;
  for (; index < lines.length && index < MAX_HEADER_LINES; index++) {
    const raw = lines[index];
    if (!raw.startsWith('^') && !(index === 0 && raw.includes('^'))) break;
    for (const field of raw.split('^').slice(1)) {
      const line = clean(field);
      const text = line.replace(/ ?[<=]$/, '').trim();
      if (text === '' || /^\*\d+$/.test(text)) continue;
      if (heading.slugLine === undefined) {
        readSlugLine(heading, text);
      } else if (heading.headline === undefined) {
        heading.headline = text;
      } else if (EDITOR_NOTE.test(text)) {
        const note = text.replace(EDITOR_NOTE_LABEL, '$1');
        if (note !== '') heading.edNotes.push({ label: text, text: note });
      } else if (PHOTO_LINE.test(text)) {
        continue;
      } else if (BYLINE.test(text) && line.endsWith('=') && heading.byline === undefined) {
        heading.byline = text;
        afterByline = true;
      } else if (afterByline && line.endsWith('=') && BYLINE_TITLE.test(text)) {
        afterByline = false; // the byline's title: "Associated Press", "AP Sports Writer"
      } else if (line.endsWith('<') && heading.byline === undefined) {
        heading.summary.push(text);
      } else {
        heading.bodyLines.push(`^${field}`);
      }
    }
  }
  heading.bodyLines = heading.bodyLines.concat(lines.slice(index));
  return heading;
}

/** "BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140" → slug line, take key; the trailing number is a word count. */
function readSlugLine(heading: Heading, text: string): void {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length > 1 && /^\d{1,6}$/.test(parts[parts.length - 1])) parts.pop();
  heading.slugLine = parts[0];
  const takeKey = parts.slice(1).join(', ').trim();
  if (takeKey !== '') heading.takeKey = takeKey;
}

/** Tab-indented lines open paragraphs; unindented lines continue them; blank lines and dividers are dropped. */
function bodyParagraphs(lines: readonly string[]): string[] {
  const paragraphs: string[][] = [];
  let open = false;
  for (const raw of lines) {
    const opens = /^[\t\u0008\u0010^]/.test(raw);
    const line = raw.replace(CARET_AFTER_CONTROLS, '$1').replace(CONTROL_CHARS, ' ').replace(LINE_MARK, '');
    if (BLANK_LINE.test(line) || DIVIDER.test(line.trim())) {
      open = false;
      continue;
    }
    if (opens || !open || paragraphs.length === 0) paragraphs.push([line]);
    else paragraphs[paragraphs.length - 1].push(line);
    open = true;
  }
  // Normalised once per paragraph, not line by line.
  return paragraphs.map((parts) => normaliseText(parts.join(' '))).filter((paragraph) => paragraph !== '');
}

/** Without a headline line: a table is titled by its slug line, running text (an alert) by its first paragraph. */
function fallbackHeadline(tabular: boolean, slugLine: string | undefined, body: readonly BodyBlock[]): string {
  const title = slugLine?.replace(SLUG_CATEGORY, '').trim() ?? '';
  const first = body[0]?.text;
  if ((tabular && title !== '') || first === undefined) return title;
  return shortenHeadline(first).headline;
}

function clean(line: string): string {
  return normaliseText(line.replace(CONTROL_CHARS, ' '));
}
