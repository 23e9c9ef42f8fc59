import { PushOutcome } from './post-wire';

export interface PushSummary {
  total: number;
  accepted: number;
  /** Items ingest had already (same Idempotency-Key): answered as replayed, submitted once. */
  duplicates: number;
  failed: number;
  /** Failed items by error code. */
  failures: Record<string, number>;
  /** Each failed item with its code and message. */
  errors: { file: string; status?: number; code: string; message: string }[];
  /** Every item in the order given: its result and the submission it made (a duplicate names the first one). */
  items: { file: string; result: PushOutcome['result']; submissionId?: string; code?: string }[];
  seconds: number;
}

export function summarise(outcomes: readonly PushOutcome[], elapsedMs: number): PushSummary {
  const summary: PushSummary = {
    total: outcomes.length,
    accepted: 0,
    duplicates: 0,
    failed: 0,
    failures: {},
    errors: [],
    items: [],
    seconds: Math.round(elapsedMs / 100) / 10,
  };
  for (const o of outcomes) {
    summary.items.push({ file: o.name, result: o.result, submissionId: o.submissionId, code: o.code });
    if (o.result === 'accepted') summary.accepted++;
    else if (o.result === 'duplicate') summary.duplicates++;
    else {
      const code = o.code ?? 'UNKNOWN';
      summary.failed++;
      summary.failures[code] = (summary.failures[code] ?? 0) + 1;
      summary.errors.push({ file: o.name, status: o.status, code, message: o.message ?? '' });
    }
  }
  return summary;
}

/** The summary as a person reads it. */
export function formatSummary(s: PushSummary): string {
  const lines = [
    `pushed ${s.total} item${s.total === 1 ? '' : 's'} in ${s.seconds} s: ${s.accepted} accepted, ${s.duplicates} duplicates (replayed), ${s.failed} failed`,
  ];
  for (const [code, n] of Object.entries(s.failures).sort((a, b) => b[1] - a[1])) lines.push(`  ${code}: ${n}`);
  for (const e of s.errors) lines.push(`  failed ${e.file}: ${e.code}${e.status ? ` (HTTP ${e.status})` : ''} ${e.message}`.trimEnd());
  return lines.join('\n') + '\n';
}
