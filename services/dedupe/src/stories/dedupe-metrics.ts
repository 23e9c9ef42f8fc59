import { MatchEvidence } from '@copydesk/contracts';
import { counter, MetricFamilies } from '@copydesk/observability';

const outcomes = counter(MetricFamilies.dedupeOutcomes);

/** The rule label when no text rule decided (a wire id, no candidate). */
export const NO_RULE = 'none';

/**
 * Counts committed decisions: `evidence[i]` is what matched for `decided[i]` (none for an item
 * decided before). Labels come from closed sets: the outcomes, the match bases and the text rules.
 */
export function countOutcomes(decided: readonly string[], evidence: readonly (MatchEvidence | undefined)[]): void {
  decided.forEach((outcome, i) => {
    const match = evidence[i];
    outcomes.inc({ outcome, basis: match?.basis ?? 'none', rule: match?.rule ?? NO_RULE });
  });
}
