import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { StoryVersionMessage } from '@copydesk/contracts';
import { runMigrations } from '@copydesk/database';
import { PublishConfig } from '../src/config/publish.config';
import { createPublishDataSource, PUBLISH_SCHEMA } from '../src/database/publish-data-source';
import { eventId } from '../src/events/cloud-event';
import { toNinjs } from '../src/events/ninjs.mapper';
import { PublishRepository, versionKey } from '../src/stories/publish.repository';

/**
 * The publish read model on the real database of DATABASE_URL, for integration specs: the
 * schema as the migrations make it, and versions recorded through the real repository.
 */
export class ReadModelFixture {
  private readonly repo = new PublishRepository();
  private readonly storyIds = new Set<string>();

  private constructor(readonly dataSource: DataSource) {}

  static async open(): Promise<ReadModelFixture> {
    const url = loadConfig(PublishConfig).DATABASE_URL;
    await runMigrations(PUBLISH_SCHEMA, () => createPublishDataSource(url));
    const dataSource = createPublishDataSource(url);
    await dataSource.initialize();
    return new ReadModelFixture(dataSource);
  }

  /** Removes what this fixture recorded, then closes the pool. */
  async close(): Promise<void> {
    const ids = [...this.storyIds];
    await this.dataSource.query(`DELETE FROM publish.versions WHERE story_id = ANY($1::uuid[])`, [ids]);
    await this.dataSource.query(`DELETE FROM publish.released_stories WHERE id = ANY($1::uuid[])`, [ids]);
    await this.dataSource.query(`DELETE FROM publish.stories WHERE id = ANY($1::uuid[])`, [ids]);
    await this.dataSource.destroy();
  }

  /** Records the versions in one transaction, as publish does: each at the next stream position, with its story's row. */
  async record(versions: StoryVersionMessage[], publishedAt = new Date()): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      versions.forEach((v) => this.storyIds.add(v.storyId));
      const planned = versions.map((v) => ({ v, doc: toNinjs(v, 'urn:copydesk'), eventId: eventId(v.storyId, v.version), publishedAt, heldUntil: null }));
      const inserted = await this.repo.insertVersions(m, planned);
      const written = planned.filter((p) => inserted.has(versionKey(p.v.storyId, p.v.version)));
      await this.repo.upsertStories(m, written);
      await this.repo.releaseToStories(
        m,
        written.map((p) => p.v),
      );
    });
  }
}

export interface VersionFields {
  storyId?: string;
  sourceId?: string;
  version?: number;
  headline?: string;
  /** ISO time the story reads as updated at. */
  updatedAt?: string;
  updatedPrecision?: StoryVersionMessage['updatedPrecision'];
  itemIndex?: number;
  pubStatus?: StoryVersionMessage['item']['pubStatus'];
}

/** A `story.versions.v1` message as dedupe sends it: a new story, its version 1 unless told otherwise. */
export function storyVersion(f: VersionFields = {}): StoryVersionMessage {
  const submissionId = randomUUID();
  const updatedAt = f.updatedAt ?? '2025-03-21T10:00:00.000Z';
  const version = f.version ?? 1;
  return {
    storyId: f.storyId ?? randomUUID(),
    version,
    kind: version === 1 ? 'created' : 'updated',
    current: true,
    sourceId: f.sourceId ?? randomUUID(),
    submissionId,
    itemId: `${submissionId}:${f.itemIndex ?? 0}`,
    storyCreatedAt: updatedAt,
    decidedAt: updatedAt,
    updatedAt,
    updatedPrecision: f.updatedPrecision ?? 'second',
    match: { basis: 'none', reason: 'new story' },
    item: {
      format: 'text-page',
      wire: {},
      headline: f.headline ?? 'Wildfire forces thousands to flee homes near Athens',
      summary: [],
      body: [{ kind: 'paragraph', text: 'ATHENS: A wildfire fanned by strong winds raced through pine forests north of Athens on Sunday.' }],
      media: [],
      subjects: [],
      pubStatus: f.pubStatus ?? 'usable',
      signals: [],
      contentHash: randomUUID().replace(/-/g, '').padEnd(64, '0'),
    },
  };
}
