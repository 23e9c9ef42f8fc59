import { CanonicalItem } from '@copydesk/contracts';
import { fingerprint, positionOf } from '@copydesk/dedupe-core';
import { NewVersion } from './batch-rows';
import { advance, candidateOf, countDuplicate, createdStory } from './story-state';

const AT = new Date('2025-03-21T12:00:00Z');

function item(minute: number, extra: string[] = [], pubStatus: CanonicalItem['pubStatus'] = 'usable'): CanonicalItem {
  return {
    format: 'text-page',
    wire: {},
    headline: 'Wildfire forces thousands to flee homes near Athens',
    summary: [],
    body: ['A wildfire raced through pine forests north of Athens on Sunday, forcing thousands to flee.', ...extra].map((text) => ({
      kind: 'paragraph' as const,
      text,
    })),
    media: [],
    subjects: [],
    language: 'en',
    pubStatus,
    signals: [],
    sourceUpdated: { at: new Date(Date.parse('2025-03-21T09:00:00Z') + minute * 60_000).toISOString(), precision: 'second' },
    contentHash: `hash-${minute}-${extra.length}`,
  };
}

function version(storyId: string, n: number, it: CanonicalItem, current: boolean, at = AT): NewVersion {
  return {
    storyId,
    version: n,
    kind: n === 1 ? 'created' : it.pubStatus === 'canceled' ? 'withdrawn' : 'updated',
    contentHash: it.contentHash,
    itemId: `item-${n}`,
    wireVersion: null,
    itemTime: it.sourceUpdated?.at ?? null,
    current,
    decidedAt: at,
    item: it,
    position: positionOf(it),
    fingerprint: fingerprint(it),
  };
}

describe('a story as a batch moves it on', () => {
  it('keeps the current version first, then the newest, three of them', () => {
    const s = createdStory('s', 'src', version('s', 1, item(0), true), 'key', 'en');
    advance(s, version('s', 2, item(10, ['More.']), true), 'key');
    advance(s, version('s', 3, item(5, ['Late.']), false), 'key');
    advance(s, version('s', 4, item(3, ['Later still.']), false), 'key');
    expect(s.recent.map((r) => [r.version, r.current])).toEqual([
      [2, true],
      [4, false],
      [3, false],
    ]);
    expect(candidateOf(s)).toMatchObject({ currentVersion: 2, contentHashes: ['hash-0-0', 'hash-10-1', 'hash-5-1', 'hash-3-1'] });
    expect(s.latestVersion).toBe(4);
    expect(s.current.time).toBe(item(10).sourceUpdated?.at);
  });

  it('leaves the current position, status and headline alone for a version that does not become current', () => {
    const s = createdStory('s', 'src', version('s', 1, item(10), true), 'first key', 'en');
    advance(s, version('s', 2, item(0, ['Old.'], 'canceled'), false), 'second key');
    expect([s.currentVersion, s.pubStatus, s.withdrawn, s.headlineKey, s.currentMoved]).toEqual([1, 'usable', false, 'first key', false]);
    advance(s, version('s', 3, item(20, ['Killed.'], 'canceled'), true), 'third key');
    expect([s.currentVersion, s.pubStatus, s.withdrawn, s.headlineKey, s.currentMoved]).toEqual([3, 'canceled', true, 'third key', true]);
  });

  it('writes the keys of a duplicate again only once they are older than a day', () => {
    const s = createdStory('s', 'src', version('s', 1, item(0), true), 'key', 'en');
    expect(countDuplicate(s, new Date(AT.getTime() + 3600_000))).toBe(false);
    expect(countDuplicate(s, new Date(AT.getTime() + 25 * 3600_000))).toBe(true);
    expect(countDuplicate(s, new Date(AT.getTime() + 26 * 3600_000))).toBe(false);
    expect(s.duplicates).toBe(3);
    expect(s.lastSeenAt).toEqual(new Date(AT.getTime() + 26 * 3600_000));
    // A duplicate decided at an earlier time does not move the story back.
    countDuplicate(s, AT);
    expect(s.lastSeenAt).toEqual(new Date(AT.getTime() + 26 * 3600_000));
  });
});
