import path from 'node:path';

/**
 * Content types by file extension, for the formats whose type normalise needs to be told (an
 * e-mail is not sniffed) or is surer with. Other files go as application/octet-stream, which
 * normalise sniffs from the body, as it does a `POST /v1/wire` without a Content-Type.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.xml': 'application/xml',
  '.nitf': 'application/nitf+xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/json',
  '.ninjs': 'application/ninjs+json',
  '.eml': 'message/rfc822',
  '.txt': 'text/plain',
  '.tst': 'text/plain',
  '.anpa': 'application/x-anpa',
};

/** Names of files still being written by common tools (partial downloads, editors' swap files). */
const PARTIAL = /\.(tmp|temp|part|partial|crdownload|download|swp)$|~$/i;

/** The content type a dropped file is submitted with, from its extension. */
export function contentTypeOfFile(name: string): string {
  return CONTENT_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether a name in the drop folder is left alone: dotfiles, and names that say the file is not complete yet. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || PARTIAL.test(name);
}

/**
 * A name under which `name` can go into a folder that already holds `taken` names:
 * `story.xml`, else `story-1.xml`, `story-2.xml`, ...
 */
export function freeName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!taken(candidate)) return candidate;
  }
}
