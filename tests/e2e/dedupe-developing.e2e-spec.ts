import { Client } from 'pg';
import { StoriesApi } from '@copydesk/client';
import { postCapture, storiesByHeadline } from '../support/dedupe-captures';
import { DATABASE_URL } from '../support/env';
import { addConsumer, addSource, RunningStack, startServices } from '../support/service-processes';
import { fireHeadline, FIRST_PAGE, resultHeadline, SECOND_PAGE, SIDEBAR_HEADLINE } from './dedupe-developing-pages';

jest.setTimeout(240_000);

const ARSENAL = resultHeadline('Arsenal', 'Chelsea', '2-1');
const EVERTON = resultHeadline('Everton', 'Fulham', '3-0');

describe('dedupe: a developing story whose figures change, beside templated results and a sidebar', () => {
  let stack: RunningStack;
  let api: StoriesApi;
  let source: { id: string; apiKey: string };
  const db = new Client({ connectionString: DATABASE_URL });

  beforeAll(async () => {
    stack = await startServices('dedupe-developing', 28281);
    api = new StoriesApi(stack.urls.publish, { apiKey: (await addConsumer(`dedupe-developing-${Date.now()}`)).apiKey });
    source = addSource(`dedupe-developing-${Date.now()}`);
    await db.connect();
  });

  afterAll(async () => {
    await stack?.stop();
    await db.end();
  });

  /** Posts a capture of the page and waits for dedupe's decisions on its items, in page order. */
  const post = (page: string, capturedAt: string, items: number) =>
    postCapture({ ingestUrl: stack.urls.ingest, apiKey: source.apiKey }, db, page, capturedAt, items);
  /** The source's stories in the publish API by headline, once publish has every version dedupe made. */
  const byHeadline = () => storiesByHeadline(api, db, source.id);

  it('gives one story with two versions for the developing story, and a story each for two results and the sidebar', async () => {
    expect((await post(FIRST_PAGE, '2025-03-21T10:00:00Z', 2)).map((d) => d.outcome)).toEqual(['new-story', 'new-story']);
    const before = await byHeadline();
    expect([...before.keys()].sort()).toEqual([ARSENAL, fireHeadline(12, '3,000')].sort());

    // Page order of the re-scrape: the fire, the sidebar, the other result, the first result.
    const decisions = await post(SECOND_PAGE, '2025-03-21T10:10:00Z', 4);
    expect(decisions.map((d) => d.outcome)).toEqual(['new-version', 'new-story', 'new-story', 'duplicate']);
    const [fire, sidebar, other, same] = decisions;
    expect(fire).toMatchObject({ story_id: before.get(fireHeadline(12, '3,000'))?.id, version: 2, evidence: { rule: 'developing-figures' } });
    expect(other.evidence.rule).toBe('veto:template');
    expect(sidebar.story_id).not.toBe(fire.story_id);
    expect(same.story_id).toBe(before.get(ARSENAL)?.id);

    const after = await byHeadline();
    expect([...after.keys()].sort()).toEqual([ARSENAL, EVERTON, SIDEBAR_HEADLINE, fireHeadline(19, '5,500')].sort());
    expect(after.get(fireHeadline(19, '5,500'))).toMatchObject({
      id: before.get(fireHeadline(12, '3,000'))?.id,
      version: 2,
      versionCount: 2,
      kind: 'updated',
      updatedAt: '2025-03-21T10:08:00.000Z',
    });
    for (const h of [ARSENAL, EVERTON, SIDEBAR_HEADLINE]) expect(after.get(h)).toMatchObject({ version: 1, versionCount: 1, kind: 'created' });
    expect(after.get(ARSENAL)?.id).toBe(before.get(ARSENAL)?.id);
  });
});
