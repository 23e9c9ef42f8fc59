import { fingerprint } from './fingerprint';
import { trigramSimilarity } from './similarity';
import { compareText } from './text-match';
import { FIREFIGHTING_PLANES, testItem, WILDFIRE } from '../testing/test-items';

const fp = (headline: string, paragraphs: string[]) => fingerprint(testItem(headline, paragraphs));
const base = fp('Wildfire forces thousands to flee homes near Athens', WILDFIRE);

describe('compareText', () => {
  it('computes trigram similarity as pg_trgm does', () => {
    expect(trigramSimilarity('word', 'word')).toBe(1);
    expect(trigramSimilarity('word', 'two words')).toBeCloseTo(0.3636, 3);
  });

  it('joins a typo fix and an appended paragraph as near copies', () => {
    const typo = fp(
      'Wildfire forces thousands to flee homes near Athens',
      [WILDFIRE[0].replace('pine', 'pine'), ...WILDFIRE.slice(1)].map((p) => p.replace('firefighters', 'fire fighters')),
    );
    expect(compareText(typo, base)).toMatchObject({ match: true, rule: 'near-copy' });
    const appended = fp('Wildfire forces thousands to flee homes near Athens', [
      ...WILDFIRE,
      'Residents of two villages were told to move towards the coast, where coastguard vessels stood by.',
    ]);
    expect(compareText(appended, base).match).toBe(true);
  });

  it('joins a write-through with a rewritten headline and lede that keeps the later paragraphs', () => {
    const rewritten = fp('Thousands flee as wind-driven wildfire reaches Athens suburbs', [
      'ATHENS: Thousands of people fled their homes on the northern edge of Athens on Sunday as a wildfire driven by gale-force winds tore through forests and reached the suburbs.',
      ...WILDFIRE.slice(1, 5),
    ]);
    expect(compareText(rewritten, base).match).toBe(true);
  });

  it('keeps two stories on the same event apart', () => {
    const other = fp('Greece asks EU for firefighting planes as wildfire spreads', FIREFIGHTING_PLANES);
    const verdict = compareText(other, base);
    expect(verdict.match).toBe(false);
    expect(verdict.similarity.dateline).toBe('same');
  });

  it('joins a headline-only flash with the full story under the same headline, not under another', () => {
    const flash = fp('Wildfire forces thousands to flee homes near Athens', []);
    expect(compareText(base, flash)).toMatchObject({ match: true, rule: 'flash-headline' });
    expect(compareText(fp('Greece asks EU for firefighting planes', []), base).match).toBe(false);
    expect(compareText(fp('Earthquake of magnitude 5 hits Crete', []), fp('Earthquake of magnitude 6 hits Crete', [])).match).toBe(false);
  });

  it('keeps templated stories that differ in numbers and names apart', () => {
    const result = (home: string, away: string, a: number, b: number, scorer: string, minute: number) =>
      fp(`${home} beat ${away} ${a}-${b} in the Premier League`, [
        `LONDON: ${home} beat ${away} ${a}-${b} in the Premier League on Saturday, with ${scorer} scoring the decisive goal in the ${minute}th minute.`,
        `The result leaves ${home} in the top half of the table after ${a + b + 20} matches, while ${away} remain in the bottom half of the table with ${b + 18} points.`,
        'The league resumes next weekend after the international break, with several clubs expected to be without players on national team duty.',
        'Managers have complained about the fixture schedule this season, which they say has left squads stretched by injuries and fatigue.',
      ]);
    const one = result('Arsenal', 'Chelsea', 2, 1, 'Saka', 78);
    const two = result('Everton', 'Fulham', 3, 0, 'Calvert-Lewin', 12);
    expect(compareText(one, two)).toMatchObject({ match: false });
    expect(compareText(one, result('Arsenal', 'Chelsea', 2, 1, 'Saka', 78)).match).toBe(true);
  });

  it('lets a correction change a number in headline and lede', () => {
    const corrected = fp('Wildfire forces thousands to flee homes near Athens', [WILDFIRE[0], WILDFIRE[1].replace('400', '500'), ...WILDFIRE.slice(2)]);
    expect(compareText(corrected, base, true).match).toBe(true);
    expect(compareText(corrected, base, false).match).toBe(true);
  });
});
