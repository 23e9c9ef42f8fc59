import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { StoriesApi } from '@copydesk/client';
import { DATABASE_URL, ROOT } from '../support/env';
import { addConsumer, addSource, eventually, RunningStack, startServices } from '../support/service-processes';
import { PAGE_1, page2, relabel } from './dedupe-pages';

jest.setTimeout(420_000);

const SOURCES = 12;
const GROUPS = { NORMALISE_GROUP_ID: 'dedupe-two-normalise', DEDUPE_GROUP_ID: 'dedupe-two-dedupe', PUBLISH_GROUP_ID: 'dedupe-two-publish' };
const PAGE_2_OUTCOMES = ['duplicate', 'new-story', 'new-version', 'duplicate', 'new-version', 'duplicate', 'duplicate'];

/**
 * Two stacks in the same consumer groups: two dedupe instances share the partitions of
 * wire.normalised.v1. One stack is stopped while the re-scrapes are in flight, so its
 * partitions move to the other instance mid-stream (a rebalance, with redelivery of what
 * it had not committed). Every source must still end with exactly its stories and versions.
 */
describe('dedupe: two instances in one consumer group', () => {
  let a: RunningStack;
  let b: RunningStack | undefined;
  const db = new Client({ connectionString: DATABASE_URL });
  const sources: { id: string; apiKey: string }[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startServices('dedupe-two-a', 28091, GROUPS), startServices('dedupe-two-b', 28095, GROUPS)]);
    for (let i = 0; i < SOURCES; i++) sources.push(addSource(`dedupe-two-${Date.now()}-${i}`));
    await db.connect();
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db.end();
  });

  async function post(stack: RunningStack, source: { apiKey: string }, page: string, capturedAt: string): Promise<string> {
    const res = await fetch(`${stack.urls.ingest}/v1/wire`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${source.apiKey}`, 'Content-Type': 'text/plain; charset=utf-8', 'X-Captured-At': capturedAt },
      body: page,
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { submissionId: string }).submissionId;
  }

  const decided = (submissions: string[], items: number) =>
    eventually(
      async () => {
        const { rows } = await db.query('SELECT count(*)::int AS n FROM dedupe.decisions WHERE submission_id = ANY($1::uuid[])', [submissions]);
        return rows[0].n === submissions.length * items ? true : undefined;
      },
      `${submissions.length * items} decisions`,
      240_000,
    );

  it('decides every item once and makes exactly the expected stories and versions', async () => {
    const first = await Promise.all(sources.map((s, i) => post(i % 2 ? b! : a, s, PAGE_1, '2025-03-21T10:00:00Z')));
    await decided(first, 6);

    const second = await Promise.all(sources.map((s, i) => post(i % 2 ? b! : a, s, page2(), '2025-03-21T10:10:00Z')));
    // Stop one stack while the re-scrapes are being decided: its partitions move to the other.
    await b!.stop();
    b = undefined;
    const third = await Promise.all(sources.map((s) => post(a, s, relabel(page2(), 10), '2025-03-21T10:20:00Z')));
    await decided([...second, ...third], 7);

    for (const [i, source] of sources.entries()) {
      const { rows } = await db.query<{ outcome: string }>(
        `SELECT outcome FROM dedupe.decisions WHERE submission_id = $1 ORDER BY split_part(item_id, ':', 2)::int`,
        [second[i]],
      );
      expect(rows.map((r) => r.outcome)).toEqual(PAGE_2_OUTCOMES);
      const again = await db.query<{ outcome: string }>('SELECT outcome FROM dedupe.decisions WHERE submission_id = $1', [third[i]]);
      expect(again.rows.map((r) => r.outcome)).toEqual(Array(7).fill('duplicate'));
      const versions = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM dedupe.story_versions v JOIN dedupe.stories s ON s.id = v.story_id WHERE s.source_id = $1',
        [source.id],
      );
      expect(versions.rows[0].n).toBe(9);
    }
    const twice = await db.query('SELECT item_id FROM dedupe.story_versions GROUP BY item_id HAVING count(*) > 1');
    expect(twice.rows).toEqual([]);

    const api = new StoriesApi(a.urls.publish, { apiKey: (await addConsumer(`dedupe-two-${Date.now()}`)).apiKey });
    for (const source of sources) {
      const stories = await eventually(async () => {
        const all = await api.listAll({ source: source.id });
        return all.length === 7 && all.reduce((n, s) => n + s.versionCount, 0) === 9 ? all : undefined;
      }, `the published stories of ${source.id}`);
      expect(stories.map((s) => s.version).sort()).toEqual([1, 1, 1, 1, 1, 2, 2]);
    }

    // Both instances decided items before one of them stopped.
    for (const stack of ['dedupe-two-a', 'dedupe-two-b']) {
      const log = readFileSync(path.join(ROOT, 'tmp', 'e2e-logs', stack, 'dedupe.log'), 'utf8');
      expect(log).toMatch(/item decided/);
    }
  });
});
