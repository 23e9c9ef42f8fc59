import type { Signal } from '@copydesk/contracts';

export interface EditorialMarkers {
  signals: Signal[];
  /** Take key or edition marker found in the copy: "REFILE", "1st Ld-Writethru". */
  takeKey?: string;
}

export interface EditorialText {
  headline?: string;
  slug?: string;
  /** Editorial notes: G2 `edNote`, NITF `ed-msg`. */
  notes?: readonly (string | undefined)[];
  /** First body paragraph, where Reuters puts "(Adds comments, detail)". */
  lead?: string;
}

// Anchored and bounded: each runs on a short head of the text only.
const HEADLINE_CORRECTION = /^(?:CORRECTED|CORRECTION|CORRECTS)\b/i;
const HEADLINE_REFILE = /^(?:REFILE|RPT|REPEAT)\b/i;
const HEADLINE_UPDATE = /^(?:UPDATE(?:\s+\d{1,2})?|WRAPUP(?:\s+\d{1,2})?|URGENT)\s*[-:\u2013]/i;
const WRITETHRU = /\b(?:\d{1,2}(?:st|nd|rd|th)\s+)?(?:Ld-)?Writethru\b/i;
const LEAD_UPDATE = /^\((?:Adds|Updates|Recasts|Rewrites|Changes|Expands|Refiles|Tops|Writes\s+through)\b/i;
const LEAD_CORRECTION = /^\((?:Corrects|Fixes)\b/i;
const NOTE_UPDATE = /^(?:Eds?:\s*)?(?:Adds|Updates|Recasts|Rewrites|Writethru|Write-thru|Tops|Subs|Refiles)\b/i;
const NOTE_CORRECTION = /\b(?:correct(?:s|ed|ion|ing)|corrige|korjattu|berichtigung|rettifica)\b/i;
const NOTE_KILL = /\b(?:KILL|ELIMINATE|withdrawn|withdraws?)\b/;
const HEAD = 200;

/** Update, correction and kill markers that agencies print in headlines, sluglines, notes and the lead. */
export function editorialMarkers(text: EditorialText): EditorialMarkers {
  const signals = new Set<Signal>();
  let takeKey: string | undefined;
  const headline = text.headline?.slice(0, HEAD) ?? '';
  if (HEADLINE_CORRECTION.test(headline)) signals.add('correction');
  if (HEADLINE_REFILE.test(headline)) {
    takeKey = /^\w+/.exec(headline)?.[0].toUpperCase();
    signals.add('update');
  }
  if (HEADLINE_UPDATE.test(headline)) signals.add('update');
  const writethru = WRITETHRU.exec(text.slug?.slice(0, HEAD) ?? '');
  if (writethru) {
    takeKey ??= writethru[0];
    signals.add('update');
  }
  const lead = text.lead?.slice(0, HEAD) ?? '';
  if (LEAD_UPDATE.test(lead)) signals.add('update');
  if (LEAD_CORRECTION.test(lead)) signals.add('correction');
  for (const note of text.notes ?? []) {
    const head = note?.slice(0, HEAD) ?? '';
    if (NOTE_UPDATE.test(head.trim())) signals.add('update');
    if (NOTE_CORRECTION.test(head)) signals.add('correction');
    if (NOTE_KILL.test(head)) signals.add('kill');
  }
  return { signals: [...signals], ...(takeKey ? { takeKey } : {}) };
}

/** Signals in a fixed order, each once. */
export function mergeSignals(...lists: readonly Signal[][]): Signal[] {
  const all = new Set(lists.flat());
  return (['update', 'correction', 'kill'] as const).filter((signal) => all.has(signal));
}
