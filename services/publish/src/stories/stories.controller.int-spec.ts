import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@copydesk/config';
import { parseWire } from '@copydesk/wire-formats';
import { ReadModelFixture, storyVersion } from '../../testing/read-model';
import { Clock } from '../clock/clock';
import { PublishConfig } from '../config/publish.config';
import { Reader } from '../consumers/reader';
import { StoriesController } from './stories.controller';
import { StoriesRepository } from './stories.repository';
import { StoryViewFactory } from './story-view.factory';

jest.setTimeout(60_000);

/** IPTC's NITF sample, read in place from the shared corpus: it carries an editors' message, keywords, a place and an expiry. */
const FISHING_NITF = path.resolve(__dirname, '../../../../../shared/corpus/superdesk/nitf/nitf-fishing.xml');

/** A consumer key's reader, as the guard hands it to the controller. */
const reader: Reader = { consumer: { id: 'c-1', name: 'web desk', allStatuses: false }, address: '127.0.0.1' };

/** A clock the test moves by hand. */
class ManualClock extends Clock {
  constructor(private at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

describe('StoriesController labels, on the real read model', () => {
  let model: ReadModelFixture;

  beforeAll(async () => {
    model = await ReadModelFixture.open();
  });

  afterAll(async () => {
    await model?.close();
  });

  /** One story of a source of its own, recorded through the real repository. */
  async function story(updatedAt: string, precision: 'second' | 'day'): Promise<{ id: string; sourceId: string }> {
    const v = storyVersion({ updatedAt, updatedPrecision: precision, headline: 'Trump says US will sign Ukraine minerals deal soon', itemIndex: 1 });
    await model.record([v]);
    return { id: v.storyId, sourceId: v.sourceId };
  }

  function controller(clock: Clock, timeZone = 'UTC'): StoriesController {
    const config = loadConfig(PublishConfig, { LABEL_TIME_ZONE: timeZone });
    return new StoriesController(new StoriesRepository(model.dataSource), new StoryViewFactory(config), clock);
  }

  it('renders the label at request time, so it ticks', async () => {
    const { id, sourceId } = await story('2025-03-21T09:59:56.000Z', 'second');
    const clock = new ManualClock(new Date('2025-03-21T10:00:00.400Z'));
    const c = controller(clock);
    const first = await c.get(id, reader);
    expect(first.updatedLabel).toBe('Updated 4 sec ago');
    expect(first).toMatchObject({
      id,
      sourceId,
      version: 1,
      versionCount: 1,
      kind: 'created',
      itemIndex: 1,
      headline: 'Trump says US will sign Ukraine minerals deal soon',
    });
    clock.advance(60_000);
    expect((await c.get(id, reader)).updatedLabel).toBe('Updated 1 min 4 sec ago');
    clock.advance(6 * 60_000 + 31_000);
    const page = await c.list({ source: sourceId }, reader);
    expect(page.items.map((s) => s.id)).toEqual([id]);
    expect(page.items[0].updatedLabel).toBe('Updated 7 min 35 sec ago');
    clock.advance(2 * 3_600_000 - 2 * 60_000);
    expect((await c.list({ source: sourceId }, reader)).items[0].updatedLabel).toBe('Updated 2 hr 5 min ago');
    clock.advance(22 * 3_600_000);
    expect((await c.list({ source: sourceId }, reader)).items[0].updatedLabel).toBe('Updated 21 March 2025');
  });

  it('renders dates in the configured time zone', async () => {
    const { sourceId } = await story('2025-03-21T23:30:00.000Z', 'second');
    const clock = new ManualClock(new Date('2025-03-25T00:00:00Z'));
    expect((await controller(clock, 'Asia/Tokyo').list({ source: sourceId }, reader)).items[0].updatedLabel).toBe('Updated 22 March 2025');
  });

  it('reads a day-precise time as its date, however recent', async () => {
    const { sourceId } = await story('2025-03-21T00:00:00.000Z', 'day');
    const clock = new ManualClock(new Date('2025-03-21T00:00:05Z'));
    expect((await controller(clock).list({ source: sourceId }, reader)).items[0].updatedLabel).toBe('Updated 21 March 2025');
  });

  it('returns the editorial metadata the wire sent: slugline, editorial note, keywords, places, expiry', async () => {
    const [parsed] = parseWire({ body: readFileSync(FISHING_NITF), contentType: 'application/xml', capturedAt: new Date('2026-01-01T00:00:00Z') }).items;
    const v = storyVersion();
    // The sample is marked canceled; a reader without the all-statuses right sees only usable copy.
    await model.record([{ ...v, item: { ...parsed, pubStatus: 'usable', signals: [], wire: { ...parsed.wire, slug: 'TIDES-NORFOLK' } } }]);
    const { ninjs } = await controller(new ManualClock(new Date('2025-03-22T00:00:00Z'))).get(v.storyId, reader);
    expect(ninjs).toMatchObject({
      slugline: 'TIDES-NORFOLK',
      edNote: 'Today begins an expanded format of this popular column.',
      places: [{ name: 'Norfolk' }],
      expires: '2012-02-26T14:30:00.000Z',
    });
    expect(ninjs.subjects?.filter((subject) => subject.rel === 'keyword').map((subject) => subject.name)).toEqual(['fishing', 'lures', 'tides']);
  });

  it('answers 404 with a stable code for an unknown story', async () => {
    await story('2025-03-21T09:59:56.000Z', 'second');
    const c = controller(new ManualClock(new Date()));
    await expect(c.get(randomUUID(), reader)).rejects.toMatchObject({ status: 404, code: 'STORY_NOT_FOUND' });
  });
});
