// No-break, thin, ideographic and zero-width spaces as well as ASCII whitespace; one character class, linear.
const SPACES = /[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/** Display text: NFC, every run of whitespace (no-break spaces included) one plain space, trimmed. Quotes are kept as printed. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(SPACES, ' ').trim();
}

/** True when a line holds nothing but whitespace. */
export function isBlank(text: string): boolean {
  return normaliseText(text) === '';
}
