import { codeUnitBuffer, stringOf } from '../text/code-units';

/**
 * CRLF and lone CR become LF. One pass into a buffer: a replacement per match cost more per
 * character the more line ends there were (4 s on 30 MB of bare CRs).
 */
export function normaliseNewlines(text: string): string {
  if (!text.includes('\r')) return text;
  const out = codeUnitBuffer(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x0d) out[n++] = c;
    else {
      out[n++] = 0x0a;
      if (text.charCodeAt(i + 1) === 0x0a) i++;
    }
  }
  return stringOf(out, n);
}
