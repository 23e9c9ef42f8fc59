import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED } from '../support/env';

/** The sample page as captured at 10:00:00Z, read in place. */
export const PAGE_1 = readFileSync(path.join(SHARED, 'corpus/seed/000_3dd1195f19a70900.txt'), 'utf8');

export const MINERALS_HEADLINE = 'Trump says US will sign Ukraine minerals deal soon';
export const MINERALS_REWRITE = 'Trump says minerals deal with Ukraine will be signed shortly';
export const FLASH_HEADLINE = 'Trump signs order to ‘eliminate’ US Education Department';
export const SAME_EVENT_HEADLINE = 'Zelensky says minerals deal must not turn Ukraine into a debtor';

const APPENDED =
  'Later on Thursday, US Treasury Secretary Scott Bessent said the negotiating teams were close to a final text and that he expected the agreement to be signed within days.';

const FLASH_BODY = [
  'WASHINGTON: President Donald Trump signed an executive order on Thursday directing his education secretary to take all necessary steps to close the Department of Education, fulfilling a campaign promise to shrink the federal government.',
  'Trump said the department would keep some functions, including the management of student loans and funding for children with special needs, which would be handed to other agencies.',
  'Closing the department entirely would require an act of Congress, where Republicans do not hold the 60 Senate votes needed to pass such a bill.',
  'Democrats and teachers’ unions criticised the order and said they would challenge it in court, arguing that the department provides vital support to poor students.',
].join('\n\n');

const SAME_EVENT_BODY = [
  'KYIV: Ukrainian President Volodymyr Zelensky said on Friday that his government would not sign a minerals agreement with the United States that turned Ukraine into a debtor or put its European Union accession at risk.',
  'Speaking at a news conference with visiting Finnish President Alexander Stubb, Zelensky said Kyiv had received a new draft from Washington and that lawyers from both sides were still studying it.',
  'He said Ukraine was ready to share the revenues of new projects, but that earlier assistance from the United States had been given as grants and could not be counted as a loan.',
  'The Ukrainian leader added that any deal had to be ratified by parliament and that he expected lawmakers to scrutinise its terms closely before giving their approval.',
].join('\n\n');

function block(headline: string, label: string, body: string): string {
  return `${headline}\n\n${headline}\n${label}\nFollow\n\n${headline}\n\n${headline}\n\n${body}\n\n\n`;
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + from.length) >= 0) throw new Error(`page edit: "${from.slice(0, 40)}" is not on the page exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/**
 * The same page re-scraped at 10:10:00Z: every relative label moved on by ten minutes;
 * the minerals story gained a paragraph and a rewritten headline (updated 10:08:30); the
 * Education Department flash gained its body (10:05:00); and a new story on the same
 * event as the minerals story appeared at the top (10:07:10).
 */
export function page2(): string {
  let page = PAGE_1;
  page = replaceOnce(page, 'Updated 7 min 35 sec ago', 'Updated 17 min 35 sec ago');
  page = replaceOnce(page, 'Updated 22 min 27 sec ago', 'Updated 32 min 27 sec ago');
  page = replaceOnce(page, 'Updated 4 sec ago', 'Updated 1 min 30 sec ago');
  page = page.split(MINERALS_HEADLINE).join(MINERALS_REWRITE);
  const lastMinerals = page.split('\n').find((l) => l.startsWith('Ukraine’s embassy in Washington')) as string;
  page = replaceOnce(page, lastMinerals, `${lastMinerals}\n${APPENDED}`);
  page = replaceOnce(page, 'Updated 19 min 34 sec ago', 'Updated 5 min 0 sec ago');
  page = replaceOnce(page, `${FLASH_HEADLINE}\n\nNorth Korea’s Kim`, `${FLASH_HEADLINE}\n\n${FLASH_BODY}\n\n\nNorth Korea’s Kim`);
  page = replaceOnce(
    page,
    `${MINERALS_REWRITE}\n\n${MINERALS_REWRITE}\nUpdated`,
    `${block(SAME_EVENT_HEADLINE, 'Updated 2 min 50 sec ago', SAME_EVENT_BODY)}${MINERALS_REWRITE}\n\n${MINERALS_REWRITE}\nUpdated`,
  );
  return page;
}

/** The page re-scraped `minutes` later with nothing changed but its relative labels. */
export function relabel(page: string, minutes: number): string {
  return page.replace(/Updated (?:(\d+) min )?(\d+) sec ago/g, (_all, m: string | undefined, s: string) => {
    const total = Number(m ?? 0) * 60 + Number(s) + minutes * 60;
    return `Updated ${Math.floor(total / 60)} min ${total % 60} sec ago`;
  });
}
