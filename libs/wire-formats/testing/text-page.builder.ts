/** Builds scraped pages in the shape of the seed page's site, with each feature switchable. Test support only (outside src/, so never built). */
export interface StoryFixture {
  headline: string;
  label?: string;
  caption?: string;
  bullets?: string[];
  paragraphs: string[];
  /** Blank lines between paragraphs (default true). */
  blankBetween?: boolean;
  /** Print the "Update <headline>" link and "Short Url" before the label (default: only when there is a caption). */
  longHeader?: boolean;
}

export function buildStory(story: StoryFixture): string {
  const { headline, label, caption, bullets = [], paragraphs, blankBetween = true } = story;
  const longHeader = story.longHeader ?? caption !== undefined;
  const header = longHeader
    ? [headline, '', `Update ${headline}`, ...(caption ? [caption] : []), 'Short Url', ...(label ? [label] : []), 'Follow']
    : [headline, '', headline, ...(caption ? [caption] : []), ...(label ? [label] : []), 'Follow'];
  const bulletLines = bullets.map((bullet) => `  \u2022 ${bullet}`);
  const lines = [...header, '', headline, '', headline, ...bulletLines, ''];
  if (paragraphs.length > 0) lines.push(...(blankBetween ? paragraphs.flatMap((p) => [p, '']) : [...paragraphs, '']));
  return lines.join('\n');
}

export function buildPage(stories: readonly StoryFixture[]): string {
  return stories.map(buildStory).join('\n\n');
}
