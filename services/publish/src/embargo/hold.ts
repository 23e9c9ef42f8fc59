import { StoryVersionMessage } from '@copydesk/contracts';

/**
 * Until when a new version is held: its own embargo when that is still ahead, and at least as
 * long as the story's versions already held (a story's versions go out in the order they came);
 * null when it goes out at once.
 */
export function holdOf(v: StoryVersionMessage, now: Date, story: { held: boolean; until: Date | null }): Date | null {
  const embargo = v.item.embargo ? new Date(v.item.embargo) : null;
  const own = embargo && embargo > now ? embargo : null;
  if (!story.held) return own;
  const behind = story.until ?? now;
  return own && own > behind ? own : behind;
}
