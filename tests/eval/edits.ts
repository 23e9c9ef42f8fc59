import { CorpusStory } from './corpus';

/** One version of a story as the eval writes it. */
export interface Draft {
  headline: string;
  paragraphs: string[];
  signals: ('update' | 'correction' | 'kill')[];
  pubStatus: 'usable' | 'canceled';
  edit: string;
}

export type Random = () => number;

export const pick = <T>(rnd: Random, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

export const KILL_NOTICE = 'This story has been withdrawn. Please delete all earlier versions. No replacement will be issued.';

export function original(s: CorpusStory): Draft {
  return { headline: s.headline, paragraphs: [...s.paragraphs], signals: [], pubStatus: 'usable', edit: 'original' };
}

/** Swaps two letters of one longer word: a typo (or, read the other way, its fix). */
export function typo(rnd: Random, d: Draft): Draft {
  const i = Math.floor(rnd() * d.paragraphs.length);
  const words = d.paragraphs[i].split(' ');
  const candidates = words.map((w, j) => (/^[a-z]{6,}$/.test(w) ? j : -1)).filter((j) => j >= 0);
  if (candidates.length === 0) return { ...d, edit: 'typo' };
  const j = pick(rnd, candidates);
  const w = words[j];
  const k = 1 + Math.floor(rnd() * (w.length - 3));
  words[j] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
  const paragraphs = [...d.paragraphs];
  paragraphs[i] = words.join(' ');
  return { ...d, paragraphs, signals: [], edit: 'typo' };
}

export function appendParagraph(d: Draft, paragraph: string): Draft {
  return { ...d, paragraphs: [...d.paragraphs, paragraph], signals: ['update'], edit: 'append' };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const withoutDateline = (p: string) => p.replace(/^[A-Z][A-Za-z .,'-]{1,40}?(\([^)]*\))?\s*(:|-|\u2013|\u2014)\s+/, '');

/** A new headline taken from the lede, as a desk rewrites one; sometimes with an agency marker. */
export function rewriteHeadline(rnd: Random, d: Draft): Draft {
  const lede = withoutDateline(d.paragraphs[0])
    .replace(/^(In a new development|Earlier|Meanwhile|In a statement), /, '')
    .replace(/[.,;:].*$/, '');
  const words = lede.split(' ').slice(0, 7 + Math.floor(rnd() * 5));
  const marker = rnd() < 0.3 ? `UPDATE ${1 + Math.floor(rnd() * 3)}-` : '';
  return { ...d, headline: marker + capitalise(words.join(' ')), signals: ['update'], edit: 'headline' };
}

/** Rewrites one sentence: its clauses in another order, a verb swapped, a time reference added. */
export function rewriteSentence(rnd: Random, p: string): string {
  const body = withoutDateline(p);
  const dateline = p.slice(0, p.length - body.length);
  const clauses = body.replace(/\.$/, '').split(/,\s+/);
  const rotated = clauses.length > 1 ? [...clauses.slice(1), clauses[0]] : clauses;
  let text = rotated
    .join(', ')
    .replace(/\bsaid\b/, 'told reporters')
    .replace(/\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/, 'late on $1');
  if (rnd() < 0.5) text = `${pick(rnd, ['In a new development', 'Earlier', 'Meanwhile', 'In a statement'])}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  return `${dateline}${capitalise(text)}.`;
}

/** A write-through: a rewritten lede, a new paragraph, the rest kept. */
export function writeThrough(rnd: Random, d: Draft, paragraph: string): Draft {
  const paragraphs = [rewriteSentence(rnd, d.paragraphs[0]), paragraph, ...d.paragraphs.slice(1)];
  return { ...rewriteHeadline(rnd, { ...d, paragraphs }), edit: 'write-through' };
}

/** A lead-all rewrite: two new top paragraphs, the old lede and second paragraph rewritten, the tail dropped. */
export function leadAll(rnd: Random, d: Draft, fresh: [string, string]): Draft {
  const rest = d.paragraphs.slice(2, Math.max(3, d.paragraphs.length - 2));
  const paragraphs = [...fresh, rewriteSentence(rnd, d.paragraphs[0]), ...(d.paragraphs[1] ? [rewriteSentence(rnd, d.paragraphs[1])] : []), ...rest];
  return { ...d, paragraphs, signals: ['update'], edit: 'lead-all' };
}

/** A correction: a number changed (else a word), marked as a correction. */
export function correction(rnd: Random, d: Draft): Draft {
  const paragraphs = [...d.paragraphs];
  const withNumber = paragraphs.map((p, i) => (/\d/.test(p) ? i : -1)).filter((i) => i >= 0);
  if (withNumber.length > 0) {
    const i = pick(rnd, withNumber);
    paragraphs[i] = paragraphs[i].replace(/\d+/, (n) => String(Number(n) + 1 + Math.floor(rnd() * 9)));
  } else {
    paragraphs[0] = paragraphs[0].replace(/\b(the|a|an)\b/, 'one');
  }
  const headline = rnd() < 0.5 ? `CORRECTED-${d.headline}` : d.headline;
  return { ...d, headline, paragraphs, signals: ['correction'], edit: 'correction' };
}

export function kill(d: Draft): Draft {
  return {
    headline: `KILLED - ${d.headline.replace(/^(UPDATE \d-|CORRECTED-)/, '')}`,
    paragraphs: [KILL_NOTICE],
    signals: ['kill'],
    pubStatus: 'canceled',
    edit: 'kill',
  };
}

export function flash(d: Draft): Draft {
  return { ...d, paragraphs: [], signals: [], edit: 'flash' };
}
