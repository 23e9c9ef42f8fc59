import { parseUpdatedLabel, ParsedUpdatedLabel } from '@copydesk/updated-label';

/** Lines the site prints around every story; never part of the copy. Lower case. */
const FURNITURE = new Set(['short url', 'follow', 'share']);
const LONGEST_FURNITURE = 16;
const LONGEST_LABEL_LINE = 80;
const UPDATE_PREFIX = 'update ';

/** Page furniture such as "Short Url" and "Follow". Cheap on any raw or normalised line. */
export function isFurniture(line: string): boolean {
  return line.length <= LONGEST_FURNITURE && FURNITURE.has(line.trim().toLowerCase());
}

/** The "Updated …" line of a story, read against the capture time; null for any other line. */
export function readUpdatedLine(line: string, capturedAt: Date, timeZone: string): ParsedUpdatedLabel | null {
  const text = line.trim();
  if (text.length > LONGEST_LABEL_LINE || !/^updated\b/i.test(text)) return null;
  return parseUpdatedLabel(text, capturedAt, { timeZone });
}

/** Whether a normalised line repeats the headline, either as is or as the "Update <headline>" link. */
export function repeatsHeadline(line: string, headline: string): boolean {
  if (line === headline) return true;
  return (
    line.length === headline.length + UPDATE_PREFIX.length && line.slice(0, UPDATE_PREFIX.length).toLowerCase() === UPDATE_PREFIX && line.endsWith(headline)
  );
}

/** "Update Japan’s Kishida …" → "Japan’s Kishida …"; null when the line has no such prefix. */
export function withoutUpdatePrefix(line: string): string | null {
  return line.length > UPDATE_PREFIX.length && line.slice(0, UPDATE_PREFIX.length).toLowerCase() === UPDATE_PREFIX ? line.slice(UPDATE_PREFIX.length) : null;
}
