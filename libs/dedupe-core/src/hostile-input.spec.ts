import { CanonicalItem } from '@copydesk/contracts';
import { growthExponent, LINEAR_EXPONENT } from '@copydesk/testing';
import { CandidateStory, decide } from './decide';
import { fingerprint, indexKeys, indexScope } from './fingerprint';
import { headlineCore, headlineKey, matchText, splitDateline } from './match-text';
import { compareText } from './text-match';
import { testItem, WILDFIRE } from '../testing/test-items';
import { positionOf } from './version-order';

/**
 * Hostile input costs linear time: for each function, the time from 50 KB to 1 MB, measured in
 * this run, grows as size^e with e near 1, well under the 2 that quadratic work would give.
 */
const SMALL = 50_000;
const LARGE = 1_000_000;

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
      expect(growthExponent(small, large, LARGE / SMALL, normalise)).toBeLessThan(LINEAR_EXPONENT);
    });

    it('fingerprint and indexKeys cost linear time as headline, paragraph, dateline and summary', () => {
      const build = (t: string) => item({ headline: t, body: [{ kind: 'paragraph', text: t }], dateline: t, summary: [t] });
      const keys = (i: CanonicalItem) => indexKeys(fingerprint(i), indexScope('source', 'en'));
      expect(growthExponent(build(small), build(large), LARGE / SMALL, keys)).toBeLessThan(LINEAR_EXPONENT);
    });
  });

  it('fingerprint costs linear time on many tiny paragraphs', () => {
    const build = (size: number) => item({ body: Array.from({ length: size / 10 }, (_, i) => ({ kind: 'paragraph' as const, text: `Para ${i}.` })) });
    expect(growthExponent(build(SMALL), build(LARGE), LARGE / SMALL, fingerprint)).toBeLessThan(LINEAR_EXPONENT);
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
    expect(growthExponent(input, build(LARGE), LARGE / SMALL, (i) => decide(i.item, fp, i.candidates))).toBeLessThan(LINEAR_EXPONENT);
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
    expect(growthExponent(input, build(LARGE), LARGE / SMALL, (i) => decide(item({}), i.big, i.candidates))).toBeLessThan(LINEAR_EXPONENT);
  });
});
