import type { PubStatus, Signal, Subject } from '@copydesk/contracts';
import { IPTC_SUBJECT_SCHEME, topLevelSubjectName, uniqueSubjects } from '../xml/iptc-subject-names';
import type { XmlElement } from '../xml/xml-node.types';
import { attr, child, children, textOf } from '../xml/xml-query';

/** Scheme and code of a QCode: "subj:15054000" → ["subj", "15054000"]. */
export function splitQcode(qcode: string | undefined): [scheme: string, code: string] | undefined {
  const colon = qcode?.indexOf(':') ?? -1;
  return qcode && colon > 0 ? [qcode.slice(0, colon), qcode.slice(colon + 1)] : undefined;
}

/** `stat:usable` / `stat:withheld` / `stat:canceled` (any scheme alias); no pubStatus means usable. */
export function g2PubStatus(qcode: string | undefined): PubStatus {
  const code = splitQcode(qcode)?.[1]?.toLowerCase() ?? qcode?.toLowerCase();
  if (code === 'withheld') return 'withheld';
  if (code === 'canceled' || code === 'cancelled') return 'canceled';
  return 'usable';
}

const SIGNALS: Readonly<Record<string, Signal>> = {
  'sig:update': 'update',
  'sig:correction': 'correction',
  'sig:kill': 'kill',
  // Reuters editorial status: U update, C correction, D deletion.
  'edstat:u': 'update',
  'edstat:c': 'correction',
  'edstat:d': 'kill',
};

/** Signals named by `<signal qcode>`; IPTC's `sig:` codes and Reuters' `edStat:` ones. */
export function g2Signals(signalElements: readonly XmlElement[]): Signal[] {
  return signalElements.map((element) => SIGNALS[attr(element, 'qcode')?.toLowerCase() ?? '']).filter((signal): signal is Signal => !!signal);
}

const IPTC_SCHEMES = new Set(['subj', 'medtop', 'iptc']);
/** Concept types that make a `<subject>` a place: IPTC's geoArea and POI, Reuters' cptType:5. */
export const PLACE_TYPES = /geoarea|cpttype:5|poi/i;

/**
 * Subjects from `<subject>`: IPTC Subject and Media Topic codes always, other vocabularies when the
 * copy names the concept (`<name>`) or types it as an abstract subject; places (geoArea) and untyped
 * bare provider codes (Reuters N2:, MCC:) are left out.
 */
export function g2Subjects(contentMeta: XmlElement | undefined): Subject[] {
  const subjects: Subject[] = [];
  for (const element of children(contentMeta, 'subject')) {
    if (PLACE_TYPES.test(attr(element, 'type') ?? '')) continue;
    const name = textOf(preferredName(element));
    const split = splitQcode(attr(element, 'qcode'));
    if (!split) {
      if (name) subjects.push({ name });
      continue;
    }
    const [scheme, code] = split;
    const iptc = IPTC_SCHEMES.has(scheme.toLowerCase());
    // STT marks relations to topics and events as abstract subjects with a `literal` label: those are not subjects.
    const bareAbstract = attr(element, 'type') === 'cpnat:abstract' && !attr(element, 'literal');
    if (!iptc && !name && !bareAbstract) continue;
    const label = name ?? (scheme === IPTC_SUBJECT_SCHEME ? topLevelSubjectName(code) : undefined);
    subjects.push({ code, scheme, ...(label ? { name: label } : {}) });
  }
  return uniqueSubjects(subjects);
}

/** The `<name>` to show: one without a role, else the display name, else the first. */
export function preferredName(element: XmlElement | undefined): XmlElement | undefined {
  const names = children(element, 'name');
  return names.find((name) => !attr(name, 'role')) ?? names.find((name) => attr(name, 'role') === 'nrol:display') ?? child(element, 'name');
}
