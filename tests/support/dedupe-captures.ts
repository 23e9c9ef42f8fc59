import { Client } from 'pg';
import { StoriesApi, StoryView } from '@copydesk/client';
import { eventually } from './service-processes';

/** A row of `dedupe.decisions`, as the dedupe end-to-end specs read it. */
export interface DecisionRow {
  item_id: string;
  outcome: string;
  story_id: string;
  version: number | null;
  evidence: { basis: string; rule?: string; reason: string; scores?: Record<string, unknown> };
}

/** The source a spec posts as, and where: ingest's address and its key. */
export interface Poster {
  ingestUrl: string;
  apiKey: string;
}

/**
 * Posts a capture of a page as plain text and waits for dedupe's decisions on its items, in
 * page order, once there are `items` of them.
 */
export async function postCapture(to: Poster, db: Client, page: string, capturedAt: string, items: number): Promise<DecisionRow[]> {
  const res = await fetch(`${to.ingestUrl}/v1/wire`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${to.apiKey}`, 'Content-Type': 'text/plain; charset=utf-8', 'X-Captured-At': capturedAt },
    body: page,
  });
  expect(res.status).toBe(202);
  const { submissionId } = (await res.json()) as { submissionId: string };
  return eventually(async () => {
    const { rows } = await db.query<DecisionRow>(
      `SELECT item_id, outcome, story_id, version, evidence FROM dedupe.decisions WHERE submission_id = $1 ORDER BY split_part(item_id, ':', 2)::int`,
      [submissionId],
    );
    return rows.length === items ? rows : undefined;
  }, `the decisions on ${capturedAt}`);
}

/**
 * The source's stories in the publish API by headline, once the API shows every version dedupe
 * made for the source (an empty dedupe outbox only says the versions are on their topic, not
 * that publish has them yet).
 */
export async function storiesByHeadline(api: StoriesApi, db: Client, sourceId: string): Promise<Map<string, StoryView>> {
  const stories = await eventually(async () => {
    const all = await api.listAll({ source: sourceId });
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dedupe.story_versions v JOIN dedupe.stories s ON s.id = v.story_id WHERE s.source_id = $1',
      [sourceId],
    );
    return rows[0].n > 0 && all.reduce((n, s) => n + s.versionCount, 0) === rows[0].n ? all : undefined;
  }, 'publish to have every version');
  return new Map(stories.map((s) => [s.headline, s]));
}
