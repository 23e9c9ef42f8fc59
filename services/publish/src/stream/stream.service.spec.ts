import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { PublishConfig } from '../config/publish.config';
import { NinjsDocument } from '../events/ninjs.mapper';
import { StoriesRepository, StreamedVersionRow } from '../stories/stories.repository';
import { StreamHead } from './stream-head';
import { StreamEvent, StreamService } from './stream.service';

/** The versions table as the stream reads it; rows are "committed" by `commit`. */
class VersionLog extends StoriesRepository {
  private readonly rows: StreamedVersionRow[] = [];
  queries = 0;
  constructor() {
    super(undefined as unknown as DataSource);
  }
  commit(n: number, pubStatus: StreamedVersionRow['pubStatus'] = 'usable'): void {
    const at = new Date('2025-03-21T10:00:00Z');
    this.rows.push({
      pubStatus,
      storyId: `story-${n}`,
      version: 1,
      kind: 'created',
      current: true,
      eventId: `story-${n}:1`,
      updatedAt: at,
      updatedPrecision: 'second',
      publishedAt: at,
      submissionId: 'sub',
      itemIndex: 0,
      match: {},
      document: {
        uri: `urn:copydesk:story:${n}`,
        type: 'text',
        version: '1',
        versionCreated: at.toISOString(),
        pubStatus,
        headlines: [{ role: 'main', value: `Story ${n}` }],
        bodies: [{ role: 'main', contentType: 'text/plain', value: `The copy of story ${n}.` }],
      } as NinjsDocument,
      seq: String(n),
    });
  }
  override async versionsAfter(seq: string, limit: number): Promise<StreamedVersionRow[]> {
    this.queries++;
    return this.rows.filter((r) => BigInt(r.seq) > BigInt(seq)).slice(0, limit);
  }
  override async headPosition(): Promise<string> {
    return this.rows.length ? this.rows[this.rows.length - 1].seq : '0';
  }
}

function setup() {
  const config = loadConfig(PublishConfig, { STREAM_POLL_MS: '50', STREAM_HEARTBEAT_S: '1' });
  const log = new VersionLog();
  const head = new StreamHead(log, config);
  return { log, head, service: new StreamService(log, head, config) };
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

describe('StreamService', () => {
  it('sends what is there after the position, then versions recorded later by any process, in order', async () => {
    const { log, head, service } = setup();
    [1, 2, 3].forEach((n) => log.commit(n));
    const run = collect(service, '1', (events) => events.length === 4);
    // Recorded "elsewhere": no notify, the head watcher finds them.
    setTimeout(() => [4, 5].forEach((n) => log.commit(n)), 120);
    await run.done;
    expect(run.events.map((e) => [e.position, e.event.id])).toEqual([
      ['2', 'story-2:1'],
      ['3', 'story-3:1'],
      ['4', 'story-4:1'],
      ['5', 'story-5:1'],
    ]);
    head.onModuleDestroy();
  });

  it('waits without querying the versions while nothing is recorded, and keeps the connection alive', async () => {
    const { log, head, service } = setup();
    log.commit(1);
    const run = collect(service, '1', (_events, keepAlives) => keepAlives === 2);
    await run.done;
    // One query at the start and one after each keep-alive, not one per poll.
    expect(log.queries).toBeLessThanOrEqual(3);
    expect(run.events).toEqual([]);
    head.onModuleDestroy();
  });

  it('sends a withheld or canceled version to a reader without the right as a notice without its copy, and whole to one with it', async () => {
    const { log, head, service } = setup();
    log.commit(1);
    log.commit(2, 'withheld');
    log.commit(3, 'canceled');
    const released = collect(service, '0', (events) => events.length === 3, 'released');
    const all = collect(service, '0', (events) => events.length === 3, 'all');
    await Promise.all([released.done, all.done]);
    expect(released.events[0].event.data).toMatchObject({ headlines: [{ role: 'main', value: 'Story 1' }] });
    expect(released.events.slice(1).map((e) => e.event.data)).toEqual([
      { uri: 'urn:copydesk:story:2', type: 'text', version: '1', versionCreated: '2025-03-21T10:00:00.000Z', pubStatus: 'withheld' },
      { uri: 'urn:copydesk:story:3', type: 'text', version: '1', versionCreated: '2025-03-21T10:00:00.000Z', pubStatus: 'canceled' },
    ]);
    expect(released.events.map((e) => [e.position, e.event.id])).toEqual(all.events.map((e) => [e.position, e.event.id]));
    expect(all.events[2].event.data).toMatchObject({ pubStatus: 'canceled', bodies: [{ value: 'The copy of story 3.' }] });
    head.onModuleDestroy();
  });

  it('ends every open stream when the service shuts down', async () => {
    const { head, service } = setup();
    const run = collect(service, '0', () => false);
    service.beforeApplicationShutdown();
    await run.done;
    head.onModuleDestroy();
  });
});
