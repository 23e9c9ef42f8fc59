import { Client } from 'pg';
import { StoriesApi } from '@copydesk/client';
import { postCapture, storiesByHeadline } from '../support/dedupe-captures';
import { DATABASE_URL } from '../support/env';
import { addConsumer, addSource, eventually, RunningStack, startServices } from '../support/service-processes';
import { FLASH_HEADLINE, MINERALS_HEADLINE, MINERALS_REWRITE, PAGE_1, page2, relabel, SAME_EVENT_HEADLINE } from './dedupe-pages';

jest.setTimeout(240_000);

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

  const post = (page: string, capturedAt: string) =>
    postCapture({ ingestUrl: stack.urls.ingest, apiKey: source.apiKey }, db, page, capturedAt, page === PAGE_1 ? 6 : 7);
  const byHeadline = () => storiesByHeadline(api, db, source.id);

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
