import { Draft, pick, Random } from './edits';

const TEAMS = [
  'Arsenal',
  'Chelsea',
  'Everton',
  'Fulham',
  'Brentford',
  'Burnley',
  'Leeds',
  'Wolves',
  'Brighton',
  'Newcastle',
  'Villa',
  'Forest',
  'Bournemouth',
  'Palace',
];
const PLAYERS = ['Saka', 'Palmer', 'Mitrovic', 'Watkins', 'Isak', 'Wissa', 'Mbeumo', 'Gibbs-White', 'Solanke', 'Eze', 'Cunha', 'Bowen'];
const COMMODITIES = ['Gold', 'Silver', 'Copper', 'Brent crude', 'Platinum', 'Palladium', 'Wheat', 'Soybeans', 'Coffee', 'Sugar'];
const COMPANIES = [
  'Northwind Traders',
  'Contoso',
  'Fabrikam',
  'Tailspin Toys',
  'Wingtip Systems',
  'Litware',
  'Adventure Works',
  'Proseware',
  'Lucerne Publishing',
  'Margie Travel',
];
const CITIES = ['LONDON', 'MANCHESTER', 'LIVERPOOL', 'BIRMINGHAM', 'LEEDS', 'NEWCASTLE'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const int = (rnd: Random, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const dec = (rnd: Random, lo: number, hi: number) => (lo + rnd() * (hi - lo)).toFixed(2);

function result(rnd: Random): Draft {
  const home = pick(rnd, TEAMS);
  const away = pick(
    rnd,
    TEAMS.filter((t) => t !== home),
  );
  const [a, b] = [int(rnd, 1, 5), int(rnd, 0, 3)];
  const scorer = pick(rnd, PLAYERS);
  const day = pick(rnd, DAYS);
  return {
    headline: `${home} beat ${away} ${a}-${b} in the Premier League`,
    paragraphs: [
      `${pick(rnd, CITIES)}: ${home} beat ${away} ${a}-${b} in the Premier League on ${day}, with ${scorer} scoring in the ${int(rnd, 5, 90)}th minute in front of a crowd of ${int(rnd, 20, 60)},${int(rnd, 100, 999)}.`,
      `The result leaves ${home} ${pick(rnd, ['third', 'fifth', 'seventh', 'ninth', 'twelfth'])} in the table with ${int(rnd, 10, 60)} points from ${int(rnd, 10, 30)} matches, while ${away} stay on ${int(rnd, 5, 50)} points.`,
      'The league resumes after the international break, with several clubs expected to be without players on national team duty, and managers have again complained about the number of fixtures squeezed into the season.',
      'Clubs have also raised concerns about the scheduling of televised matches, which they say leaves too little time for recovery between games and has contributed to a rise in muscle injuries across the division.',
    ],
    signals: [],
    pubStatus: 'usable',
    edit: 'template-result',
  };
}

function price(rnd: Random): Draft {
  const c = pick(rnd, COMMODITIES);
  const up = rnd() < 0.5;
  const pct = dec(rnd, 0.1, 3.5);
  const level = dec(rnd, 10, 2500);
  return {
    headline: `${c} ${up ? 'rises' : 'falls'} ${pct}% to $${level} as dollar ${up ? 'weakens' : 'firms'}`,
    paragraphs: [
      `LONDON: ${c} ${up ? 'rose' : 'fell'} ${pct}% to $${level} on ${pick(rnd, DAYS)}, as the dollar ${up ? 'weakened' : 'firmed'} against a basket of currencies and traders weighed the outlook for interest rates.`,
      `Prices have moved ${up ? 'up' : 'down'} ${dec(rnd, 1, 9)}% so far this month, and volumes were ${int(rnd, 5, 40)}% ${up ? 'above' : 'below'} the 30-day average, exchange data showed.`,
      'Traders said the market was likely to remain volatile ahead of the central bank meeting next week, when policymakers are expected to signal how quickly they intend to lower borrowing costs.',
      'Analysts noted that demand from industrial buyers had been steady in recent weeks, while investment flows into exchange-traded funds had slowed after a strong start to the year.',
    ],
    signals: [],
    pubStatus: 'usable',
    edit: 'template-price',
  };
}

function earnings(rnd: Random): Draft {
  const co = pick(rnd, COMPANIES);
  const q = int(rnd, 1, 4);
  const up = rnd() < 0.5;
  return {
    headline: `${co} posts Q${q} profit of $${dec(rnd, 1, 900)} million, ${up ? 'beats' : 'misses'} forecasts`,
    paragraphs: [
      `NEW YORK: ${co} on ${pick(rnd, DAYS)} reported ${q}${['st', 'nd', 'rd', 'th'][q - 1]}-quarter net income of $${dec(rnd, 1, 900)} million, or ${dec(rnd, 0.1, 4)} cents per share, ${up ? 'beating' : 'missing'} analysts' average estimate of ${dec(rnd, 0.1, 4)} cents.`,
      `Revenue ${up ? 'rose' : 'fell'} ${dec(rnd, 1, 20)}% to $${dec(rnd, 10, 5000)} million, and the company said it expected full-year sales of between $${int(rnd, 1, 20)} billion and $${int(rnd, 21, 40)} billion.`,
      'The results were released after the close of regular trading, and the company will hold a conference call with analysts and investors on the following morning to discuss its outlook.',
      'The company has been cutting costs and investing in new products as it tries to win back market share from larger rivals, and executives have said the strategy will take several quarters to pay off.',
    ],
    signals: [],
    pubStatus: 'usable',
    edit: 'template-earnings',
  };
}

/** Templated copy whose stories differ only in numbers and names: every one is a story of its own. */
export function templated(rnd: Random): Draft {
  return pick(rnd, [result, price, earnings])(rnd);
}
