import { createHash } from 'node:crypto';
import { CanonicalItem, NormalisedItemMessage } from '@copydesk/contracts';
import { seededRandom } from '@copydesk/dedupe-core';
import { CorpusStory } from './corpus';
import { appendParagraph, correction, Draft, flash, kill, leadAll, original, pick, Random, rewriteHeadline, typo, writeThrough } from './edits';
import { ChainDraft, developingChain, KILL_FORMS, killChain, templateSibling } from './new-classes';
import { templated } from './templates';

/** One item of the labelled set: what dedupe receives, and the story it truly belongs to. */
export interface LabelledItem {
  message: NormalisedItemMessage;
  gold: string;
  edit: string;
  /** The version that should be current at the end of its story. */
  finalCurrent: boolean;
  arrival: number;
}

/** Independent newsrooms: each gets every story with its own random edits, under sources of its own. */
export const UNIVERSES = 4;
const sourceOf = (universe: number, i: number) => `00000000-0000-4000-8000-${String(universe * 2 + (i % 2)).padStart(12, '0')}`;
const START = Date.parse('2025-03-20T06:00:00Z');
const MINUTE = 60_000;

function contentHash(d: Draft): string {
  return createHash('sha256')
    .update(JSON.stringify([d.headline, d.paragraphs]))
    .digest('hex');
}

function toItem(d: Draft, story: CorpusStory | undefined, at: number): CanonicalItem {
  return {
    format: 'text-page',
    wire: {},
    headline: d.headline,
    summary: [],
    body: d.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
    media: [],
    subjects: [],
    language: story?.language ?? 'en',
    pubStatus: d.pubStatus,
    signals: d.signals,
    sourceUpdated: { at: new Date(at).toISOString(), precision: 'second' },
    contentHash: contentHash(d),
  };
}

/** A pool of paragraphs no story of the set uses otherwise, each handed out once. */
class ParagraphPool {
  private next = 0;
  constructor(private readonly paragraphs: string[]) {}
  /** The next paragraph; after a full round (another newsroom) the pool starts again. */
  all(): string[] {
    return [...this.paragraphs];
  }
  take(): string {
    return this.paragraphs[this.next++ % this.paragraphs.length];
  }
  reset(): void {
    this.next = 0;
  }
}

/** The chain of versions one real story goes through. */
function versions(rnd: Random, base: Draft, pool: ParagraphPool): Draft[] {
  const out: Draft[] = [];
  if (rnd() < 0.3) out.push(flash(base));
  out.push(base);
  let last = base;
  const steps = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < steps; i++) {
    const r = rnd();
    let next: Draft;
    if (r < 0.2) next = typo(rnd, last);
    else if (r < 0.38) next = appendParagraph(last, pool.take());
    else if (r < 0.5) next = rewriteHeadline(rnd, last);
    else if (r < 0.64) next = writeThrough(rnd, last, pool.take());
    else if (r < 0.74) next = leadAll(rnd, last, [pool.take(), pool.take()]);
    else if (r < 0.86) next = correction(rnd, last);
    else next = { ...last, edit: 'rescrape' };
    out.push(next);
    last = next;
  }
  if (rnd() < 0.12) out.push(kill(last));
  return out;
}

