import type { ParsedUpdatedLabel } from '@copydesk/updated-label';
import { NormalisedLines } from './normalised-lines';
import { isFurniture, readUpdatedLine } from './page-furniture';

/** Lines of story furniture ("Short Url", "Updated …", "Follow") close together: one per story. */
export interface AnchorCluster {
  first: number;
  last: number;
  label?: ParsedUpdatedLabel;
}

/** Furniture lines at most this far apart belong to the same story header. */
const MAX_ANCHOR_GAP = 3;

/** One linear pass; only short lines are ever looked at closely. */
export function findAnchorClusters(lines: NormalisedLines, capturedAt: Date, timeZone: string): AnchorCluster[] {
  const clusters: AnchorCluster[] = [];
  let current: AnchorCluster | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines.rawAt(i);
    const label = readUpdatedLine(raw, capturedAt, timeZone);
    if (!label && !isFurniture(raw)) continue;
    if (current && i - current.last <= MAX_ANCHOR_GAP && !(label && current.label)) {
      current.last = i;
      current.label ??= label ?? undefined;
    } else {
      current = label ? { first: i, last: i, label } : { first: i, last: i };
      clusters.push(current);
    }
  }
  return clusters;
}
