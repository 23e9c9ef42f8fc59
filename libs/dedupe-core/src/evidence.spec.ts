import { CanonicalItem } from '@copydesk/contracts';
import { CandidateStory, decide, isKill } from './decide';
import { fingerprint, indexKeys } from './fingerprint';
import { compareText } from './text-match';
import { positionOf } from './version-order';
import { FIREFIGHTING_PLANES, testItem, WILDFIRE } from '../testing/test-items';

const at = (iso: string) => ({ sourceUpdated: { at: iso, precision: 'second' as const } });

/** The wildfire story with its figures in headline and lede: killed and evacuated. */
function wildfire(dead: number, evacuated: string, extra: string[] = [], time = '2025-03-21T10:00:00.000Z'): CanonicalItem {
  return testItem(
    `Wildfire near Athens kills ${dead}, forces ${evacuated} to flee`,
    [`${WILDFIRE[0]} Officials said ${dead} people had died and ${evacuated} had been evacuated.`, ...WILDFIRE.slice(1), ...extra],
    at(time),
  );
}

/** A result of one template: the teams, the score and the scorer differ from result to result. */
function result(home: string, away: string, a: number, b: number, scorer: string, minute = 78): CanonicalItem {
  return testItem(`${home} beat ${away} ${a}-${b} in the Premier League`, [
    `LONDON: ${home} beat ${away} ${a}-${b} in the Premier League on Saturday, with ${scorer} scoring the decisive goal in the ${minute}th minute.`,
    'The league resumes next weekend after the international break, with several clubs expected to be without players on national team duty.',
    'Managers have complained about the fixture schedule this season, which they say has left squads stretched by injuries and fatigue.',
    'Clubs have also raised concerns about the scheduling of televised matches, which they say leaves too little time for recovery.',
  ]);
}

function storyOf(item: CanonicalItem): CandidateStory {
  return {
    storyId: 's1',
    wireGuids: [],
    currentVersion: 1,
    contentHashes: [item.contentHash],
    pubStatus: item.pubStatus,
    withdrawn: false,
    current: positionOf(item),
    fingerprints: [{ version: 1, fingerprint: fingerprint(item) }],
  };
}

const compare = (a: CanonicalItem, b: CanonicalItem, hoursApart: number | null = 0.2) => compareText(fingerprint(a), fingerprint(b), false, { hoursApart });

describe('evidence weighed together', () => {
  const page = wildfire(12, '3,000');
  const rescrape = wildfire(
    19,
    '5,500',
    ['Rescue teams searched burned-out houses in the village of Varnavas for more people reported missing.'],
    '2025-03-21T10:10:00.000Z',
  );

  it('joins a developing story whose figures changed in headline and lede, with a paragraph added, as a new version', () => {
    expect(compare(rescrape, page)).toMatchObject({ match: true, rule: 'developing-figures' });
    expect(decide(rescrape, fingerprint(rescrape), [storyOf(page)])).toMatchObject({ outcome: 'new-version', storyId: 's1', kind: 'updated', current: true });
  });

  it('keeps the same figures changing a day and more apart, and under another dateline, apart', () => {
    expect(compare(rescrape, page, 30)).toMatchObject({ match: false, veto: 'template' });
    const elsewhere = testItem(rescrape.headline, [
      `CORINTH: ${rescrape.body[0].kind === 'paragraph' ? rescrape.body[0].text.slice('ATHENS: '.length) : ''}`,
      ...WILDFIRE.slice(1),
    ]);
    expect(compare(elsewhere, page).match).toBe(false);
  });

  it('keeps two results of one template apart: other teams, other score', () => {
    const one = result('Arsenal', 'Chelsea', 2, 1, 'Saka');
    expect(compare(result('Everton', 'Fulham', 3, 0, 'Calvert-Lewin'), one)).toMatchObject({ match: false, veto: 'template' });
    // Another match of the same teams with the same score: the same headline, the template's lede with another scorer and minute.
    expect(compare(result('Arsenal', 'Chelsea', 2, 1, 'Havertz', 12), one)).toMatchObject({ match: false, veto: 'template' });
    // The same teams, a score that went on: the same match, developing.
    expect(compare(result('Arsenal', 'Chelsea', 3, 1, 'Saka', 88), one)).toMatchObject({ match: true });
  });

  it('keeps a same-event sidebar that shares background paragraphs and figures apart', () => {
    const sidebar = testItem('Greece asks EU for planes as wildfire that killed 19 spreads', [
      `${FIREFIGHTING_PLANES[0]} At least 19 people have died.`,
      ...FIREFIGHTING_PLANES.slice(1),
      ...WILDFIRE.slice(3, 5),
    ]);
    expect(compare(sidebar, page).match).toBe(false);
    expect(decide(sidebar, fingerprint(sidebar), [storyOf(page)])).toMatchObject({ outcome: 'new-story' });
  });

  it('recognises a kill from its text alone: a kill marker on the headline or a short kill notice', () => {
    expect(isKill(testItem('KILL - Wildfire near Athens', ['Delete.']))).toBe(true);
    expect(isKill(testItem('Wildfire near Athens', ['This story has been withdrawn. Please delete all earlier versions.']))).toBe(true);
    expect(isKill(page)).toBe(false);
    // A story that reports a withdrawal is no kill notice.
    expect(isKill(testItem('Troops withdrawn', ['The government said the troops had been withdrawn from the border area on Monday.', ...WILDFIRE]))).toBe(
      false,
    );
  });

  it('joins a text-only kill that overtook a headline rewrite to its story, found by its lede, and withdraws it', () => {
    // The rewrite's headline, taken from the lede, has not arrived; the kill repeats it.
    const kill = testItem(
      'KILL - A wildfire fanned by strong winds raced through pine forests north of Athens',
      ['This story has been withdrawn. Please delete.'],
      at('2025-03-21T10:40:00.000Z'),
    );
    const keys = new Set(indexKeys(fingerprint(page), 'src|en'));
    expect(indexKeys(fingerprint(kill), 'src|en').some((k) => keys.has(k))).toBe(true);
    expect(decide(kill, fingerprint(kill), [storyOf(page)])).toMatchObject({
      outcome: 'new-version',
      storyId: 's1',
      kind: 'withdrawn',
      current: true,
      match: { rule: 'kill-headline' },
    });
    // Another story's lede does not hold the kill's headline.
    const other = testItem('Greece asks EU for firefighting planes', FIREFIGHTING_PLANES, at('2025-03-21T10:00:00.000Z'));
    expect(decide(kill, fingerprint(kill), [storyOf(other)])).toMatchObject({ outcome: 'new-story', kind: 'withdrawn' });
  });
});
