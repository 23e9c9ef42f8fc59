/**
 * Two captures of one page, ten minutes apart: a developing story whose casualty and
 * evacuation figures change in headline and lede (and which gains a paragraph), two results
 * of one template, and a sidebar on the same event that repeats two background paragraphs.
 */

function block(headline: string, label: string, paragraphs: string[]): string {
  return `${headline}\n\n${headline}\n${label}\nFollow\n\n${headline}\n\n${headline}\n\n${paragraphs.join('\n\n')}\n\n\n`;
}

const BACKGROUND = [
  'Temperatures have exceeded 40 degrees Celsius in recent weeks after the hottest June and July on record, leaving vegetation tinder dry across much of southern Europe.',
  'Scientists say climate change is making extreme weather events such as heatwaves and wildfires more frequent and more intense around the Mediterranean.',
];

export const fireHeadline = (dead: number, fled: string) => `Wildfire near Athens kills ${dead}, forces ${fled} to flee their homes`;

function fire(dead: number, fled: string, more: string[]): string[] {
  return [
    `ATHENS: A wildfire fanned by strong winds raced through pine forests north of Athens on Sunday, killing at least ${dead} people and forcing ${fled} residents to flee as flames reached the outskirts of the capital.`,
    'More than 400 firefighters backed by water-dropping aircraft and helicopters battled the blaze, which broke out in the afternoon near the village of Varnavas, about 35 km from the city centre.',
    'Authorities sent evacuation alerts to residents of at least a dozen settlements, and police closed several roads as thick smoke blanketed the northern suburbs.',
    ...BACKGROUND,
    ...more,
  ];
}

const ADDED =
  'Rescue teams searched burned-out houses in the village of Varnavas on Sunday evening for residents who had been reported missing by their relatives.';

export const resultHeadline = (home: string, away: string, score: string) => `${home} beat ${away} ${score} in the Premier League`;

function result(home: string, away: string, score: string, scorer: string, minute: number, crowd: string): string[] {
  return [
    `LONDON: ${home} beat ${away} ${score} in the Premier League on Saturday, with ${scorer} scoring the decisive goal in the ${minute}th minute in front of a crowd of ${crowd}.`,
    'The league resumes after the international break, with several clubs expected to be without players on national team duty, and managers have again complained about the number of fixtures squeezed into the season.',
    'Clubs have also raised concerns about the scheduling of televised matches, which they say leaves too little time for recovery between games and has contributed to a rise in muscle injuries across the division.',
  ];
}

export const SIDEBAR_HEADLINE = 'Greece asks European partners for firefighting planes as blaze spreads';

const SIDEBAR = [
  'ATHENS: Greece asked its European Union partners on Sunday to send firefighting aircraft and crews as a wildfire north of the capital spread towards densely populated districts.',
  'The government activated the bloc’s civil protection mechanism, and Italy and France offered to send water-bombing planes within hours, a government spokesman told reporters.',
  'Greece has a fleet of its own aircraft, but several are grounded for maintenance and officials said more help was needed to contain fronts on several mountains at once.',
  ...BACKGROUND,
];

/** The page at 10:00: the fire at 12 dead and 3,000 evacuated (updated 09:56), one result (09:40). */
export const FIRST_PAGE =
  block(fireHeadline(12, '3,000'), 'Updated 4 min 0 sec ago', fire(12, '3,000', [])) +
  block(resultHeadline('Arsenal', 'Chelsea', '2-1'), 'Updated 20 min 0 sec ago', result('Arsenal', 'Chelsea', '2-1', 'Saka', 78, '60,112'));

/**
 * The page at 10:10: the fire at 19 dead and 5,500 evacuated with a paragraph added (updated
 * 10:08), the same result (its label moved on), another result of the template (10:05) and the
 * sidebar (10:07).
 */
export const SECOND_PAGE =
  block(fireHeadline(19, '5,500'), 'Updated 2 min 0 sec ago', fire(19, '5,500', [ADDED])) +
  block(SIDEBAR_HEADLINE, 'Updated 3 min 0 sec ago', SIDEBAR) +
  block(resultHeadline('Everton', 'Fulham', '3-0'), 'Updated 5 min 0 sec ago', result('Everton', 'Fulham', '3-0', 'Calvert-Lewin', 12, '39,221')) +
  block(resultHeadline('Arsenal', 'Chelsea', '2-1'), 'Updated 30 min 0 sec ago', result('Arsenal', 'Chelsea', '2-1', 'Saka', 78, '60,112'));
