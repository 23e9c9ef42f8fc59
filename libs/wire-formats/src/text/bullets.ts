// Bullet glyphs seen in scraped pages; a hyphen is deliberately not one (it starts ordinary lines too).
const BULLET = /^[\u2022\u25cf\u25aa\u25e6\u2023\u2043] ?/;

/** The text of a bullet line ("  • Relations …" → "Relations …"), or null for other lines. Expects normalised text. */
export function bulletText(line: string): string | null {
  const match = BULLET.exec(line);
  if (!match) return null;
  const text = line.slice(match[0].length).trim();
  return text === '' ? null : text;
}
