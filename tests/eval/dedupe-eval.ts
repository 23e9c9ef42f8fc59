import path from 'node:path';
import { TEXT_MATCH } from '@copydesk/dedupe-core';
import { loadCorpus } from './corpus';
import { distractors } from './distractors';
import { buildLabelledSet, UNIVERSES } from './labelled-set';
import { MemoryDedupe } from './memory-dedupe';
import { classMetrics, classOf, clusterMetrics } from './metrics';

/**
 * `npm run eval:dedupe`: builds the labelled set from ../shared/corpus with a fixed seed,
 * runs every item through the decision procedure in arrival order, and prints pairwise
 * precision and recall, B-cubed F1, the false-merge rate, recall per kind of edit, the
 * share of stories whose current version is right and kill propagation. With
 * `--distractors=N`, N distinct stories of every source are decided among the set's items
 * (see `distractors`); the figures are the set's, and none of its items may join one of them.
 */
const SEED = Number(process.env.EVAL_SEED ?? 20250321);
const shared = process.env.COPYDESK_SHARED ?? path.resolve(process.cwd(), '..', 'shared');
const verbose = process.argv.includes('--verbose');
const trace = process.argv.find((a) => a.startsWith('--trace='))?.slice('--trace='.length);
const perSource = Number(process.argv.find((a) => a.startsWith('--distractors='))?.slice('--distractors='.length) ?? 0);

