import type { BodyBlock } from '@copydesk/contracts';
import { toBodyBlocks } from '../../text/body-blocks';
import { bulletText } from '../../text/bullets';
import { paragraphsByLine } from '../../text/paragraphs';
import { isFurniture } from './page-furniture';

export interface StoryBody {
  summary: string[];
  dateline?: string;
  body: BodyBlock[];
}

/**
 * Reads the lines after a story's header (normalised, '' for blank): leading bullet lines are the
 * summary; every other non-blank line is a paragraph (see paragraphsByLine), furniture dropped;
 * a leading dateline is split off and capitals-only lines are crossheads.
 */
export function parseStoryBody(lines: readonly string[]): StoryBody {
  const summary: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const bullet = bulletText(lines[i]);
    if (bullet === null) break;
    summary.push(bullet);
  }
  const paragraphs = paragraphsByLine(lines.slice(i).filter((line) => !isFurniture(line)));
  return { summary, ...toBodyBlocks(paragraphs) };
}
