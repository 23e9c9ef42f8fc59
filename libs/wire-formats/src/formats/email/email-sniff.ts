/** How far into a payload the header block is looked for; real header blocks are a few kilobytes. */
const SNIFF_CHARS = 256 * 1024;
const FIELD = /^([!-9;-~]{1,76}):/;
// A message names its sender and at least one of these: with From alone, a line of copy could pass for a header.
const MESSAGE_FIELDS = new Set(['date', 'message-id', 'mime-version', 'subject', 'received', 'return-path']);

/**
 * Whether the text opens with an RFC 5322 header block: after optional blank lines and an mbox "From " line,
 * every line up to the first empty one is a header field or a folded continuation, with a From field and
 * another field only messages carry.
 */
export function looksLikeEmail(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS);
  let fields = 0;
  let sawFrom = false;
  let sawMessageField = false;
  let started = false;
  let lineStart = 0;
  while (lineStart < head.length) {
    const lineEnd = head.indexOf('\n', lineStart);
    const line = head.slice(lineStart, lineEnd < 0 ? head.length : lineEnd);
    lineStart = lineEnd < 0 ? head.length : lineEnd + 1;
    if (!started && line.trim() === '') continue;
    if (!started && line.startsWith('From ')) {
      started = true;
      continue;
    }
    started = true;
    if (line === '') break;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (fields === 0) return false;
      continue;
    }
    const field = FIELD.exec(line);
    if (!field) return false;
    const name = field[1].toLowerCase();
    fields++;
    if (name === 'from') sawFrom = true;
    else if (MESSAGE_FIELDS.has(name)) sawMessageField = true;
  }
  return sawFrom && sawMessageField;
}
