const MAX_CROSSHEAD_LENGTH = 100;
const MAX_CROSSHEAD_WORDS = 12;

/** A crosshead is a short paragraph in capitals with no sentence ending: "LOOMING ELECTION UNCERTAINTY". */
export function isCrosshead(paragraph: string): boolean {
  if (paragraph.length > MAX_CROSSHEAD_LENGTH || /\p{Ll}/u.test(paragraph)) return false;
  const capitals = paragraph.match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= 3 && !/[.,;]$/.test(paragraph) && paragraph.split(' ').length <= MAX_CROSSHEAD_WORDS;
}
