import { Client } from 'pg';
import { StoriesApi } from '@copydesk/client';
import { DATABASE_URL } from '../support/env';
import { addConsumer, addSource, eventually, RunningStack, startServices } from '../support/service-processes';
import { FLASH_HEADLINE, MINERALS_HEADLINE, MINERALS_REWRITE, PAGE_1, page2, relabel, SAME_EVENT_HEADLINE } from './dedupe-pages';

jest.setTimeout(240_000);

interface DecisionRow {
  item_id: string;
  outcome: string;
  story_id: string;
  version: number | null;
  evidence: { basis: string; rule?: string; reason: string; scores?: Record<string, unknown> };
}

const UNCHANGED = [
  'Japan’s Kishida, South Korea’s Yoon call to sustain momentum in improved ties',
  'Macron announces new Ukraine ‘coalition’ summit in Paris on March 27',
  'North Korea’s Kim oversees test of latest anti-aircraft missile system: state media',
  'M23 group seizes key town in eastern DR Congo',
];

describe('dedupe: a page, then the same page re-scraped ten minutes later', () => {
  let stack: RunningStack;
  let api: StoriesApi;
  let source: { id: string; apiKey: string };
  const db = new Client({ connectionString: DATABASE_URL });

  beforeAll(async () => {
    stack = await startServices('dedupe-page', 28081);
    api = new StoriesApi(stack.urls.publish, { apiKey: (await addConsumer(`dedupe-page-${Date.now()}`)).apiKey });
    source = addSource(`dedupe-page-${Date.now()}`);
    await db.connect();
  });

  afterAll(async () => {
    await stack?.stop();
    await db.end();
  });

  async function post(page: string, capturedAt: string): Promise<DecisionRow[]> {
    const res = await fetch(`${stack.urls.ingest}/v1/wire`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${source.apiKey}`, 'Content-Type': 'text/plain; charset=utf-8', 'X-Captured-At': capturedAt },
      body: page,
    });
    expect(res.status).toBe(202);
    const { submissionId } = (await res.json()) as { submissionId: string };
    return eventually(async () => {
      const { rows } = await db.query<DecisionRow & { item_count: number }>(
        `SELECT d.item_id, d.outcome, d.story_id, d.version, d.evidence FROM dedupe.decisions d WHERE d.submission_id = $1
          ORDER BY split_part(d.item_id, ':', 2)::int`,
        [submissionId],
      );
      const expected = page === PAGE_1 ? 6 : 7;
      return rows.length === expected ? rows : undefined;
    }, `the decisions on ${capturedAt}`);
  }

  // The API once publish has read every version dedupe made for the source (an empty dedupe
  // outbox only says the versions are on their topic, not that publish has them yet).
  const byHeadline = async () => {
    // Publish has caught up when the API shows every version dedupe made for the source.
    const stories = await eventually(async () => {
      const all = await api.listAll({ source: source.id });
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM dedupe.story_versions v JOIN dedupe.stories s ON s.id = v.story_id WHERE s.source_id = $1',
        [source.id],
      );
      return all.reduce((n, s) => n + s.versionCount, 0) === rows[0].n ? all : undefined;
    }, 'publish to have every version');
    return new Map(stories.map((s) => [s.headline, s]));
  };

  it('makes six stories of the first page', async () => {
    const decisions = await post(PAGE_1, '2025-03-21T10:00:00Z');
    expect(decisions.map((d) => d.outcome)).toEqual(Array(6).fill('new-story'));
    await eventually(async () => ((await api.listAll({ source: source.id })).length === 6 ? true : undefined), 'six stories in the API');
  });

  it('turns the re-scrape into four duplicates, two new versions and one new story', async () => {
    const before = await byHeadline();
    const decisions = await post(page2(), '2025-03-21T10:10:00Z');
    // Page order of the re-scrape: Kishida, the new story, minerals, Macron, the flash, Kim, M23.
    expect(decisions.map((d) => d.outcome)).toEqual(['duplicate', 'new-story', 'new-version', 'duplicate', 'new-version', 'duplicate', 'duplicate']);

    const minerals = decisions[2];
    expect(minerals.story_id).toBe(before.get(MINERALS_HEADLINE)?.id);
    expect(minerals.version).toBe(2);
    expect(minerals.evidence).toMatchObject({ basis: 'near-duplicate', scores: { dateline: 'same' } });
    expect(minerals.evidence.reason).toMatch(/jaccard/);

    const flash = decisions[4];
    expect(flash.story_id).toBe(before.get(FLASH_HEADLINE)?.id);
    expect(flash.evidence).toMatchObject({ basis: 'headline', rule: 'flash-headline' });

    // The story on the same event shares no fingerprint key and no close headline with the minerals story.
    expect(decisions[1].evidence.basis).toBe('none');

    const after = await byHeadline();
    expect([...after.keys()].sort()).toEqual([...UNCHANGED, MINERALS_REWRITE, FLASH_HEADLINE, SAME_EVENT_HEADLINE].sort());
    for (const h of UNCHANGED) expect(after.get(h)).toMatchObject({ version: 1, versionCount: 1, kind: 'created', id: before.get(h)?.id });
    expect(after.get(MINERALS_REWRITE)).toMatchObject({
      id: before.get(MINERALS_HEADLINE)?.id,
      version: 2,
      kind: 'updated',
      updatedAt: '2025-03-21T10:08:30.000Z',
    });
    expect(after.get(FLASH_HEADLINE)).toMatchObject({ id: before.get(FLASH_HEADLINE)?.id, version: 2, kind: 'updated', updatedAt: '2025-03-21T10:05:00.000Z' });
    expect(after.get(FLASH_HEADLINE)?.ninjs.bodies).toBeDefined();
    expect(after.get(SAME_EVENT_HEADLINE)).toMatchObject({ version: 1, kind: 'created' });
  });

  it('calls the page re-scraped again with only its relative labels changed all duplicates', async () => {
    const decisions = await post(relabel(page2(), 10), '2025-03-21T10:20:00Z');
    expect(decisions.map((d) => d.outcome)).toEqual(Array(7).fill('duplicate'));
    const stories = await byHeadline();
    expect([...stories.values()].map((s) => s.version).sort()).toEqual([1, 1, 1, 1, 1, 2, 2]);
  });
});
