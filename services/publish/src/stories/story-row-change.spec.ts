import { rowChanges } from './story-row-change';

const v = (storyId: string, version: number, current = true) => ({ storyId, version, current });

describe('rowChanges', () => {
  it('shows the last current version of each story and counts up to its highest version', () => {
    expect(rowChanges([v('a', 1), v('b', 1), v('a', 2), v('a', 3)])).toEqual([
      { shown: v('a', 3), count: 3 },
      { shown: v('b', 1), count: 1 },
    ]);
  });

  it('lets an older version that arrives late raise nothing but the count, and never become the one shown', () => {
    expect(rowChanges([v('a', 5), v('a', 4, false)])).toEqual([{ shown: v('a', 5), count: 5 }]);
    expect(rowChanges([v('a', 3), v('a', 2, false), v('a', 6)])).toEqual([{ shown: v('a', 6), count: 6 }]);
  });

  it('keeps the first version when none is current: it creates a missing row, and changes an existing one only in its count', () => {
    expect(rowChanges([v('a', 2, false), v('a', 1, false)])).toEqual([{ shown: v('a', 2, false), count: 2 }]);
  });
});
