import { random, storyText } from '../../chaos/story-text';

/** What an item of the load is: a story never seen, a reworded version of an earlier one, or an exact repeat. */
export type ItemKind = 'new' | 'update' | 'repeat';

export interface BenchItem {
  kind: ItemKind;
  body: string;
  /** Which of the run's sources sends it: an update or a repeat comes from the source of its original. */
  source: number;
  /** An update's or a repeat's original: its place in the list, sent (and accepted) before it. */
  of?: number;
}

/**
 * storyText numbers a story's text by its index; a seed moves every run's indices to a range
 * of their own, far apart, so runs with other seeds bring other copy.
 */
const SEED_STRIDE = 10_000_000;

/**
 * A one-story plain-text page of about 2 KB: the headline and paragraphs of one storyText
 * (real wire sentences, words shuffled, numbered) and the paragraphs of one and a half more,
 * so every page is as different from the others as storyText makes them.
 */
export function benchPage(seed: number, n: number): string {
  const base = seed * SEED_STRIDE + 3 * n;
  const paragraphs = (i: number) => storyText(i).trimEnd().split('\n\n').slice(1);
  return `${storyText(base).trimEnd()}\n\n${[...paragraphs(base + 1), ...paragraphs(base + 2).slice(0, 2)].join('\n\n')}\n`;
}

/** The same story with one more paragraph at the end: what an agency sends as an update. */
function updated(page: string, seed: number, n: number): string {
  const [, extra] = storyText(seed * SEED_STRIDE + SEED_STRIDE / 2 + n).split('\n\n');
  return `${page.trimEnd()}\n\n${extra}\n`;
}

/**
 * `count` items from page number `first` on. Without `mix` every item is a new story. With it,
 * about one in ten is an update of an earlier new item of the same run and one in ten an exact
 * repeat of one (same bytes, another submission), chosen by the seed.
 */
export function benchItems(seed: number, first: number, count: number, options: { mix: boolean; sources: number }): BenchItem[] {
  const next = random(seed ^ first);
  const items: BenchItem[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < count; i++) {
    const roll = options.mix && fresh.length > 0 ? next() : 1;
    const of = fresh[Math.floor(next() * fresh.length)];
    const earlier = items[of];
    if (roll < 0.1) items.push({ kind: 'update', body: updated(earlier.body, seed, first + i), source: earlier.source, of });
    else if (roll < 0.2) items.push({ kind: 'repeat', body: earlier.body, source: earlier.source, of });
    else {
      fresh.push(i);
      items.push({ kind: 'new', body: benchPage(seed, first + i), source: i % options.sources });
    }
  }
  return items;
}
