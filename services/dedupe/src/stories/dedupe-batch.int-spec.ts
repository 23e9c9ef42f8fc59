import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@copydesk/config';
import { Header, NormalisedItemMessage, StoryVersionMessage } from '@copydesk/contracts';
import { runMigrations } from '@copydesk/database';
import { KafkaConnection, TopicTailReader } from '@copydesk/kafka';
import { SqlOutboxStore } from '@copydesk/outbox';
import { DedupeConfig } from '../config/dedupe.config';
import { createDedupeDataSource, DEDUPE_SCHEMA } from '../database/dedupe-data-source';
import { DedupeRepository } from './dedupe.repository';
import { DedupeService } from './dedupe.service';

jest.setTimeout(120_000);

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/copydesk';
// The service only writes to its outbox here; no relay runs, so the tail reader never connects.
const tail = new TopicTailReader(new KafkaConnection({ brokers: ['127.0.0.1:9092'], clientId: 'dedupe-outbox-writer' }));
const NOW = new Date('2025-03-21T12:00:00Z');

const FIRE = [
  'ATHENS: A wildfire fanned by strong winds raced through pine forests north of Athens on Sunday, forcing thousands of residents to flee their homes.',
  'More than 400 firefighters backed by water-dropping aircraft and helicopters battled the blaze, which broke out near the village of Varnavas.',
  'Authorities sent evacuation alerts to residents of at least a dozen settlements, and police closed several roads as smoke blanketed the suburbs.',
];
const FIRE_MORE = 'Officials said the cause of the fire was under investigation and that arson had not been ruled out by the police.';
const FIRE_LATER = 'Two villages on the coast were evacuated by sea as the flames reached the shore late on Sunday evening.';
const QUAKE = [
  'TOKYO: A strong earthquake struck off the coast of northern Japan on Monday, shaking buildings in the capital and halting bullet trains.',
  'The meteorological agency said the quake had a magnitude of 6.8 and issued a tsunami advisory for the Pacific coast of Iwate prefecture.',
  'There were no immediate reports of serious damage or injuries, the public broadcaster said, as nuclear plant operators checked their reactors.',
];

interface Draft {
  headline: string;
  paragraphs: string[];
  minute: number;
  guid?: string;
  version?: string;
  previous?: string;
}

function message(sourceId: string, d: Draft): NormalisedItemMessage {
  const submissionId = randomUUID();
  return {
    itemId: `${submissionId}:0`,
    submissionId,
    sourceId,
    itemIndex: 0,
    itemCount: 1,
    receivedAt: NOW.toISOString(),
    capturedAt: NOW.toISOString(),
    item: {
      format: d.guid ? 'newsml-g2' : 'text-page',
      wire: d.guid
        ? { guid: d.guid, ...(d.version ? { version: d.version } : {}), ...(d.previous ? { links: [{ rel: 'irel:previousVersion', guid: d.previous }] } : {}) }
        : {},
      headline: d.headline,
      summary: [],
      body: d.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
      media: [],
      subjects: [],
      language: 'en',
      pubStatus: 'usable',
      signals: [],
      sourceUpdated: { at: new Date(Date.parse('2025-03-21T09:00:00Z') + d.minute * 60_000).toISOString(), precision: 'second' },
      contentHash: createHash('sha256').update(d.paragraphs.join('\n')).digest('hex'),
    },
  };
}

/** The same copy under another source and item ids: what one-at-a-time deciding makes of it is the reference. */
function twin(msgs: NormalisedItemMessage[], sources: Map<string, string>): NormalisedItemMessage[] {
  return msgs.map((msg) => {
    if (!sources.has(msg.sourceId)) sources.set(msg.sourceId, randomUUID());
    return { ...msg, sourceId: sources.get(msg.sourceId)!, itemId: `${msg.itemId}:twin`, submissionId: randomUUID() };
  });
}

