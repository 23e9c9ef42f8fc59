/**
 * The content type a newsroom system would send with the files of each folder of the shared
 * Superdesk corpus (`../shared/corpus/superdesk`). IPTC 7901 copy is latin-1 by definition;
 * `email` holds RFC 822 e-mail.
 */
export const CORPUS_CONTENT_TYPES: Readonly<Record<string, string>> = {
  nitf: 'application/xml',
  newsml12: 'application/xml',
  'newsml-g2': 'application/xml',
  rss: 'application/xml',
  other: 'application/xml',
  ninjs: 'application/json',
  ap: 'application/json',
  anpa: 'text/plain',
  iptc7901: 'text/plain; charset=iso-8859-1',
  email: 'message/rfc822',
};

/**
 * The corpus folders the benchmarks read: all of the above but e-mail, which became a format after the
 * benchmark figures were taken, so that new runs stay comparable with them.
 */
export const WIRE_CORPUS_FOLDERS: readonly string[] = Object.keys(CORPUS_CONTENT_TYPES).filter((folder) => folder !== 'email');

/** The content type of the corpus file `<folder>/<name>`; application/octet-stream for a folder not listed. */
export function contentTypeFor(file: string): string {
  const folder = file.split('/')[0];
  return CORPUS_CONTENT_TYPES[folder] ?? 'application/octet-stream';
}
