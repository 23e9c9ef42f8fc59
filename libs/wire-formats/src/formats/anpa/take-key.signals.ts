import type { Signal } from '@copydesk/contracts';

const CORRECTION = /\bCORRECT(?:ED|ION|IVE|S)?\b|\bKORREKTUR\b|\bBERICHTIGUNG\b|\bCORRIGE\b/;
const KILL = /\bKILL\b|\bWITHDRAW(?:N|AL)?\b|\bELIMINATION\b|\bDELETE\b|\bSPERRFRIST AUFGEHOBEN\b|\bZURÜCKGEZOGEN\b/;
const UPDATE =
  /\b(?:\d+(?:ST|ND|RD|TH))?\s?LD\b|\bLEAD\b|\bWRITE-?THRU\b|\bUPDATE[SD]?\b|\bREFILE\b|\bADD\b|\bINSERT\b|\bSUB\b|\bNEUFASSUNG\b|\bZUSAMMENFASSUNG\b/;

/**
 * Signals from a take key or edition marker as agencies print them: "1st Ld-Writethru", "REFILE 1ST LEAD" and
 * "UPDATE 2" revise a story; "CORRECTED", "Correction" correct it; "KILL", "WITHDRAWN" remove it.
 */
export function takeKeySignals(takeKey: string | undefined): Signal[] {
  if (!takeKey) return [];
  const text = takeKey
    .slice(0, 200)
    .toUpperCase()
    .replace(/[_-]/g, (dash) => (dash === '-' ? '-' : ' '));
  const signals: Signal[] = [];
  if (UPDATE.test(text)) signals.push('update');
  if (CORRECTION.test(text)) signals.push('correction');
  if (KILL.test(text)) signals.push('kill');
  return signals;
}

// Reuters-style prefixes on headlines and slugs: "CORRECTED-", "REFILE-", "UPDATE 2-".
const HEADLINE_PREFIX = /^((?:CORRECTED|REFILE|UPDATE(?: \d{1,2})?|RPT|REPEAT|WRAPUP(?: \d{1,2})?|KILL)-)/;

/** An edition prefix at the start of a headline, without its dash: "CORRECTED-Gold rises" → "CORRECTED". */
export function headlinePrefix(headline: string): string | undefined {
  return HEADLINE_PREFIX.exec(headline.slice(0, 20))?.[1].slice(0, -1);
}