describe('DedupeService deciding a batch at once', () => {
  let ds: DataSource;
  let service: DedupeService;

  beforeAll(async () => {
    await runMigrations(DEDUPE_SCHEMA, () => createDedupeDataSource(url));
    ds = createDedupeDataSource(url);
    await ds.initialize();
    service = new DedupeService(ds, new DedupeRepository(), loadConfig(DedupeConfig, { DATABASE_URL: url }), new SqlOutboxStore(ds, DEDUPE_SCHEMA, tail));
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  const decisions = async (msgs: NormalisedItemMessage[]) =>
    (await ds.query(
      `SELECT d.item_id, d.outcome, d.story_id, d.version, d.evidence, v.is_current FROM dedupe.decisions d
         LEFT JOIN dedupe.story_versions v ON v.story_id = d.story_id AND v.version = d.version
        WHERE d.item_id = ANY($1) ORDER BY array_position($1, d.item_id)`,
      [msgs.map((m) => m.itemId)],
    )) as { item_id: string; outcome: string; story_id: string | null; version: number | null; evidence: object; is_current: boolean | null }[];

  const outboxed = async (msgs: NormalisedItemMessage[]) =>
    (
      (await ds.query(`SELECT value FROM dedupe.outbox WHERE headers->>$2 = ANY($1) ORDER BY id`, [msgs.map((m) => m.itemId), Header.ItemId])) as {
        value: Buffer;
      }[]
    ).map((r) => JSON.parse(r.value.toString()) as StoryVersionMessage);

  /** What was decided, with story ids replaced by the order in which the stories first appear. */
  const shape = async (msgs: NormalisedItemMessage[]) => {
    const stories = new Map<string, number>();
    const label = (id: string | null) => (id === null ? null : (stories.get(id) ?? stories.set(id, stories.size).get(id)));
    const rows = (await decisions(msgs)).map((d) => ({
      outcome: d.outcome,
      story: label(d.story_id),
      version: d.version,
      evidence: d.evidence,
      current: d.is_current,
    }));
    const messages = (await outboxed(msgs)).map((m) => ({ story: label(m.storyId), version: m.version, kind: m.kind, current: m.current, match: m.match }));
    return { rows, messages };
  };

  /** Decides `msgs` as one batch and, under other sources, one at a time; both must come out the same. */
  async function batchAgainstOneAtATime(msgs: NormalisedItemMessage[], stored: NormalisedItemMessage[] = []) {
    const sources = new Map<string, string>();
    const storedTwins = twin(stored, sources);
    const twins = twin(msgs, sources);
    if (stored.length > 0) await service.processBatch(stored, NOW);
    for (const msg of storedTwins) await service.process(msg, NOW);
    const outcomes = await service.processBatch(msgs, NOW);
    const reference: string[] = [];
    for (const msg of twins) reference.push(await service.process(msg, NOW));
    expect(outcomes).toEqual(reference);
    expect(await shape(msgs)).toEqual(await shape(twins));
    return outcomes;
  }

  it('matches an item against an earlier item of the same batch', async () => {
    const source = randomUUID();
    const first = message(source, { headline: 'Wildfire forces thousands to flee homes near Athens', paragraphs: FIRE, minute: 0 });
    const update = message(source, { headline: 'Wildfire forces thousands to flee homes near Athens', paragraphs: [...FIRE, FIRE_MORE], minute: 5 });
    expect(await batchAgainstOneAtATime([first, update])).toEqual(['new-story', 'new-version']);
    const [a, b] = await decisions([first, update]);
    expect(b.story_id).toBe(a.story_id);
    expect([a.version, b.version, a.is_current, b.is_current]).toEqual([1, 2, false, true]);
    expect(b.evidence).toMatchObject({ basis: 'near-duplicate', comparedVersion: 1 });
  });

  it('decides an item delivered twice in one batch once, and the whole batch delivered again not at all', async () => {
    const msg = message(randomUUID(), { headline: 'Wildfire forces thousands to flee homes near Athens', paragraphs: FIRE, minute: 0 });
    expect(await service.processBatch([msg, { ...msg }], NOW)).toEqual(['new-story', 'already-decided']);
    expect(await service.processBatch([msg, msg], NOW)).toEqual(['already-decided', 'already-decided']);
    expect(await decisions([msg])).toHaveLength(1);
    expect(await outboxed([msg])).toHaveLength(1);
    const versions = (await ds.query('SELECT count(*)::int AS n FROM dedupe.story_versions WHERE item_id = $1', [msg.itemId])) as { n: number }[];
    expect(versions[0].n).toBe(1);
  });

  it('mixes new stories, versions and duplicates of two sources in one batch as one at a time would', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const fire = { headline: 'Wildfire forces thousands to flee homes near Athens', paragraphs: FIRE };
    const quake = { headline: 'Strong earthquake shakes northern Japan', paragraphs: QUAKE };
    const msgs = [
      message(a, { ...fire, minute: 0 }),
      message(b, { ...quake, minute: 0, guid: 'urn:quake', version: '1' }),
      message(a, { ...quake, minute: 1 }),
      message(b, { ...fire, minute: 1 }),
      message(a, { ...fire, minute: 2 }),
      message(b, { ...quake, paragraphs: [...QUAKE, FIRE_LATER], minute: 3, guid: 'urn:quake', version: '2' }),
      message(a, { ...fire, paragraphs: [...FIRE, FIRE_MORE], minute: 4 }),
      message(b, { ...quake, minute: 0, guid: 'urn:quake', version: '1' }),
      message(b, { ...quake, paragraphs: [...QUAKE, FIRE_MORE], minute: 5, guid: 'urn:quake-2', previous: 'urn:quake' }),
      message(b, { ...fire, minute: 6, guid: 'urn:fire' }),
    ];
    expect(await batchAgainstOneAtATime(msgs)).toEqual([
      'new-story',
      'new-story',
      'new-story',
      'new-story',
      'duplicate',
      'new-version',
      'new-version',
      'duplicate',
      'new-version',
      'new-story',
    ]);
    const rows = await decisions(msgs);
    expect(rows[8]).toMatchObject({ story_id: rows[1].story_id, version: 3, evidence: { basis: 'wire-link' } });
    expect(rows[9].story_id).not.toBe(rows[3].story_id);
  });

  it('numbers two versions of one stored story in one batch in turn, the newer current', async () => {
    const source = randomUUID();
    const fire = { headline: 'Wildfire forces thousands to flee homes near Athens' };
    const stored = message(source, { ...fire, paragraphs: FIRE, minute: 0 });
    const newer = message(source, { ...fire, paragraphs: [...FIRE, FIRE_MORE, FIRE_LATER], minute: 20 });
    const late = message(source, { ...fire, paragraphs: [...FIRE, FIRE_MORE], minute: 10 });
    const newest = message(source, { ...fire, paragraphs: [...FIRE, FIRE_LATER], minute: 30 });
    expect(await batchAgainstOneAtATime([newer, late, newest], [stored])).toEqual(['new-version', 'new-version', 'new-version']);
    const rows = await decisions([stored, newer, late, newest]);
    expect(new Set(rows.map((r) => r.story_id)).size).toBe(1);
    expect(rows.map((r) => [r.version, r.is_current])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect((await outboxed([newer, late, newest])).map((m) => [m.version, m.current])).toEqual([
      [2, true],
      [3, false],
      [4, true],
    ]);
    const story = (await ds.query('SELECT latest_version, current_version FROM dedupe.stories WHERE id = $1', [rows[0].story_id])) as object[];
    expect(story).toEqual([{ latest_version: 4, current_version: 4 }]);
  });
});
