import { Client } from 'pg';
import { StoriesApi, StoryView } from '@copydesk/client';
import { DATABASE_URL } from '../support/env';
import { addConsumer, addSource, eventually, RunningStack, startServices } from '../support/service-processes';
import { ECB, ECB_MORE, G2_CONTENT_TYPE, G2Item, g2Item, KILL_NOTICE } from './dedupe-g2-items';

jest.setTimeout(240_000);

const GUID = 'urn:newsml:example.com:20250506:ECB-RATES';

describe('dedupe: id-bearing NewsML-G2 items', () => {
  let stack: RunningStack;
  let api: StoriesApi;
  let source: { id: string; apiKey: string };
  const db = new Client({ connectionString: DATABASE_URL });

  beforeAll(async () => {
    stack = await startServices('dedupe-g2', 28085);
    // Kills are read back: a key with the all-statuses right.
    api = new StoriesApi(stack.urls.publish, { apiKey: (await addConsumer(`dedupe-g2-${Date.now()}`, { allStatuses: true })).apiKey });
    source = addSource(`dedupe-g2-${Date.now()}`);
    await db.connect();
  });

  afterAll(async () => {
    await stack?.stop();
    await db.end();
  });

  /** Posts one item and waits for dedupe's decision on it. */
  async function post(item: G2Item): Promise<{ outcome: string; story_id: string; version: number | null; evidence: { basis: string; reason: string } }> {
    const res = await fetch(`${stack.urls.ingest}/v1/wire`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${source.apiKey}`, 'Content-Type': G2_CONTENT_TYPE },
      body: g2Item(item),
    });
    expect(res.status).toBe(202);
    const { submissionId } = (await res.json()) as { submissionId: string };
    return eventually(
      async () => (await db.query('SELECT outcome, story_id, version, evidence FROM dedupe.decisions WHERE submission_id = $1', [submissionId])).rows[0],
      `the decision on ${item.guid} v${item.version}`,
    );
  }

  async function settled(storyId: string, versionCount: number): Promise<StoryView> {
    return eventually(async () => {
      const story = await api.story(storyId).catch(() => undefined);
      return story && story.versionCount === versionCount ? story : undefined;
    }, `story ${storyId} with ${versionCount} versions`);
  }

  const base = { guid: GUID, headline: 'ECB holds rates, says it is in a good place', paragraphs: ECB };

  it('orders an update, a correction, a late older version and a kill by the wire version', async () => {
    const v1 = await post({ ...base, version: 1, versionCreated: '2025-05-06T09:00:00Z' });
    expect(v1).toMatchObject({ outcome: 'new-story', version: 1 });
    const storyId = v1.story_id;

    expect(await post({ ...base, version: 2, versionCreated: '2025-05-06T09:20:00Z', signal: 'sig:update', paragraphs: [...ECB, ECB_MORE] })).toMatchObject({
      outcome: 'new-version',
      story_id: storyId,
      version: 2,
      evidence: { basis: 'wire-guid' },
    });
    const corrected = [ECB[0].replace('2.25', '2.00'), ...ECB.slice(1), ECB_MORE];
    expect(
      await post({
        ...base,
        headline: `${base.headline} (CORRECTED)`,
        version: 4,
        versionCreated: '2025-05-06T10:00:00Z',
        signal: 'sig:correction',
        paragraphs: corrected,
      }),
    ).toMatchObject({ outcome: 'new-version', story_id: storyId, version: 3 });
    let story = await settled(storyId, 3);
    expect(story).toMatchObject({ version: 3, kind: 'corrected' });

    // Version 3 of the wire arrives after version 4: into history, not current.
    const late = await post({
      ...base,
      version: 3,
      versionCreated: '2025-05-06T09:40:00Z',
      signal: 'sig:update',
      paragraphs: [...ECB, ECB_MORE, 'Late paragraph of the third version.'],
    });
    expect(late).toMatchObject({ outcome: 'new-version', story_id: storyId, version: 4 });
    expect(late.evidence.reason).toMatch(/older than the current version/);
    story = await settled(storyId, 4);
    expect(story).toMatchObject({ version: 3, kind: 'corrected' });

    // The same version again (a re-send): a duplicate, no version.
    expect(await post({ ...base, version: 2, versionCreated: '2025-05-06T09:20:00Z', signal: 'sig:update', paragraphs: [...ECB, ECB_MORE] })).toMatchObject({
      outcome: 'duplicate',
      story_id: storyId,
      version: null,
    });

    const kill = await post({
      ...base,
      headline: `KILLED - ${base.headline}`,
      version: 5,
      versionCreated: '2025-05-06T11:00:00Z',
      pubStatus: 'canceled',
      paragraphs: [KILL_NOTICE],
    });
    expect(kill).toMatchObject({ outcome: 'new-version', story_id: storyId, version: 5 });
    story = await settled(storyId, 5);
    expect(story).toMatchObject({ version: 5, kind: 'withdrawn', pubStatus: 'canceled' });

    const { rows } = await db.query('SELECT version, kind, is_current, wire_version FROM dedupe.story_versions WHERE story_id = $1 ORDER BY version', [
      storyId,
    ]);
    expect(rows).toEqual(
      [
        { version: 1, kind: 'updated', is_current: false, wire_version: '1' },
        { version: 2, kind: 'updated', is_current: false, wire_version: '2' },
        { version: 3, kind: 'corrected', is_current: false, wire_version: '4' },
        { version: 4, kind: 'updated', is_current: false, wire_version: '3' },
        { version: 5, kind: 'withdrawn', is_current: true, wire_version: '5' },
      ].map((r, i) => (i === 0 ? { ...r, kind: 'created' } : r)),
    );
  });

  it('joins a new id to the old story through irel:previousVersion, also when the link arrives first', async () => {
    const old = { guid: 'urn:newsml:example.com:20250506:BUND', headline: 'Bund yields fall after ECB decision', paragraphs: ECB.slice(1) };
    const first = await post({ ...old, version: 1, versionCreated: '2025-05-06T12:00:00Z' });
    const rewrite = await post({
      guid: 'urn:newsml:example.com:20250506:BUND-WRITETHRU',
      version: 1,
      versionCreated: '2025-05-06T12:30:00Z',
      headline: 'Bund yields fall; stocks rally',
      paragraphs: ['Stocks rose on Tuesday after the European Central Bank left rates on hold.'],
      signal: 'sig:update',
      previousVersion: old.guid,
    });
    expect(rewrite).toMatchObject({ outcome: 'new-version', story_id: first.story_id, version: 2, evidence: { basis: 'wire-link' } });
    expect(await settled(first.story_id, 2)).toMatchObject({ version: 2, headline: 'Bund yields fall; stocks rally' });

    // The rewrite first, its target later: the target joins the rewrite's story, in history.
    const ahead = await post({
      guid: 'urn:newsml:example.com:20250506:OIL-WRITETHRU',
      version: 1,
      versionCreated: '2025-05-06T14:00:00Z',
      headline: 'Oil falls as supply fears ease',
      paragraphs: ['Oil prices fell on Tuesday as fears about supply eased after talks between producers.'],
      previousVersion: 'urn:newsml:example.com:20250506:OIL',
    });
    expect(ahead).toMatchObject({ outcome: 'new-story', version: 1 });
    const target = await post({
      guid: 'urn:newsml:example.com:20250506:OIL',
      version: 1,
      versionCreated: '2025-05-06T13:00:00Z',
      headline: 'Oil steady ahead of producer talks',
      paragraphs: ['Oil prices were steady on Tuesday ahead of talks between producers.'],
    });
    expect(target).toMatchObject({ outcome: 'new-version', story_id: ahead.story_id, version: 2, evidence: { basis: 'wire-guid' } });
    expect(await settled(ahead.story_id, 2)).toMatchObject({ version: 1, headline: 'Oil falls as supply fears ease' });
  });

  it('remembers a kill that arrives before its story and suppresses the story when it lands', async () => {
    const guid = 'urn:newsml:example.com:20250506:GOLD';
    const kill = await post({
      guid,
      version: 2,
      versionCreated: '2025-05-06T16:00:00Z',
      headline: 'KILLED - Gold hits record',
      paragraphs: [KILL_NOTICE],
      pubStatus: 'canceled',
    });
    expect(kill).toMatchObject({ outcome: 'new-story', version: 1 });
    const original = await post({
      guid,
      version: 1,
      versionCreated: '2025-05-06T15:00:00Z',
      headline: 'Gold hits record',
      paragraphs: ['Gold rose to a record high on Tuesday as investors sought safety.'],
    });
    expect(original).toMatchObject({ outcome: 'new-version', story_id: kill.story_id, version: 2 });
    expect(await settled(kill.story_id, 2)).toMatchObject({ version: 1, kind: 'withdrawn', pubStatus: 'canceled' });
  });
});
