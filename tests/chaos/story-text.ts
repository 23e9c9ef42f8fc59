import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED } from '../support/env';

/** Real wire sentences: the paragraphs of the sample page in the shared corpus, read in place. */
const SENTENCES = readFileSync(path.join(SHARED, 'corpus/seed/000_3dd1195f19a70900.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.length > 80 && !/^(Update|Updated)\b/.test(l));

const CITIES = ['LONDON', 'PARIS', 'SEOUL', 'WASHINGTON', 'BERLIN', 'TOKYO', 'NAIROBI', 'LIMA', 'OSLO', 'CAIRO', 'DELHI', 'SYDNEY'];

/** A small seeded generator (mulberry32), so item n is the same text in every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(words: string[], next: () => number): string[] {
  const out = [...words];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Plain-text copy of one story, different from every other index: a headline, a datelined
 * lede and three paragraphs, each a real sentence with its words shuffled and the item's
 * number in it, so dedupe rightly finds nothing to match.
 */
export function storyText(index: number): string {
  const next = random(index + 1);
  const sentence = () => shuffled(SENTENCES[Math.floor(next() * SENTENCES.length)].split(/\s+/), next).join(' ');
  const headline = `${shuffled(sentence().split(' ').slice(0, 9), next).join(' ')} ${index}`;
  const city = CITIES[index % CITIES.length];
  const paragraphs = [
    `${city} (Reuters) - ${sentence()} (${index})`,
    `${sentence()} ${index + 1}.`,
    `${sentence()} ${index + 2}.`,
    `${sentence()} ${index + 3}.`,
  ];
  return `${headline}\n\n${paragraphs.join('\n\n')}\n`;
}
