import { CanonicalItem } from '@copydesk/contracts';
import { CandidateStory, decide } from './decide';

function item(over: Partial<CanonicalItem> = {}): CanonicalItem {
  return {
    format: 'text-page',
    wire: {},
    headline: 'Trump says US will sign Ukraine minerals deal soon',
    summary: [],
    body: [{ kind: 'paragraph', text: 'WASHINGTON: text' }],
    media: [],
    subjects: [],
    pubStatus: 'usable',
    signals: [],
    contentHash: 'h2',
    ...over,
  };
}

const story: CandidateStory = {
  storyId: 's1',
  wireGuid: null,
  headlineKey: 'trump says us will sign ukraine minerals deal soon',
  currentVersion: 1,
  contentHashes: ['h1'],
  currentTime: '2025-03-21T09:59:56.000Z',
  withdrawn: false,
};

describe('decide', () => {
  it('makes a new story when nothing matches', () => {
    expect(decide(item(), 'other headline', [story])).toMatchObject({ outcome: 'new-story', kind: 'created' });
  });

  it('calls the same content under the same headline a duplicate', () => {
    expect(decide(item({ contentHash: 'h1' }), story.headlineKey, [story])).toMatchObject({ outcome: 'duplicate', storyId: 's1', match: { basis: 'headline' } });
  });

  it('makes changed content under the same headline a new current version', () => {
    expect(decide(item({ sourceUpdated: { at: '2025-03-21T10:10:00.000Z', precision: 'second' } }), story.headlineKey, [story])).toMatchObject({
      outcome: 'new-version',
      storyId: 's1',
      kind: 'updated',
      current: true,
    });
  });

  it('keeps an older copy out of current', () => {
    expect(decide(item({ sourceUpdated: { at: '2025-03-21T09:00:00.000Z', precision: 'second' } }), story.headlineKey, [story])).toMatchObject({
      outcome: 'new-version',
      current: false,
    });
  });

  it('matches by wire id before headline and marks kills and corrections', () => {
    const byGuid = { ...story, storyId: 's2', wireGuid: 'urn:x', headlineKey: 'different' };
    expect(decide(item({ wire: { guid: 'urn:x' }, pubStatus: 'canceled' }), story.headlineKey, [story, byGuid])).toMatchObject({
      outcome: 'new-version',
      storyId: 's2',
      kind: 'withdrawn',
      match: { basis: 'wire-guid' },
    });
    expect(decide(item({ wire: { guid: 'urn:x' }, signals: ['correction'] }), 'x', [byGuid])).toMatchObject({ kind: 'corrected' });
  });

  it('does not join an item with a new wire id to another id-bearing story by headline', () => {
    const withGuid = { ...story, wireGuid: 'urn:a' };
    expect(decide(item({ wire: { guid: 'urn:b' } }), story.headlineKey, [withGuid])).toMatchObject({ outcome: 'new-story' });
  });
});
