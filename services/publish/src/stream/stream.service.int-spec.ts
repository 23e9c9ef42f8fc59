import { loadConfig } from '@copydesk/config';
import { ReadModelFixture, storyVersion } from '../../testing/read-model';
import { PublishConfig } from '../config/publish.config';
import { StoriesRepository, StreamedVersionRow, VersionRow } from '../stories/stories.repository';
import { StreamHead } from './stream-head';
import { StreamEvent, StreamService } from './stream.service';

jest.setTimeout(60_000);

/** The real repository, counting how often the stream read the versions. */
class CountingStories extends StoriesRepository {
  queries = 0;
  override async versionsAfter(seq: string, limit: number): Promise<StreamedVersionRow[]> {
    this.queries++;
    return super.versionsAfter(seq, limit);
  }
}

/** Collects what the stream sends until `enough` says so. */
function collect(service: StreamService, from: string, enough: (events: StreamEvent[], keepAlives: number) => boolean, scope: 'all' | 'released' = 'released') {
  const events: StreamEvent[] = [];
  let keepAlives = 0;
  const stop = new AbortController();
  const check = () => {
    if (enough(events, keepAlives)) stop.abort();
  };
  const done = service.follow(
    from,
    {
      send: async (e) => {
        events.push(e);
        check();
      },
      keepAlive: async () => {
        keepAlives++;
        check();
      },
    },
    stop.signal,
    scope,
  );
  return { events, done, keepAlives: () => keepAlives };
}

describe('StreamService on the real read model', () => {
  let model: ReadModelFixture;

  beforeAll(async () => {
    model = await ReadModelFixture.open();
  });

  afterAll(async () => {
    await model?.close();
  });

  function setup() {
    const config = loadConfig(PublishConfig, { STREAM_POLL_MS: '50', STREAM_HEARTBEAT_S: '1' });
    const stories = new CountingStories(model.dataSource);
    const head = new StreamHead(stories, config);
    return { stories, head, service: new StreamService(stories, head, config) };
  }

  /** Records a new story's first version, each in a transaction of its own; returns the stories in order. */
  async function commit(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const v = storyVersion();
      await model.record([v]);
      ids.push(v.storyId);
    }
    return ids;
  }

  /** Where each story's version 1 stands in the stream. */
  async function positions(stories: StoriesRepository, ids: string[]): Promise<string[]> {
    return Promise.all(ids.map(async (id) => ((await stories.findVersion(id, 1, 'all')) as VersionRow).seq as string));
  }

  it('sends what is there after the position, then versions recorded later by any process, in order', async () => {
    const { stories, head, service } = setup();
    const first = await commit(3);
    const [from] = await positions(stories, first);
    const run = collect(service, from, (events) => events.length === 4);
    // Recorded "elsewhere": no notify, the head watcher finds them.
    const later = new Promise<string[]>((resolve, reject) => setTimeout(() => commit(2).then(resolve, reject), 120));
    await run.done;
    const ids = [...first.slice(1), ...(await later)];
    const seqs = await positions(stories, ids);
    expect(run.events.map((e) => [e.position, e.event.id])).toEqual(ids.map((id, i) => [seqs[i], `${id}:1`]));
    expect(seqs.map(BigInt)).toEqual([...seqs.map(BigInt)].sort((a, b) => (a < b ? -1 : 1)));
    head.onModuleDestroy();
  });

  it('waits without querying the versions while nothing is recorded, and keeps the connection alive', async () => {
    const { stories, head, service } = setup();
    const [from] = await positions(stories, await commit(1));
    const run = collect(service, from, (_events, keepAlives) => keepAlives === 2);
    await run.done;
    // One query at the start and one after each keep-alive, not one per poll.
    expect(stories.queries).toBeLessThanOrEqual(3);
    expect(run.events).toEqual([]);
    head.onModuleDestroy();
  });

  it('ends every open stream when the service shuts down', async () => {
    const { head, service } = setup();
    const run = collect(service, await service.start(), () => false);
    service.beforeApplicationShutdown();
    await run.done;
    expect(run.events).toEqual([]);
    head.onModuleDestroy();
  });

  it('sends a withheld or canceled version to a reader without the right as a notice without its copy, and whole to one with it', async () => {
    const { head, service } = setup();
    const from = String((await model.dataSource.query('SELECT seq FROM publish.stream_position'))[0].seq);
    const usable = storyVersion({ headline: 'Story one' });
    const withheld = storyVersion({ pubStatus: 'withheld' });
    const canceled = storyVersion({ pubStatus: 'canceled' });
    for (const v of [usable, withheld, canceled]) await model.record([v]);
    const mine = (events: StreamEvent[]) => events.filter((e) => [usable, withheld, canceled].some((v) => e.event.subject === v.storyId));
    const released = collect(service, from, (events) => mine(events).length === 3, 'released');
    const all = collect(service, from, (events) => mine(events).length === 3, 'all');
    await Promise.all([released.done, all.done]);
    const [first, ...notices] = mine(released.events);
    expect(first.event.data).toMatchObject({ headlines: [{ role: 'main', value: 'Story one' }] });
    expect(notices.map((e) => Object.keys(e.event.data).sort())).toEqual([
      ['pubStatus', 'type', 'uri', 'version', 'versionCreated'],
      ['pubStatus', 'type', 'uri', 'version', 'versionCreated'],
    ]);
    expect(notices.map((e) => (e.event.data as { pubStatus: string }).pubStatus)).toEqual(['withheld', 'canceled']);
    expect(mine(released.events).map((e) => [e.position, e.event.id])).toEqual(mine(all.events).map((e) => [e.position, e.event.id]));
    expect(mine(all.events)[2].event.data).toMatchObject({ pubStatus: 'canceled', bodies: expect.any(Array) });
    head.onModuleDestroy();
  });
});
