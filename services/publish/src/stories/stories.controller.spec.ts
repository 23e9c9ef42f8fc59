import { loadConfig } from '@copydesk/config';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { PublishConfig } from '../config/publish.config';
import { Reader } from '../consumers/reader';
import { NinjsDocument } from '../events/ninjs.mapper';
import { StoriesController } from './stories.controller';
import { StoriesRepository, StoryRow } from './stories.repository';
import { StoryViewFactory } from './story-view.factory';

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

/** The read model as the controller sees it, holding one story. */
class OneStory extends StoriesRepository {
  constructor(private readonly row: StoryRow) {
    super(undefined as unknown as DataSource);
  }
  override async findStory(id: string): Promise<StoryRow | null> {
    return id === this.row.id ? this.row : null;
  }
  override async listStories(): Promise<StoryRow[]> {
    return [this.row];
  }
}

const reader: Reader = { consumer: { id: 'c-1', name: 'web desk', allStatuses: false }, address: '127.0.0.1' };

const row = (updatedAt: string, precision: StoryRow['updatedPrecision']): StoryRow => ({
  id: '3f2b1c9e-0000-4000-8000-000000000001',
  sourceId: '1a2b3c4d-0000-4000-8000-000000000003',
  currentVersion: 1,
  versionCount: 1,
  kind: 'created',
  pubStatus: 'usable',
  headline: 'Trump says US will sign Ukraine minerals deal soon',
  updatedAt: new Date(updatedAt),
  updatedPrecision: precision,
  createdAt: new Date(updatedAt),
  submissionId: '7d0c4f7e-0000-4000-8000-000000000002',
  itemIndex: 1,
  document: { uri: 'urn:copydesk:story:3f2b1c9e-0000-4000-8000-000000000001' } as NinjsDocument,
});

function controller(r: StoryRow, clock: Clock, timeZone = 'UTC'): StoriesController {
  const config = loadConfig(PublishConfig, { LABEL_TIME_ZONE: timeZone });
  return new StoriesController(new OneStory(r), new StoryViewFactory(config), clock);
}

describe('StoriesController labels', () => {
  it('renders the label at request time, so it ticks', async () => {
    const clock = new ManualClock(new Date('2025-03-21T10:00:00.400Z'));
    const c = controller(row('2025-03-21T09:59:56.000Z', 'second'), clock);
    expect((await c.get('3f2b1c9e-0000-4000-8000-000000000001', reader)).updatedLabel).toBe('Updated 4 sec ago');
    clock.advance(60_000);
    expect((await c.get('3f2b1c9e-0000-4000-8000-000000000001', reader)).updatedLabel).toBe('Updated 1 min 4 sec ago');
    clock.advance(6 * 60_000 + 31_000);
    expect((await c.list({}, reader)).items[0].updatedLabel).toBe('Updated 7 min 35 sec ago');
    clock.advance(2 * 3_600_000 - 2 * 60_000);
    expect((await c.list({}, reader)).items[0].updatedLabel).toBe('Updated 2 hr 5 min ago');
    clock.advance(22 * 3_600_000);
    expect((await c.list({}, reader)).items[0].updatedLabel).toBe('Updated 21 March 2025');
  });

  it('renders dates in the configured time zone', async () => {
    const clock = new ManualClock(new Date('2025-03-25T00:00:00Z'));
    expect((await controller(row('2025-03-21T23:30:00.000Z', 'second'), clock, 'Asia/Tokyo').list({}, reader)).items[0].updatedLabel).toBe('Updated 22 March 2025');
  });

  it('reads a day-precise time as its date, however recent', async () => {
    const clock = new ManualClock(new Date('2025-03-21T00:00:05Z'));
    expect((await controller(row('2025-03-21T00:00:00.000Z', 'day'), clock).list({}, reader)).items[0].updatedLabel).toBe('Updated 21 March 2025');
  });

  it('answers 404 with a stable code for an unknown story', async () => {
    const c = controller(row('2025-03-21T09:59:56.000Z', 'second'), new ManualClock(new Date()));
    await expect(c.get('00000000-0000-4000-8000-000000000000', reader)).rejects.toMatchObject({ status: 404, code: 'STORY_NOT_FOUND' });
  });
});
