import { findAnchorClusters } from './anchor-cluster.finder';
import { NormalisedLines } from './normalised-lines';

const capturedAt = new Date('2025-03-21T10:00:00Z');
const clusters = (text: string) => findAnchorClusters(new NormalisedLines(text.split('\n')), capturedAt, 'UTC');

describe('findAnchorClusters', () => {
  it('groups nearby furniture lines into one cluster per story, with its label', () => {
    const found = clusters('H\n\nUpdate H\ncaption\nShort Url\nUpdated 4 sec ago\nFollow\n\nH\nbody\n\n\nG\nG\nUpdated 1 hr ago\nFollow');
    expect(found).toEqual([
      { first: 4, last: 6, label: { at: new Date('2025-03-21T09:59:56Z'), precision: 'second' } },
      { first: 14, last: 15, label: { at: new Date('2025-03-21T09:00:00Z'), precision: 'minute' } },
    ]);
  });

  it('starts a new cluster at a second label even when close', () => {
    expect(clusters('Updated 4 sec ago\nUpdated 5 sec ago')).toHaveLength(2);
  });

  it('finds clusters without labels, and nothing in plain copy', () => {
    expect(clusters('H\nH\nFollow')).toEqual([{ first: 2, last: 2 }]);
    expect(clusters('Headline\n\nThe paper was updated yesterday.\nFollow-up talks are due.')).toEqual([]);
  });
});
