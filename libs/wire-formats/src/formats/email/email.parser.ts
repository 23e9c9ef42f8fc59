import type { BodyBlock, CanonicalItem, MediaItem } from '@copydesk/contracts';
import { WireFormatError } from '../../errors/wire-format.error';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';
import { createCanonicalItem } from '../../item/canonical-item.factory';
import { toBodyBlocks } from '../../text/body-blocks';
import { assertLineLengths, splitLines } from '../../text/lines';
import { normaliseText } from '../../text/normalise-text';
import { hasInnerBlankLine, paragraphsByBlankLine, paragraphsByLine } from '../../text/paragraphs';
import { htmlToBlocks } from '../ninjs/html-blocks';
import { shortenHeadline } from '../plain-text/headline';
import type { FormatParseContext } from '../wire-format-handler.types';
import { parseWireDate } from '../xml/wire-date';
import { readFormEmail } from './form-email.reader';
import { firstMailbox, headerText } from './header-text';
import { headerValue, MimeEntity, readMimeMessage } from './mime-entity.reader';
import { partText } from './part-text';

interface MessageContent {
  plain?: MimeEntity;
  html?: MimeEntity;
  media: MediaItem[];
}

/**
 * An RFC 5322 message to one story: Subject the headline, From the byline (its display name, else the address),
 * Date the version time, Message-ID the wire guid, the text/plain part (else the HTML part as text) the body.
 * A form e-mail (the text is a JSON object of form answers) gives headline, abstract, slug, dateline, byline,
 * urgency and body from its answers instead. Attached pictures, video and audio are listed as media.
 */
export function parseEmail(text: string, ctx: FormatParseContext): CanonicalItem[] {
  const message = readMimeMessage(text);
  if (!headerValue(message, 'from') && !headerValue(message, 'subject') && !headerValue(message, 'message-id')) {
    throw new WireFormatError(WireFormatErrorCode.MALFORMED_INPUT, 'The e-mail has no From, Subject or Message-ID header', { reason: 'email-no-headers' });
  }
  const content: MessageContent = { media: [] };
  collectContent(message, content);
  const plain = content.plain ? partText(content.plain) : undefined;
  const form = plain === undefined ? undefined : readFormEmail(plain);
  const bodyOf = (): { dateline?: string; body: BodyBlock[] } => {
    if (form) return textBody(form.body ?? '', ctx);
    if (plain !== undefined) return textBody(withoutSignature(plain), ctx);
    return content.html ? { body: htmlToBlocks(partText(content.html)) } : { body: [] };
  };
  const { dateline, body } = bodyOf();
  const sender = firstMailbox(headerValue(message, 'from'));
  const subject = headerText(headerValue(message, 'subject'));
  const headline = formText(form?.headline) ?? subject ?? (body[0] ? shortenHeadline(body[0].text).headline : '');
  if (headline === '' && body.length === 0 && content.media.length === 0) return [];
  const date = headerValue(message, 'date');
  const messageId = headerValue(message, 'message-id')?.trim();
  return [
    createCanonicalItem({
      format: 'email',
      wire: { ...(messageId ? { guid: messageId } : {}), ...(form?.slugline ? { slug: normaliseText(form.slugline) } : {}) },
      headline,
      summary: form?.abstract ? [normaliseText(form.abstract)] : [],
      byline: formText(form?.byline) ?? sender?.name ?? sender?.address,
      dateline: formText(form?.dateline) ?? dateline,
      body,
      media: content.media,
      language: headerText(headerValue(message, 'content-language'))?.split(/[\s,]/)[0],
      urgency: form?.urgency,
      places: form?.place ? [{ code: normaliseText(form.place) }] : undefined,
      // RFC 5322 dates may end in a comment ("-0800 (PST)"): the zone is the numeric offset before it.
      versionCreated: date ? parseWireDate(date.replace(/\([^()]{0,64}\)/g, '').trim()) : undefined,
    }),
  ];
}

/** The first text/plain and text/html parts that are not attachments, and the media attached; depth first, in order. */
function collectContent(entity: MimeEntity, content: MessageContent): void {
  if (entity.parts.length > 0) {
    for (const part of entity.parts) collectContent(part, content);
    return;
  }
  const attachment = /^\s*attachment/i.test(headerValue(entity, 'content-disposition') ?? '');
  const [top] = entity.mediaType.split('/');
  if (entity.mediaType === 'text/plain' && !attachment) content.plain ??= entity;
  else if (entity.mediaType === 'text/html' && !attachment) content.html ??= entity;
  else if (top === 'image' || top === 'video' || top === 'audio') {
    // The message carries the file itself: its one rendition, the original.
    content.media.push({ kind: top === 'image' ? 'picture' : top, mimeType: entity.mediaType, renditions: [{ name: 'original', mimeType: entity.mediaType }] });
  }
}

function formText(value: string | undefined): string | undefined {
  const text = value === undefined ? '' : normaliseText(value);
  return text === '' ? undefined : text;
}

/** Plain text to paragraphs: split on blank lines when there are any (hard-wrapped mail), else one per line. */
function textBody(text: string, ctx: FormatParseContext): { dateline?: string; body: BodyBlock[] } {
  const raw = splitLines(text);
  assertLineLengths(raw, ctx.maxLineChars);
  const lines = raw.map(normaliseText);
  return toBodyBlocks(hasInnerBlankLine(lines) ? paragraphsByBlankLine(lines) : paragraphsByLine(lines));
}

/** The text above the signature separator ("-- " alone on a line, RFC 3676). */
function withoutSignature(text: string): string {
  const match = /^-- ?$/m.exec(text);
  return match ? text.slice(0, match.index) : text;
}
