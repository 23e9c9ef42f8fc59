import type { ParsedUpdatedLabel } from '@copydesk/updated-label';
import { AnchorCluster, findAnchorClusters } from './anchor-cluster.finder';
import { NormalisedLines } from './normalised-lines';
import { isFurniture, readUpdatedLine, repeatsHeadline, withoutUpdatePrefix } from './page-furniture';

/** Where one story sits on the page. Lines [start, bodyStart) are its header; its body runs to the next story's start. */
export interface StoryHeader {
  headline: string;
  start: number;
  bodyStart: number;
  label?: ParsedUpdatedLabel;
  /** Header lines that are neither headline nor furniture: photo captions. */
  extraLines: string[];
}

/** How far from the furniture the headline is looked for, and counted. */
const HEADLINE_LOOKBACK = 8;
const HEADLINE_LOOKAHEAD = 8;
/** Repeats of the headline at most this many lines apart belong to the same header. */
const MAX_REPEAT_GAP = 4;

/**
 * Finds the stories of a scraped page. Each story shows its headline several times around a cluster of
 * furniture ("Short Url", "Updated …", "Follow"): the headline is the nearest line above the cluster that
 * repeats within the header (as is or as "Update <headline>"), or, failing that and if the cluster has an
 * "Updated" label, the nearest line above it. The story starts at the first repeat of its headline;
 * the header ends after the last repeat following the cluster.
 */
export function findStoryHeaders(lines: NormalisedLines, capturedAt: Date, timeZone: string): StoryHeader[] {
  const clusters = findAnchorClusters(lines, capturedAt, timeZone);
  const headers: StoryHeader[] = [];
  let lower = 0;
  clusters.forEach((cluster, k) => {
    const upper = k + 1 < clusters.length ? clusters[k + 1].first : lines.length;
    const header = headerAround(lines, cluster, Math.max(lower, headers.at(-1)?.bodyStart ?? 0), upper, capturedAt, timeZone);
    if (header) headers.push(header);
    lower = cluster.last + 1;
  });
  return headers;
}

function headerAround(lines: NormalisedLines, cluster: AnchorCluster, lower: number, upper: number, capturedAt: Date, timeZone: string): StoryHeader | null {
  const found = findHeadline(lines, cluster, lower, upper);
  if (!found) return null;
  const { headline, index } = found;

  let start = index;
  for (let i = index - 1; i >= lower && start - i <= MAX_REPEAT_GAP; i--) {
    if (repeatsHeadline(lines.at(i), headline)) start = i;
  }

  const isHeaderLine = (text: string) =>
    text === '' || repeatsHeadline(text, headline) || isFurniture(text) || readUpdatedLine(text, capturedAt, timeZone) !== null;
  let bodyStart = cluster.last + 1;
  while (bodyStart < upper && isHeaderLine(lines.at(bodyStart))) bodyStart++;
  // The walk stops at the first line that is not this story's header: the body, or the next story's headline.

  const extraLines: string[] = [];
  for (let i = start; i < bodyStart; i++) {
    const text = lines.at(i);
    if (!isHeaderLine(text)) extraLines.push(text);
  }
  return {
    headline,
    start,
    bodyStart,
    ...(cluster.label ? { label: cluster.label } : {}),
    extraLines,
  };
}

function findHeadline(lines: NormalisedLines, cluster: AnchorCluster, lower: number, upper: number): { headline: string; index: number } | null {
  const from = Math.max(lower, cluster.first - HEADLINE_LOOKBACK);
  const to = Math.min(upper, cluster.last + 1 + HEADLINE_LOOKAHEAD);
  const repeats = (headline: string) => {
    let count = 0;
    for (let i = from; i < to; i++) if (repeatsHeadline(lines.at(i), headline)) count++;
    return count;
  };

  let nearest: { headline: string; index: number } | null = null;
  for (let i = cluster.first - 1; i >= from; i--) {
    const text = lines.at(i);
    if (text === '' || isFurniture(text)) continue;
    const stripped = withoutUpdatePrefix(text);
    for (const headline of stripped ? [stripped, text] : [text]) {
      if (repeats(headline) >= 2) return { headline, index: i };
    }
    nearest ??= { headline: stripped ?? text, index: i };
  }
  return cluster.label ? nearest : null;
}
