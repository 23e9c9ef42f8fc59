import { CanonicalItem } from '@copydesk/contracts';
import { CandidateStory, decide, linkedGuids, MAX_LINKED_GUIDS } from './decide';
import { fingerprint } from './fingerprint';
import { FIREFIGHTING_PLANES, testItem, WILDFIRE } from '../testing/test-items';
import { positionOf } from './version-order';

const HEADLINE = 'Wildfire forces thousands to flee homes near Athens';

function storyOf(item: CanonicalItem, over: Partial<CandidateStory> = {}): CandidateStory {
  return {
    storyId: 's1',
    wireGuids: item.wire.guid ? [item.wire.guid] : [],
    currentVersion: 1,
    contentHashes: [item.contentHash],
    pubStatus: item.pubStatus,
    withdrawn: false,
    current: positionOf(item),
    fingerprints: [{ version: 1, fingerprint: fingerprint(item) }],
    ...over,
  };
}

const run = (item: CanonicalItem, candidates: CandidateStory[]) => decide(item, fingerprint(item), candidates);

describe('decide', () => {
  const first = testItem(HEADLINE, WILDFIRE, { sourceUpdated: { at: '2025-03-21T09:59:56.000Z', precision: 'second' } });

  it('makes a new story when nothing matches, and says why', () => {
    const d = run(testItem('Greece asks EU for firefighting planes as wildfire spreads', FIREFIGHTING_PLANES), [storyOf(first)]);
    expect(d).toMatchObject({ outcome: 'new-story', kind: 'created', match: { basis: 'none', candidates: 1 } });
    expect(d.match.reason).toMatch(/none matched/);
  });

  it('calls the same content a duplicate, with the evidence', () => {
    expect(run(first, [storyOf(first)])).toMatchObject({ outcome: 'duplicate', storyId: 's1', match: { basis: 'near-duplicate', rule: 'near-copy' } });
  });

  it('makes an appended paragraph a new current version; an older copy goes to history', () => {
    const later = testItem(HEADLINE, [...WILDFIRE, 'Officials said the cause of the fire was under investigation.'], {
      sourceUpdated: { at: '2025-03-21T10:09:00.000Z', precision: 'second' },
    });
    expect(run(later, [storyOf(first)])).toMatchObject({ outcome: 'new-version', storyId: 's1', kind: 'updated', current: true });
    const older = { ...later, sourceUpdated: { at: '2025-03-21T09:00:00.000Z', precision: 'second' as const } };
    expect(run(older, [storyOf(first)])).toMatchObject({ outcome: 'new-version', current: false });
  });

  it('makes a flash that gains its body an update', () => {
    const flash = testItem(HEADLINE, []);
    expect(run(first, [storyOf(flash)])).toMatchObject({ outcome: 'new-version', kind: 'updated', match: { basis: 'headline' } });
  });

  it('matches by wire id before text and marks kills and corrections', () => {
    const g2 = (version: string, over: Partial<CanonicalItem> = {}) =>
      testItem('Fed to halt QE', ['The Fed said it would halt its programme.'], { format: 'newsml-g2', wire: { guid: 'urn:x', version }, ...over });
    const v1 = g2('1');
    const byGuid = storyOf(v1, { storyId: 's2' });
    expect(run(g2('2', { pubStatus: 'canceled', contentHash: 'k' }), [storyOf(first), byGuid])).toMatchObject({
      outcome: 'new-version',
      storyId: 's2',
      kind: 'withdrawn',
      current: true,
      match: { basis: 'wire-guid' },
    });
    expect(run(g2('3', { signals: ['correction'], contentHash: 'c' }), [byGuid])).toMatchObject({ kind: 'corrected', current: true });
    expect(run(g2('1', { pubStatus: 'canceled' }), [byGuid])).toMatchObject({ outcome: 'new-version', kind: 'withdrawn' });
  });

  it('marks a correction by its headline marker when the wire sends no signal', () => {
    const corrected = testItem(`CORRECTED-${HEADLINE}`, [WILDFIRE[0], WILDFIRE[1].replace('400', '500'), ...WILDFIRE.slice(2)], {
      sourceUpdated: { at: '2025-03-21T10:30:00.000Z', precision: 'second' },
    });
    expect(run(corrected, [storyOf(first)])).toMatchObject({ outcome: 'new-version', kind: 'corrected', current: true });
  });

  it('keeps a late older wire version out of current, comparing versions as integers', () => {
    const v10 = testItem('Fed', ['x'], { format: 'newsml-g2', wire: { guid: 'urn:x', version: '10' }, contentHash: 'a' });
    const v9 = { ...v10, wire: { guid: 'urn:x', version: '9' }, contentHash: 'b' };
    expect(run(v9, [storyOf(v10)])).toMatchObject({ outcome: 'new-version', current: false });
  });

  it('joins a new wire id to the story its previousVersion link names, also through a placeholder', () => {
    const old = testItem('Fed', ['x'], { format: 'newsml-g2', wire: { guid: 'urn:old', version: '12' } });
    const rewrite = testItem('Fed; markets rally', ['y'], {
      format: 'newsml-g2',
      wire: { guid: 'urn:new', version: '1', links: [{ rel: 'irel:previousVersion', guid: 'urn:old' }] },
    });
    expect(run(rewrite, [storyOf(old)])).toMatchObject({ outcome: 'new-version', match: { basis: 'wire-link' } });
    expect(run(rewrite, [])).toMatchObject({ outcome: 'new-story', match: { reason: expect.stringContaining('urn:old') } });
    // The rewrite came first and holds urn:old as a placeholder: the original joins it, in history.
    const held = storyOf(rewrite, { wireGuids: ['urn:new', 'urn:old'] });
    expect(
      run({ ...old, versionCreated: '2018-10-23T13:05:00Z' }, [{ ...held, current: { ...held.current, time: '2018-10-23T16:00:00.000Z' } }]),
    ).toMatchObject({
      outcome: 'new-version',
      match: { basis: 'wire-guid' },
      current: false,
    });
  });

  it('does not text-match an item that carries a new wire id', () => {
    expect(run({ ...first, wire: { guid: 'urn:b' } }, [storyOf(first)])).toMatchObject({ outcome: 'new-story' });
  });

  it('remembers a kill that came first: the story starts withdrawn and the late original stays suppressed', () => {
    const kill = testItem('KILLED - Fed to halt QE', ['This story has been withdrawn.'], {
      format: 'newsml-g2',
      wire: { guid: 'urn:k', version: '14' },
      pubStatus: 'canceled',
    });
    expect(run(kill, [])).toMatchObject({ outcome: 'new-story', kind: 'withdrawn' });
    const original = testItem('Fed to halt QE', ['The Fed said.'], { format: 'newsml-g2', wire: { guid: 'urn:k', version: '11' } });
    expect(run(original, [storyOf(kill, { withdrawn: true })])).toMatchObject({ outcome: 'new-version', kind: 'updated', current: false });
  });
});

describe('linkedGuids', () => {
  it('follows each predecessor once, and no more than MAX_LINKED_GUIDS of them', () => {
    const links = [
      { rel: 'irel:previousVersion', guid: 'urn:a' },
      { rel: 'irel:seeAlso', guid: 'urn:b' },
      { rel: 'irel:previousVersion', guid: 'urn:a' },
      { rel: 'replaces', guid: 'urn:self' },
      ...Array.from({ length: 5_000 }, (_, i) => ({ rel: 'irel:previousVersion', guid: `urn:p${i}` })),
    ];
    const guids = linkedGuids(testItem('h', [], { wire: { guid: 'urn:self', links } }));
    expect(guids).toHaveLength(MAX_LINKED_GUIDS);
    expect(guids.slice(0, 3)).toEqual(['urn:a', 'urn:p0', 'urn:p1']);
  });
});
