import { randomUUID } from 'node:crypto';
import { NormalisedItemMessage } from '@copydesk/contracts';
import { parseWire } from '@copydesk/wire-formats';
import { benchPage } from '../bench/e2e/bench-pages';
import { LabelledItem, oneItemMessage } from './labelled-set';

export interface Distractor {
  message: NormalisedItemMessage;
  arrival: number;
}

/**
 * `perSource` distinct one-story pages for each source of the set (the bench's pages of real
 * wire sentences, in the source's language), spread evenly from an hour before its first item
 * to its last. They crowd the candidate index as a busy newsroom's window does: with a few
 * hundred stories a source every index key finds the right story among the candidates, and
 * the evaluation cannot tell how many keys a version needs.
 */
export function distractors(set: readonly LabelledItem[], perSource: number, seed: number): Distractor[] {
  const languages = new Map<string, string | undefined>();
  for (const x of set) languages.set(x.message.sourceId, x.message.item.language);
  const from = Math.min(...set.map((x) => x.arrival)) - 3600_000;
  const to = Math.max(...set.map((x) => x.arrival));
  const out: Distractor[] = [];
  let page = 0;
  for (const [sourceId, language] of languages) {
    for (let i = 0; i < perSource; i++) {
      const arrival = from + Math.floor(((to - from) * i) / perSource);
      const [item] = parseWire({ body: Buffer.from(benchPage(seed, page++)), contentType: 'text/plain; charset=utf-8', capturedAt: new Date(arrival) }).items;
      out.push({ arrival, message: oneItemMessage(randomUUID(), sourceId, arrival, { ...item, language }) });
    }
  }
  return out.sort((a, b) => a.arrival - b.arrival);
}
