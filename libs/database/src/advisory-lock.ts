/** A stable 31-bit PostgreSQL advisory lock key for a name. */
export function lockKeyOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return Math.abs(h);
}
