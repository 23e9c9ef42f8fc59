import type { Subject } from '@copydesk/contracts';

/** Names of the 17 top-level IPTC Subject NewsCodes; finer codes are named only where the copy names them. */
const TOP_LEVEL: Readonly<Record<string, string>> = {
  '01': 'arts, culture and entertainment',
  '02': 'crime, law and justice',
  '03': 'disaster and accident',
  '04': 'economy, business and finance',
  '05': 'education',
  '06': 'environmental issue',
  '07': 'health',
  '08': 'human interest',
  '09': 'labour',
  '10': 'lifestyle and leisure',
  '11': 'politics',
  '12': 'religion and belief',
  '13': 'science and technology',
  '14': 'social issue',
  '15': 'sport',
  '16': 'unrest, conflicts and war',
  '17': 'weather',
};

export const IPTC_SUBJECT_SCHEME = 'subj';

/** The IPTC name of a top-level subject code ("15000000" → "sport"). */
export function topLevelSubjectName(code: string): string | undefined {
  return /^\d{2}000000$/.test(code) ? TOP_LEVEL[code.slice(0, 2)] : undefined;
}

/** Subjects without repeats (same scheme and code), first occurrence kept, a later name filling a missing one. */
export function uniqueSubjects(subjects: readonly Subject[]): Subject[] {
  const byKey = new Map<string, Subject>();
  for (const subject of subjects) {
    const key = `${subject.scheme ?? ''}\u0000${subject.code ?? subject.name ?? ''}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...subject });
    else if (!seen.name && subject.name) seen.name = subject.name;
  }
  return [...byKey.values()];
}
