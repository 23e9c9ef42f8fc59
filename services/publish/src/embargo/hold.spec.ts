import { storyVersionFixture } from '../testing/story-version.fixture';
import { holdOf } from './hold';

const now = new Date('2025-03-21T10:00:00Z');
const at = (iso: string) => new Date(iso);
const free = { held: false, until: null };

describe('holdOf', () => {
  it('holds a version until its embargo while that is ahead, and not at all once it has passed or without one', () => {
    expect(holdOf(storyVersionFixture({ item: { embargo: '2025-03-21T12:00:00.000Z' } }), now, free)).toEqual(at('2025-03-21T12:00:00Z'));
    expect(holdOf(storyVersionFixture({ item: { embargo: '2025-03-21T09:00:00.000Z' } }), now, free)).toBeNull();
    expect(holdOf(storyVersionFixture(), now, free)).toBeNull();
  });

  it('holds a later version of a story behind its held versions, until the later of the two times', () => {
    const behind = { held: true, until: at('2025-03-21T12:00:00Z') };
    expect(holdOf(storyVersionFixture({ version: 2 }), now, behind)).toEqual(at('2025-03-21T12:00:00Z'));
    expect(holdOf(storyVersionFixture({ version: 2, item: { embargo: '2025-03-21T11:00:00.000Z' } }), now, behind)).toEqual(at('2025-03-21T12:00:00Z'));
    expect(holdOf(storyVersionFixture({ version: 2, item: { embargo: '2025-03-21T13:00:00.000Z' } }), now, behind)).toEqual(at('2025-03-21T13:00:00Z'));
    // Held versions already due but not yet released: still behind them, due at once.
    expect(holdOf(storyVersionFixture({ version: 2 }), now, { held: true, until: at('2025-03-21T09:59:00Z') })).toEqual(at('2025-03-21T09:59:00Z'));
  });
});