const corpus = loadCorpus(shared);
const set = buildLabelledSet(corpus, SEED);
const dedupe = new MemoryDedupe();
const storyGold = new Map<string, string>();
const firstOfGold = new Map<string, string>();
const assignments: { gold: string; predicted: string; joined: boolean; joinedGold?: string; edit: string; outcome: string; cls: string }[] = [];
const crowd = perSource > 0 ? distractors(set, perSource, SEED) : [];
const distractorStories = new Set<string>();
let next = 0;
const started = process.hrtime.bigint();
for (const x of set) {
  // The distractors that arrived before this item are decided first.
  for (; next < crowd.length && crowd[next].arrival < x.arrival; next++)
    distractorStories.add(dedupe.process(crowd[next].message, crowd[next].arrival).storyId);
  const { decision, storyId } = dedupe.process(x.message, x.arrival);
  if (decision.outcome === 'new-story') storyGold.set(storyId, x.gold);
  const joined = decision.outcome !== 'new-story';
  assignments.push({
    gold: x.gold,
    predicted: storyId,
    joined,
    joinedGold: joined ? storyGold.get(storyId) : undefined,
    edit: x.edit,
    outcome: decision.outcome,
    cls: classOf(x.gold, x.edit),
  });
  if (!firstOfGold.has(x.gold)) firstOfGold.set(x.gold, storyId);
  if (trace && x.gold.startsWith(trace))
    process.stdout.write(
      `TRACE ${x.gold} ${x.edit} ${new Date(x.arrival).toISOString()} -> ${storyId} ${decision.outcome}: ${x.message.item.headline.slice(0, 60)} | ${decision.match.reason}\n`,
    );
  if (verbose && ((joined && storyGold.get(storyId) !== x.gold) || (!joined && firstOfGold.get(x.gold) !== storyId))) {
    const kind = joined ? 'FALSE MERGE' : 'MISSED';
    process.stdout.write(`${kind} ${x.gold} (${x.edit}) -> ${storyGold.get(storyId)}: ${x.message.item.headline.slice(0, 70)} | ${decision.match.reason}\n`);
  }
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const intoDistractors = assignments.filter((a) => distractorStories.has(a.predicted)).length;
const m = clusterMetrics(assignments);

const byEdit = new Map<string, { n: number; right: number }>();
const seenGold = new Set<string>();
assignments.forEach((a) => {
  if (!seenGold.has(a.gold)) {
    seenGold.add(a.gold);
    return;
  }
  const e = byEdit.get(a.edit) ?? { n: 0, right: 0 };
  e.n++;
  if (a.predicted === firstOfGold.get(a.gold)) e.right++;
  byEdit.set(a.edit, e);
});

// The current version at the end: the item that should be current is the current one of its story.
let currentRight = 0;
let currentTotal = 0;
let kills = 0;
let killsPropagated = 0;
set.forEach((x) => {
  if (!x.finalCurrent) return;
  currentTotal++;
  const story = dedupe.stories.get(firstOfGold.get(x.gold)!)!;
  if (story.versions.find((v) => v.current)?.hash === x.message.item.contentHash) currentRight++;
  if (x.edit.startsWith('kill')) {
    kills++;
    if (story.withdrawn) killsPropagated++;
  }
});

const f = (x: number) => x.toFixed(4);
const CLASSES = ['story edits', 'developing figures', 'templated results', 'same-event sidebars', 'kills'];
const perClass = CLASSES.map((c) => ({ c, ...classMetrics(assignments, c) }));
const templated = (g: string | undefined) => g !== undefined && classOf(g, '') === 'templated results';
const templateFalseMerges = assignments.filter((a) => a.joined && templated(a.gold) && templated(a.joinedGold) && a.joinedGold !== a.gold).length;
const corpusFiles = new Set(corpus.map((s) => s.file)).size;
process.stdout.write(
  [
    `dedupe evaluation (seed ${SEED}): ${corpus.length} real stories from ${corpusFiles} corpus files -> ${m.items} items in ${UNIVERSES} newsrooms, ${m.goldStories} true stories (${set.filter((x) => x.gold.includes('-sidebar-')).length} same-event sidebars, ${new Set(set.filter((x) => classOf(x.gold, x.edit) === 'templated results').map((x) => x.gold)).size} templated stories, ${new Set(set.filter((x) => x.gold.includes('-developing-')).map((x) => x.gold)).size} developing stories)`,
    `predicted stories      ${m.predictedStories}`,
    `pairwise precision     ${f(m.pairwisePrecision)}   (target >= 0.995)`,
    `pairwise recall        ${f(m.pairwiseRecall)}   (target >= 0.98)`,
    `pairwise F1            ${f(m.pairwiseF1)}`,
    `B-cubed P / R / F1     ${f(m.bcubedPrecision)} / ${f(m.bcubedRecall)} / ${f(m.bcubedF1)}`,
    `false-merge rate       ${f(m.falseMergeRate)}   (items joined to another true story / items joined)`,
    `current version right  ${currentRight}/${currentTotal}`,
    `kills propagated       ${killsPropagated}/${kills}`,
    `by class (pairwise precision / recall over pairs holding an item of the class; target recall >= 0.95 each)`,
    ...perClass.map((k) => `  ${k.c.padEnd(21)} ${String(k.items).padStart(4)} items  ${f(k.precision)} / ${f(k.recall)}  (${k.goldPairs} true pairs)`),
    `false merges between templated results  ${templateFalseMerges}   (target 0)`,
    ...(perSource > 0 ? [`joined to a distractor      ${intoDistractors}   (target 0; ${crowd.length} distractor stories, ${perSource} a source)`] : []),
    `recall by edit         ${[...byEdit.entries()]
      .sort()
      .map(([k, v]) => `${k} ${v.right}/${v.n}`)
      .join(', ')}`,
    `outcomes               ${['new-story', 'new-version', 'duplicate'].map((o) => `${o} ${assignments.filter((a) => a.outcome === o).length}`).join(', ')}`,
    `thresholds             ${JSON.stringify(TEXT_MATCH)}`,
    `decision time          ${(ms / (m.items + crowd.length)).toFixed(3)} ms per item (in memory)`,
    '',
  ].join('\n'),
);
const ok =
  m.pairwisePrecision >= 0.995 && m.pairwiseRecall >= 0.98 && perClass.every((k) => k.recall >= 0.95) && templateFalseMerges === 0 && intoDistractors === 0;
process.stdout.write(ok ? 'targets met\n' : 'TARGETS NOT MET\n');
process.exitCode = ok ? 0 : 1;
