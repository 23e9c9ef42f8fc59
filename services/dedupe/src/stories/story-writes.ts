import { EntityManager } from 'typeorm';
import { BatchRows, keyDayOf } from './batch-rows';
import { StoryState } from './story-state';

/** A 32-bit hash as PostgreSQL's signed integer. */
const toInt4 = (n: number) => n | 0;

/** The columns a story's decisions move on, in the order of STORY_TYPES. */
const STORY_COLUMNS = [
  'latest_version',
  'current_version',
  'current_time_at',
  'withdrawn',
  'headline_key',
  'decided_at',
  'last_seen_at',
  'keys_refreshed_at',
  'pub_status',
  'current_wire_guid',
  'current_wire_version',
  'current_format',
  'current_precision',
  'headline_match',
];
const STORY_TYPES = ['int', 'int', 'timestamptz', 'bool', 'text', 'timestamptz', 'timestamptz', 'timestamptz', 'text', 'text', 'text', 'text', 'text', 'text'];

function storyValues(stories: StoryState[]): unknown[][] {
  return [
    stories.map((s) => s.latestVersion),
    stories.map((s) => s.currentVersion),
    stories.map((s) => s.current.time),
    stories.map((s) => s.withdrawn),
    stories.map((s) => s.headlineKey),
    stories.map((s) => s.decidedAt),
    stories.map((s) => s.lastSeenAt),
    stories.map((s) => s.keysRefreshedAt),
    stories.map((s) => s.pubStatus),
    stories.map((s) => s.current.wireGuid),
    stories.map((s) => s.current.wireVersion),
    stories.map((s) => s.current.format),
    stories.map((s) => s.current.precision),
    stories.map((s) => s.headlineMatch),
  ];
}

/** `$first::type[], ...` for unnest: one array parameter a column. */
function arrays(types: string[], first: number): string {
  return types.map((t, i) => `$${first + i}::${t}[]`).join(', ');
}

/**
 * Writes what a batch decided with one statement a table, whatever the number of items:
 * new stories first (versions and wire ids refer to them), the current flags of the versions
 * the batch supersedes before the versions that supersede them, and the decisions last.
 */
export async function writeBatch(m: EntityManager, b: BatchRows): Promise<void> {
  const created = b.stories.filter((s) => s.created);
  const changed = b.stories.filter((s) => !s.created);
  if (created.length > 0) {
    const fixed = ['id', 'source_id', 'wire_guid', 'language', 'created_at', 'duplicate_count'];
    await m.query(
      `INSERT INTO dedupe.stories (${[...fixed, ...STORY_COLUMNS].join(', ')})
       SELECT * FROM unnest(${arrays(['uuid', 'uuid', 'text', 'text', 'timestamptz', 'int', ...STORY_TYPES], 1)})`,
      [
        created.map((s) => s.id),
        created.map((s) => s.sourceId),
        created.map((s) => s.wireGuid),
        created.map((s) => s.language),
        created.map((s) => s.createdAt),
        created.map((s) => s.duplicates),
        ...storyValues(created),
      ],
    );
  }
  const superseded = changed.filter((s) => s.currentMoved).map((s) => s.id);
  if (superseded.length > 0) {
    await m.query('UPDATE dedupe.story_versions SET is_current = false WHERE story_id = ANY($1::uuid[]) AND is_current', [superseded]);
  }
  if (b.versions.length > 0) {
    const vs = b.versions.map((v) => v.version);
    await m.query(
      `INSERT INTO dedupe.story_versions (story_id, version, kind, content_hash, item_id, wire_version, item_time, is_current, decided_at, item,
                                          pub_status, fingerprint, shingles)
       SELECT story_id, version, kind, content_hash, item_id, wire_version, item_time, is_current, $10::timestamptz, item::jsonb, pub_status, fingerprint::jsonb,
              shingles::integer[]
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::bool[], $9::text[],
                     $11::text[], $12::text[], $13::text[])
           AS u(story_id, version, kind, content_hash, item_id, wire_version, item_time, is_current, item, pub_status, fingerprint, shingles)`,
      [
        vs.map((v) => v.storyId),
        vs.map((v) => v.version),
        vs.map((v) => v.kind),
        vs.map((v) => v.contentHash),
        vs.map((v) => v.itemId),
        vs.map((v) => v.wireVersion),
        vs.map((v) => v.itemTime),
        b.versions.map((v) => v.stored),
        vs.map((v) => JSON.stringify(v.item)),
        b.at,
        vs.map((v) => v.item.pubStatus),
        // The shingles have a column of their own; JSON leaves out a property that is undefined.
        vs.map((v) => JSON.stringify({ ...v.fingerprint, shingles: undefined })),
        vs.map((v) => `{${v.fingerprint.shingles.map(toInt4).join(',')}}`),
      ],
    );
  }
  if (changed.length > 0) {
    await m.query(
      `UPDATE dedupe.stories s SET ${STORY_COLUMNS.map((c) => `${c} = u.${c}`).join(', ')}, duplicate_count = s.duplicate_count + u.duplicates
         FROM unnest(${arrays(['uuid', 'int', ...STORY_TYPES], 1)}) AS u(id, duplicates, ${STORY_COLUMNS.join(', ')})
        WHERE s.id = u.id`,
      [changed.map((s) => s.id), changed.map((s) => s.duplicates), ...storyValues(changed)],
    );
  }
  const keys = b.keys.flatMap((k) => k.keys.map((key) => ({ key, storyId: k.storyId })));
  if (keys.length > 0) {
    await m.query(
      `INSERT INTO dedupe.story_keys (day, key, seen_at, story_id) SELECT $4::int, k, $2::timestamptz, s FROM unnest($1::bigint[], $3::uuid[]) AS u(k, s)`,
      [keys.map((k) => k.key), b.at, keys.map((k) => k.storyId), keyDayOf(b.at)],
    );
  }
  if (b.wireIds.length > 0) {
    // An id another story holds stays with it (stories are never merged); the batch only writes ids nobody held.
    await m.query(
      `INSERT INTO dedupe.story_wire_ids (source_id, guid, story_id, via, created_at)
       SELECT source_id, guid, story_id, via, $5::timestamptz FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[]) AS u(source_id, guid, story_id, via)
       ON CONFLICT (source_id, guid) DO NOTHING`,
      [b.wireIds.map((w) => w.sourceId), b.wireIds.map((w) => w.guid), b.wireIds.map((w) => w.storyId), b.wireIds.map((w) => w.via), b.at],
    );
  }
  if (b.decisions.length > 0) {
    const ds = b.decisions;
    await m.query(
      `INSERT INTO dedupe.decisions (item_id, submission_id, source_id, outcome, story_id, version, evidence, decided_at)
       SELECT item_id, submission_id, source_id, outcome, story_id, version, evidence::jsonb, $8::timestamptz
         FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::int[], $7::text[])
           AS u(item_id, submission_id, source_id, outcome, story_id, version, evidence)`,
      [
        ds.map((d) => d.itemId),
        ds.map((d) => d.submissionId),
        ds.map((d) => d.sourceId),
        ds.map((d) => d.outcome),
        ds.map((d) => d.storyId),
        ds.map((d) => d.version),
        ds.map((d) => JSON.stringify(d.evidence)),
        b.at,
      ],
    );
  }
}
