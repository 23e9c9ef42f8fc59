/** What a story's row needs to know of a version that moves it on. */
export interface RowVersion {
  storyId: string;
  version: number;
  current: boolean;
}

/** How the versions of one statement move one story's row on. */
export interface RowChange<T extends RowVersion> {
  /** The version whose fields the row ends with: the last current one, else the first (the one that creates a missing row). */
  shown: T;
  /** The highest version among them: the row's version count is raised to it. */
  count: number;
}

/**
 * The versions of a batch, per story, as one change each: a row is updated once per statement
 * (PostgreSQL refuses to update a row twice in one INSERT ... ON CONFLICT), and ends as it
 * would had the versions been applied one after the other, in their order: a current version
 * replaces the shown fields, a non-current one only raises the count, and the first creates a
 * row the story does not have yet. The database decides whether `shown` replaces the fields
 * (by its being current) and whether the row exists.
 */
export function rowChanges<T extends RowVersion>(versions: readonly T[]): RowChange<T>[] {
  const byStory = new Map<string, RowChange<T>>();
  for (const v of versions) {
    const change = byStory.get(v.storyId);
    if (!change) byStory.set(v.storyId, { shown: v, count: v.version });
    else {
      if (v.current) change.shown = v;
      change.count = Math.max(change.count, v.version);
    }
  }
  return [...byStory.values()];
}
