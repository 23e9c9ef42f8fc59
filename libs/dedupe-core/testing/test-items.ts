import { CanonicalItem } from '@copydesk/contracts';

/** A canonical item for specs: paragraphs become body blocks. */
export function testItem(headline: string, paragraphs: string[], over: Partial<CanonicalItem> = {}): CanonicalItem {
  return {
    format: 'text-page',
    wire: {},
    headline,
    summary: [],
    body: paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
    media: [],
    subjects: [],
    pubStatus: 'usable',
    signals: [],
    contentHash: `${headline}|${paragraphs.join('|')}`,
    ...over,
  };
}

export const WILDFIRE = [
  'ATHENS: A wildfire fanned by strong winds raced through pine forests north of Athens on Sunday, forcing thousands of residents to flee their homes as flames reached the outskirts of the capital.',
  'More than 400 firefighters backed by water-dropping aircraft and helicopters battled the blaze, which broke out in the afternoon near the village of Varnavas, about 35 km from the city centre.',
  'Authorities sent evacuation alerts to residents of at least a dozen settlements, and police closed several roads as thick smoke blanketed the northern suburbs.',
  'Temperatures have exceeded 40 degrees Celsius in recent weeks after the hottest June and July on record, leaving vegetation tinder dry across much of southern Europe.',
  'The fire service said the front of the blaze stretched for several kilometres and that gusts of up to 70 km per hour were making the work of the crews harder.',
  'Scientists say climate change is making extreme weather events such as heatwaves and wildfires more frequent and more intense around the Mediterranean.',
];

export const FIREFIGHTING_PLANES = [
  'ATHENS: Greece asked its European Union partners on Monday to send firefighting aircraft and crews as a wildfire that has burned for two days spread towards densely populated districts.',
  'The government activated the bloc’s civil protection mechanism, and Italy and France offered to send water-bombing planes within hours, a government spokesman told reporters.',
  'Greece has a fleet of its own aircraft, but several are grounded for maintenance and officials said more help was needed to contain fronts on several mountains at once.',
  'The request came as ministers held an emergency meeting in the capital to coordinate the response with regional authorities and the army.',
];
