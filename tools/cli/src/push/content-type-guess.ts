import path from 'node:path';

/**
 * The media types ingest and normalise tell apart, by file extension. A short table written out
 * here rather than a MIME database: Copydesk takes only these families, and a general database
 * maps `.html` and others to types normalise refuses, where sending none lets it sniff the body.
 */
const BY_EXTENSION: Record<string, string> = {
  '.xml': 'application/xml',
  '.nitf': 'application/xml',
  '.newsml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/json',
  '.ninjs': 'application/json',
  '.eml': 'message/rfc822',
  '.txt': 'text/plain',
};

/** A message in Internet Message Format: header lines up to the first blank line, one of them a From or Received. */
const RFC822_HEAD = /^(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+\r?\n/;
const RFC822_FIELD = /^(?:from|received|message-id|return-path):/im;

/**
 * The Content-Type to send for a file: by its extension, else e-mail when the body opens like
 * one (normalise cannot sniff e-mail), else none, so ingest records application/octet-stream and
 * normalise sniffs the format from the body.
 */
export function guessContentType(name: string | undefined, body: Buffer): string | undefined {
  const ext = name ? path.extname(name).toLowerCase() : '';
  if (BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  const head = body.subarray(0, 16 * 1024).toString('latin1');
  const match = RFC822_HEAD.exec(head);
  if (match && RFC822_FIELD.test(match[0])) return 'message/rfc822';
  return undefined;
}
