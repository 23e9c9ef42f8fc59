import type { BodyBlock } from '@copydesk/contracts';
import { isCrosshead } from './crosshead';
import { splitDateline } from './dateline';

export interface BodyWithDateline {
  dateline?: string;
  body: BodyBlock[];
}

/**
 * Turns paragraphs into body blocks. A dateline opening the first paragraph ("SEOUL: …") moves to
 * `dateline` and is removed from the paragraph text; capitals-only short paragraphs become crossheads.
 */
export function toBodyBlocks(paragraphs: readonly string[]): BodyWithDateline {
  const split = paragraphs.length > 0 ? splitDateline(paragraphs[0]) : null;
  const texts = split ? [split.rest, ...paragraphs.slice(1)] : paragraphs;
  const body = texts.map((text, index): BodyBlock => ({
    kind: !(split && index === 0) && isCrosshead(text) ? 'crosshead' : 'paragraph',
    text,
  }));
  return split ? { dateline: split.dateline, body } : { body };
}
