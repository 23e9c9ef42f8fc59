import type { SkipClass } from './manifest-field-map';

export interface Tally {
  matched: number;
  comparable: number;
}

export interface Miss {
  file: string;
  parser: string;
  key: string;
  expected: string;
  actual: string;
  canonical: string;
}

/** The editorial metadata kinds the report counts on their own (manifest field roots). */
export const EDITORIAL_KINDS = ['slugline', 'ednote', 'keywords', 'place', 'genre', 'authors', 'usageterms', 'expiry', 'alt_text', 'renditions'] as const;
export type EditorialKind = (typeof EDITORIAL_KINDS)[number];

/** The editorial kind a manifest field belongs to: "place[n].qcode" → place, "associations.featuremedia.alt_text" → alt_text. */
export function editorialKind(field: string): EditorialKind | undefined {
  const root = field
    .replace(/^associations\.featuremedia\./, '')
    .replace(/^fixture_literal\./, '')
    .split(/[.[]/)[0];
  if (root === 'author') return 'authors';
  return (EDITORIAL_KINDS as readonly string[]).includes(root) ? (root as EditorialKind) : undefined;
}

export interface ConformanceReport {
  byFolder: Map<string, Tally>;
  /** Comparable expectations of the editorial metadata kinds, per kind. */
  byKind: Map<EditorialKind, Tally>;
  skipped: Map<SkipClass, number>;
  /** Per skip class, the manifest fields skipped and how often. */
  skippedFields: Map<SkipClass, Map<string, number>>;
  misses: Miss[];
  unmapped: string[];
}

export function share(tally: Tally): number {
  return tally.comparable === 0 ? 1 : tally.matched / tally.comparable;
}

export function totalTally(report: ConformanceReport): Tally {
  let matched = 0;
  let comparable = 0;
  for (const tally of report.byFolder.values()) {
    matched += tally.matched;
    comparable += tally.comparable;
  }
  return { matched, comparable };
}

/** The per-format table, the skipped classes and the misses, as printed by the conformance spec. */
export function formatReport(report: ConformanceReport): string {
  const lines = ['format        matched/comparable  share'];
  const row = (name: string, tally: Tally) =>
    `${name.padEnd(14)}${`${tally.matched}/${tally.comparable}`.padStart(18)}  ${(share(tally) * 100).toFixed(1).padStart(5)} %`;
  for (const [folder, tally] of [...report.byFolder.entries()].sort(([a], [b]) => a.localeCompare(b))) lines.push(row(folder, tally));
  lines.push(row('overall', totalTally(report)), '', 'editorial metadata  matched/comparable');
  for (const kind of EDITORIAL_KINDS) {
    const tally = report.byKind.get(kind);
    if (tally) lines.push(row(`  ${kind}`, tally));
  }
  lines.push('', 'skipped (not comparable):');
  for (const [skipClass, count] of report.skipped) {
    const fields = [...(report.skippedFields.get(skipClass) ?? new Map<string, number>()).entries()].map(([field, n]) => (n > 1 ? `${field}×${n}` : field));
    lines.push(`  ${skipClass.padEnd(24)}${String(count).padStart(4)}  ${fields.join(', ')}`);
  }
  lines.push('', `misses (${report.misses.length}):`);
  for (const miss of report.misses) {
    lines.push(`  ${miss.file} [${miss.parser}] ${miss.key} → ${miss.canonical}\n      expected ${miss.expected}\n      actual   ${miss.actual}`);
  }
  return lines.join('\n');
}
