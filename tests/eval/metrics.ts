/** Clustering quality of predicted stories against gold stories. */
export interface ClusterMetrics {
  items: number;
  goldStories: number;
  predictedStories: number;
  pairwisePrecision: number;
  pairwiseRecall: number;
  pairwiseF1: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
  /** Items joined to an existing story that belongs to another gold story, over all items joined to an existing story. */
  falseMergeRate: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function clusterMetrics(assignments: { gold: string; predicted: string; joined: boolean; joinedGold?: string }[]): ClusterMetrics {
  const cell = new Map<string, number>();
  const gold = new Map<string, number>();
  const pred = new Map<string, number>();
  for (const a of assignments) {
    const key = `${a.predicted}\u0000${a.gold}`;
    cell.set(key, (cell.get(key) ?? 0) + 1);
    gold.set(a.gold, (gold.get(a.gold) ?? 0) + 1);
    pred.set(a.predicted, (pred.get(a.predicted) ?? 0) + 1);
  }
  let tp = 0;
  for (const n of cell.values()) tp += pairs(n);
  let predPairs = 0;
  for (const n of pred.values()) predPairs += pairs(n);
  let goldPairs = 0;
  for (const n of gold.values()) goldPairs += pairs(n);
  let bp = 0;
  let br = 0;
  for (const a of assignments) {
    const both = cell.get(`${a.predicted}\u0000${a.gold}`)!;
    bp += both / pred.get(a.predicted)!;
    br += both / gold.get(a.gold)!;
  }
  const n = assignments.length;
  const joined = assignments.filter((a) => a.joined);
  const precision = predPairs === 0 ? 1 : tp / predPairs;
  const recall = goldPairs === 0 ? 1 : tp / goldPairs;
  return {
    items: n,
    goldStories: gold.size,
    predictedStories: pred.size,
    pairwisePrecision: precision,
    pairwiseRecall: recall,
    pairwiseF1: f1(precision, recall),
    bcubedPrecision: bp / n,
    bcubedRecall: br / n,
    bcubedF1: f1(bp / n, br / n),
    falseMergeRate: joined.length === 0 ? 0 : joined.filter((a) => a.joinedGold !== a.gold).length / joined.length,
  };
}

/** The class of an item of the labelled set: the kind of its story for hard negatives, else the kind of its edit. */
export function classOf(gold: string, edit: string): string {
  if (gold.includes('-template-') || gold.includes('-tsib-')) return 'templated results';
  if (gold.includes('-sidebar-')) return 'same-event sidebars';
  if (gold.includes('-kill-') || edit.startsWith('kill')) return 'kills';
  if (gold.includes('-developing-')) return 'developing figures';
  return 'story edits';
}

export interface ClassMetrics {
  items: number;
  precision: number;
  recall: number;
  /** Gold pairs with an item of the class: 0 means recall has nothing to find. */
  goldPairs: number;
}

/**
 * Pairwise precision and recall over the pairs that hold at least one item of the class: of
 * the pairs put in one story, the share that truly are; of the true pairs, the share found.
 * A group of n items of which k are of the class holds C(n,2) - C(n-k,2) such pairs.
 */
export function classMetrics(assignments: { gold: string; predicted: string; cls: string }[], cls: string): ClassMetrics {
  const count = (key: (a: { gold: string; predicted: string }) => string) => {
    const groups = new Map<string, { n: number; k: number }>();
    for (const a of assignments) {
      const g = groups.get(key(a)) ?? { n: 0, k: 0 };
      g.n++;
      if (a.cls === cls) g.k++;
      groups.set(key(a), g);
    }
    let total = 0;
    for (const g of groups.values()) total += pairs(g.n) - pairs(g.n - g.k);
    return total;
  };
  const tp = count((a) => `${a.predicted}\u0000${a.gold}`);
  const predPairs = count((a) => a.predicted);
  const goldPairs = count((a) => a.gold);
  return {
    items: assignments.filter((a) => a.cls === cls).length,
    precision: predPairs === 0 ? 1 : tp / predPairs,
    recall: goldPairs === 0 ? 1 : tp / goldPairs,
    goldPairs,
  };
}