/** A sidebar on the same event: the same dateline, two of the story's background paragraphs, otherwise its own text. */
function sidebar(rnd: Random, s: CorpusStory, pool: ParagraphPool): Draft {
  const dateline = s.paragraphs[0].match(/^[A-Z][A-Za-z .,'-]{1,40}?(\([^)]*\))?\s*(:|-|\u2013|\u2014)\s+/)?.[0] ?? '';
  const name = s.headline.match(/\b[A-Z][a-z]{3,}\b/)?.[0];
  const lede = pool.take();
  const own = [pool.take(), pool.take()];
  const background = s.paragraphs.slice(-2);
  const headlineWords = lede
    .replace(/^[A-Z ]+:\s*/, '')
    .split(' ')
    .slice(0, 8)
    .join(' ');
  return {
    headline: `${name ? `${name}: ` : ''}${headlineWords}`,
    paragraphs: [`${dateline}${lede.replace(/^[A-Z ]+:\s*/, '')}`, ...own, ...(rnd() < 0.5 ? background : background.slice(0, 1))],
    signals: [],
    pubStatus: 'usable',
    edit: 'sidebar',
  };
}

/** A one-story submission as normalise hands it to dedupe, received and captured at `arrival`. */
export function oneItemMessage(submissionId: string, sourceId: string, arrival: number, item: CanonicalItem): NormalisedItemMessage {
  const at = new Date(arrival).toISOString();
  return { itemId: `${submissionId}:0`, submissionId, sourceId, itemIndex: 0, itemCount: 1, receivedAt: at, capturedAt: at, item };
}

/**
 * The labelled set, from the real text of the corpus with a fixed seed: two thirds of the
 * stories go through realistic edit chains; the rest give the paragraphs that appends,
 * write-throughs and sidebars add. Hard negatives: a sidebar beside about half of the stories,
 * and templated results, prices and earnings. Arrival is shuffled: a version is sometimes
 * delayed past its successor, and a kill sometimes arrives first.
 */
export function buildLabelledSet(corpus: CorpusStory[], seed: number): LabelledItem[] {
  const rnd = seededRandom(seed);
  const bases = corpus.filter((_, i) => i % 3 !== 2);
  const pool = new ParagraphPool(corpus.filter((_, i) => i % 3 === 2).flatMap((s) => s.paragraphs.filter((p) => p.split(' ').length >= 15)));
  const items: LabelledItem[] = [];
  let n = 0;
  const add = (gold: string, chain: Draft[], story: CorpusStory | undefined, sourceId: string) => {
    let t = START + Math.floor(rnd() * 36 * 60) * MINUTE;
    let previous = t;
    chain.forEach((d, i) => {
      previous = t;
      t += (2 + Math.floor(rnd() * 40)) * MINUTE;
      const late = i > 0 && rnd() < 0.12 ? (3 + Math.floor(rnd() * 60)) * MINUTE : 0;
      // A kill sometimes overtakes the version it kills and arrives before it.
      const killFirst = d.edit === 'kill' && rnd() < 0.3;
      const arrival = killFirst ? previous - MINUTE : t + late;
      const submissionId = `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
      items.push({
        message: oneItemMessage(submissionId, sourceId, arrival, toItem(d, story, t)),
        gold,
        edit: d.edit,
        finalCurrent: false,
        arrival,
      });
      n++;
    });
    // The newest version is the one that should be current (the kill, when there is one).
    const finals = items.filter((x) => x.gold === gold);
    const kills = finals.filter((x) => x.edit === 'kill');
    (kills[0] ?? finals[finals.length - 1]).finalCurrent = true;
  };
  const message = (n: number, sourceId: string, arrival: number, d: Draft, story: CorpusStory | undefined, t: number): NormalisedItemMessage => {
    return oneItemMessage(`00000000-0000-4000-9000-${String(n).padStart(12, '0')}`, sourceId, arrival, toItem(d, story, t));
  };
  /** A chain whose out-of-order versions say which version they overtake; its own random numbers. */
  const addChain = (r: Random, gold: string, chain: ChainDraft[], story: CorpusStory | undefined, sourceId: string) => {
    let t = START + Math.floor(r() * 36 * 60) * MINUTE;
    const times = chain.map((d) => (t += (d.after ?? 2 + Math.floor(r() * 40)) * MINUTE));
    const arrivals = times.map((at, i) => (chain[i].before === undefined ? at : times[chain[i].before!] - MINUTE));
    const added = chain.map((d, i) => {
      const x: LabelledItem = {
        message: message(n++, sourceId, arrivals[i], d, story, times[i]),
        gold,
        edit: d.edit,
        finalCurrent: false,
        arrival: arrivals[i],
      };
      items.push(x);
      return x;
    });
    (added.find((x) => x.edit.startsWith('kill')) ?? added[added.length - 1]).finalCurrent = true;
  };
  for (let u = 0; u < UNIVERSES; u++) {
    pool.reset();
    bases.forEach((s, i) => {
      add(`u${u}-story-${i}`, versions(rnd, original(s), pool), s, sourceOf(u, i));
      if (rnd() < 0.7) add(`u${u}-sidebar-${i}`, [sidebar(rnd, s, pool)], s, sourceOf(u, i));
    });
    for (let i = 0; i < 60; i++) {
      const d = templated(rnd);
      const chain = rnd() < 0.3 ? [d, pick(rnd, [typo(rnd, d), { ...d, edit: 'rescrape' }])] : [d];
      add(`u${u}-template-${i}`, chain, undefined, sourceOf(u, i));
    }
  }
  /** The new classes draw from their own random numbers, so that the classes above stay as they were. */
  const extra = seededRandom(seed + 1);
  for (let u = 0; u < UNIVERSES; u++) {
    const fresh = new ParagraphPool(pool.all());
    bases.forEach((s, i) => {
      if (extra() < 0.4)
        addChain(
          extra,
          `u${u}-developing-${i}`,
          developingChain(extra, s, () => fresh.take()),
          s,
          sourceOf(u + 10, i),
        );
      addChain(extra, `u${u}-kill-${i}`, killChain(extra, s, KILL_FORMS[(i + u) % KILL_FORMS.length]), s, sourceOf(u + 20, i));
    });
    // Results of one template from the real stories that have figures in headline and lede, all from one source.
    bases
      .filter((s) => /\d/.test(s.headline) && /\d/.test(s.paragraphs[0]))
      .forEach((s, i) => {
        for (let k = 0; k < 3; k++) {
          const d = templateSibling(extra, s);
          const chain: ChainDraft[] = extra() < 0.3 ? [d, { ...d, edit: 'rescrape' }] : [d];
          addChain(extra, `u${u}-tsib-${i}-${k}`, chain, s, sourceOf(u + 30, 0));
        }
      });
  }
  return items.sort((a, b) => a.arrival - b.arrival);
}
