/** The key of an `Authorization: Bearer <apiKey>` header, or null when the header is missing or of another shape. */
export function bearerKeyOf(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}
