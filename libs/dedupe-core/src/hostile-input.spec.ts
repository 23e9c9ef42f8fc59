import { CanonicalItem } from '@copydesk/contracts';
import { timeGrowth } from '../testing/time-growth';
import { CandidateStory, decide } from './decide';
import { fingerprint, indexKeys, indexScope } from './fingerprint';
import { headlineCore, headlineKey, matchText, splitDateline } from './match-text';
import { compareText } from './text-match';
import { testItem, WILDFIRE } from '../testing/test-items';
import { positionOf } from './version-order';

/**
 * Hostile input costs linear time: for each function, the time on 1 MB divided by the time on
 * 100 KB, measured in this run, stays well under the 100 that quadratic work would give.
 */
const SMALL = 100_000;
const LARGE = 1_000_000;
const LINEAR = 20;

/** `unit` repeated to `size` characters. */
const run = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Long runs of what the patterns look for, and text that looks like what they match. */
const TEXTS: Record<string, (size: number) => string> = {
  words: run('wildfire forces thousands to flee homes near Athens '),
  spaces: (size) => `A${' '.repeat(size - 2)}x`,
  colons: run(':'),
  dashes: run('-'),
  'dashes and spaces': run('- '),
  dots: run('.'),
  digits: run('7'),
  'numbers with separators': run('1.2,3:'),
  quotes: run('"\u2019\''),
  brackets: run('(<'),
  ampersands: run('&'),
  capitals: run('SEOUL '),
  'dateline look-alikes': run('SEOUL, March 20 (Reuters) '),
  'sentence ends': run('A. B! C? '),
  'agency markers': run('UPDATE 2- corrected - '),
};

const item = (over: Partial<CanonicalItem>): CanonicalItem => testItem('Wildfire forces thousands to flee homes near Athens', WILDFIRE, over);
const fp = fingerprint(item({}));

function candidate(i: number, guids: string[], fingerprints = [{ version: 1, fingerprint: fp }]): CandidateStory {
  return {
    storyId: `story-${i}`,
    wireGuids: guids,
    currentVersion: 1,
    contentHashes: ['other'],
    pubStatus: 'usable',
    withdrawn: false,
    current: positionOf(item({})),
    fingerprints,
  };
}

describe('hostile input to dedupe-core', () => {
  describe.each(Object.entries(TEXTS))('%s', (_name, text) => {
    const small = text(SMALL);
    const large = text(LARGE);

    it('matchText, headlineKey, headlineCore and splitDateline cost linear time', () => {
      const normalise = (t: string) => [matchText(t), headlineKey(t), headlineCore(t), splitDateline(t)];
      expect(timeGrowth(small, large, normalise)).toBeLessThan(LINEAR);
    });

    it('fingerprint and indexKeys cost linear time as headline, paragraph, dateline and summary', () => {
      const build = (t: string) => item({ headline: t, body: [{ kind: 'paragraph', text: t }], dateline: t, summary: [t] });
      const keys = (i: CanonicalItem) => indexKeys(fingerprint(i), indexScope('source', 'en'));
      expect(timeGrowth(build(small), build(large), keys)).toBeLessThan(LINEAR);
    });
  });

  it('fingerprint costs linear time on many tiny paragraphs', () => {
    const build = (size: number) => item({ body: Array.from({ length: size / 10 }, (_, i) => ({ kind: 'paragraph' as const, text: `Para ${i}.` })) });
    expect(timeGrowth(build(SMALL), build(LARGE), fingerprint)).toBeLessThan(LINEAR);
  });

  it('decide costs linear time with many links against stories with many ids', () => {
    const build = (size: number) => {
      const links = Array.from({ length: size / 40 }, (_, i) => ({ rel: 'irel:previousVersion', guid: `urn:link:${i}:${'x'.repeat(20)}` }));
      const candidates = Array.from({ length: 20 }, (_, c) =>
        candidate(
          c,
          Array.from({ length: size / 400 }, (_, i) => `urn:story:${c}:${i}`),
        ),
      );
      return { item: item({ wire: { guid: 'urn:new', links } }), candidates };
    };
    const input = build(SMALL);
    expect(decide(input.item, fp, input.candidates)).toMatchObject({ outcome: 'new-story', match: { basis: 'none' } });
    expect(decide(input.item, fp, input.candidates).match.reason.length).toBeLessThan(500);
    expect(timeGrowth(input, build(LARGE), (i) => decide(i.item, fp, i.candidates))).toBeLessThan(LINEAR);
  });

  it('decide and compareText cost linear time on huge texts on both sides', () => {
    const build = (size: number) => {
      const text = TEXTS.words(size);
      const big = fingerprint(item({ headline: text, body: [{ kind: 'paragraph', text }] }));
      const other = fingerprint(item({ headline: text, body: [{ kind: 'paragraph', text: `${text} more` }] }));
      return { big, candidates: [candidate(1, [], [{ version: 1, fingerprint: other }])] };
    };
    const input = build(SMALL);
    expect(compareText(input.big, input.candidates[0].fingerprints[0].fingerprint).match).toBe(true);
    expect(timeGrowth(input, build(LARGE), (i) => decide(item({}), i.big, i.candidates))).toBeLessThan(LINEAR);
  });
});
