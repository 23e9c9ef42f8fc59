import { CorpusStory } from './corpus';
import { Draft, KILL_NOTICE, original, pick, Random, rewriteHeadline } from './edits';

/** A version of a chain that arrives out of order: before the version at index `before` of its chain. */
export interface ChainDraft extends Draft {
  before?: number;
  /** Minutes after the previous version (else 2 to 41). */
  after?: number;
}

const int = (rnd: Random, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const thousands = (n: number) => n.toLocaleString('en-US');

/** Figures a developing story carries in its headline and lede, and how each moves between versions. */
interface Figures {
  kind: 'toll' | 'count' | 'price' | 'score' | 'count-in-progress';
  a: number;
  b: number;
}

function firstFigures(rnd: Random): Figures {
  const kind = pick(rnd, ['toll', 'count', 'price', 'score', 'count-in-progress'] as const);
  if (kind === 'toll') return { kind, a: int(rnd, 3, 40), b: int(rnd, 200, 5000) };
  if (kind === 'count') return { kind, a: int(rnd, 1000, 90000), b: int(rnd, 3, 60) };
  if (kind === 'price') return { kind, a: int(rnd, 1000, 40000), b: int(rnd, 1, 90) };
  if (kind === 'score') return { kind, a: int(rnd, 0, 2), b: int(rnd, 0, 2) };
  return { kind, a: int(rnd, 5, 40), b: int(rnd, 30, 60) };
}

/** The next version's figures: tolls and counts rise, a price moves, a score goes on, a count in progress advances. */
function moved(rnd: Random, f: Figures): Figures {
  if (f.kind === 'toll') return { ...f, a: f.a + int(rnd, 1, 3 + Math.floor(f.a / 2)), b: f.b + int(rnd, 100, 3000) };
  if (f.kind === 'count') return { ...f, a: f.a + int(rnd, 500, 20000), b: f.b + int(rnd, 1, 10) };
  if (f.kind === 'price') return { ...f, a: Math.max(100, f.a + int(rnd, -800, 800)), b: int(rnd, 1, 90) };
  if (f.kind === 'score') return rnd() < 0.5 ? { ...f, a: f.a + 1 } : { ...f, b: f.b + 1 };
  return { ...f, a: Math.min(99, f.a + int(rnd, 5, 30)), b: f.b + int(rnd, 1, 5) };
}

const price = (cents: number) => `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

function figureHeadline(f: Figures): string {
  if (f.kind === 'toll') return `${f.a} dead, ${thousands(f.b)} evacuated`;
  if (f.kind === 'count') return `${thousands(f.a)} homes without power`;
  if (f.kind === 'price') return `shares at ${price(f.a)}`;
  if (f.kind === 'score') return `${f.a}-${f.b} at half-time`;
  return `${f.a}% of votes counted`;
}

function figureSentence(f: Figures): string {
  if (f.kind === 'toll') return `Officials said at least ${f.a} people had been killed and ${thousands(f.b)} evacuated.`;
  if (f.kind === 'count') return `Utilities said ${thousands(f.a)} homes were without power and ${f.b} roads were closed.`;
  if (f.kind === 'price') return `The shares traded at ${price(f.a)}, with ${f.b} million changing hands.`;
  if (f.kind === 'score') return `The score stood at ${f.a}-${f.b} when the teams went in at half-time.`;
  return `With ${f.a}% of votes counted, turnout stood at ${f.b}%.`;
}

const hasNumber = (s: string) => /\d/.test(s);

/** Every number of a text replaced as `map` says, drawing new ones with `draw` for numbers not yet in it. */
function renumber(text: string, map: Map<string, string>, draw: (n: string) => string): string {
  return text.replace(/\d+/g, (n) => {
    if (!map.has(n)) map.set(n, draw(n));
    return map.get(n)!;
  });
}

/**
 * A developing story from a real one: figures in headline and lede (its own, when it has them,
 * else a toll, a count, a price, a score or a count in progress added to them) that change from
 * version to version. The re-scrape of the page ten minutes later has new figures in headline and
 * lede and often a new paragraph; a third version moves the figures on again.
 */
export function developingChain(rnd: Random, s: CorpusStory, fresh: () => string): ChainDraft[] {
  const base = original(s);
  const out: ChainDraft[] = [];
  if (hasNumber(base.headline) && hasNumber(base.paragraphs[0])) {
    // Its own figures rise: one map for headline and lede, so they stay consistent.
    let d: Draft = base;
    out.push({ ...d, edit: 'original' });
    for (let v = 0; v < 1 + int(rnd, 0, 1); v++) {
      const map = new Map<string, string>();
      const up = (n: string) => String(Number(n) + int(rnd, 1, 9));
      const paragraphs = [renumber(d.paragraphs[0], map, up), ...d.paragraphs.slice(1)];
      const next: Draft = { ...d, headline: renumber(d.headline, map, up), paragraphs, signals: ['update'], edit: 'developing' };
      d = rnd() < 0.6 ? { ...next, paragraphs: [...next.paragraphs, fresh()] } : next;
      out.push({ ...d, after: v === 0 ? 10 : undefined });
    }
    return out;
  }
  let f = firstFigures(rnd);
  const at = (d: Draft, figures: Figures): Draft => ({
    ...d,
    headline: `${s.headline}: ${figureHeadline(figures)}`,
    paragraphs: [`${s.paragraphs[0]} ${figureSentence(figures)}`, ...d.paragraphs.slice(1)],
  });
  let d = at(base, f);
  out.push({ ...d, edit: 'original' });
  for (let v = 0; v < 1 + int(rnd, 0, 1); v++) {
    f = moved(rnd, f);
    d = { ...at(d, f), signals: ['update'], edit: 'developing' };
    if (rnd() < 0.7) d = { ...d, paragraphs: [...d.paragraphs, fresh()] };
    out.push({ ...d, after: v === 0 ? 10 : undefined });
  }
  return out;
}

const TEMPLATE_NAMES = [
  'Arsenal',
  'Chelsea',
  'Everton',
  'Fulham',
  'Brentford',
  'Burnley',
  'Contoso',
  'Fabrikam',
  'Litware',
  'Proseware',
  'Northwind',
  'Tailspin',
  'Wingtip',
  'Lucerne',
  'Margie',
  'Woodgrove',
];

/**
 * Another result of the same template, from a real story with figures in headline and lede:
 * its capitalised names in headline and lede (a team, a company, a market) replaced by others
 * throughout the text, and every number drawn afresh; the rest of the text kept as the template's.
 */
export function templateSibling(rnd: Random, s: CorpusStory): Draft {
  const head = `${s.headline}\n${s.paragraphs[0]}`;
  const found = [...new Set(head.match(/(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}'-]{2,}/gu) ?? [])];
  const names = new Map<string, string>();
  found.forEach((n) =>
    names.set(
      n,
      pick(
        rnd,
        TEMPLATE_NAMES.filter((x) => x !== n),
      ),
    ),
  );
  const numbers = new Map<string, string>();
  const draw = (n: string) => String(int(rnd, n.length === 1 ? 0 : 10 ** (n.length - 1), 10 ** n.length - 1));
  const swap = (text: string) =>
    renumber(
      text.replace(/(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}'-]{2,}/gu, (n) => names.get(n) ?? n),
      numbers,
      draw,
    );
  return { headline: swap(s.headline), paragraphs: s.paragraphs.map(swap), signals: [], pubStatus: 'usable', edit: 'template-sibling' };
}

export type KillForm = 'kill-status' | 'kill-signal' | 'kill-text' | 'kill-text-early' | 'kill-before-story';
export const KILL_FORMS: readonly KillForm[] = ['kill-status', 'kill-signal', 'kill-text', 'kill-text-early', 'kill-before-story'];

/**
 * A story and its kill in one of the forms feeds send: the status alone (canceled), the signal
 * alone, the text alone (a "KILL -" headline over a notice, no status, no signal), the text
 * alone overtaking a headline rewrite (the kill repeats the new headline, which has not
 * arrived yet), and a kill that arrives before anything of its story.
 */
export function killChain(rnd: Random, s: CorpusStory, form: KillForm): ChainDraft[] {
  const base = original(s);
  const notice = (d: Draft, edit: KillForm, over: Partial<ChainDraft>): ChainDraft => ({
    headline: d.headline,
    paragraphs: [KILL_NOTICE],
    signals: [],
    pubStatus: 'usable',
    edit,
    ...over,
  });
  if (form === 'kill-status') return [base, notice(base, form, { pubStatus: 'canceled' })];
  if (form === 'kill-signal') return [base, notice(base, form, { signals: ['kill'] })];
  if (form === 'kill-text') return [base, notice(base, form, { headline: `KILL - ${base.headline}` })];
  if (form === 'kill-before-story') return [base, notice(base, form, { pubStatus: 'canceled', signals: ['kill'], before: 0 })];
  const rewritten = rewriteHeadline(rnd, base);
  return [base, rewritten, notice(rewritten, form, { headline: `KILL - ${rewritten.headline.replace(/^UPDATE \d-/, '')}`, before: 1 })];
}
