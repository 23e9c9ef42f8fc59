import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PubStatus, TimePrecision, WireFormat } from '@copydesk/contracts';
import { TextFingerprint } from '@copydesk/dedupe-core';
import { BatchRows, CANDIDATE_LIMIT, COMPARED_VERSIONS, keyDaysBetween } from './batch-rows';
import { StoryState } from './story-state';
import { writeBatch } from './story-writes';

interface StoryRow {
  id: string;
  source_id: string;
  wire_guid: string | null;
  language: string | null;
  created_at: Date;
  latest_version: number;
  current_version: number;
  pub_status: PubStatus;
  withdrawn: boolean;
  current_wire_guid: string | null;
  current_wire_version: string | null;
  current_format: WireFormat;
  current_time_at: Date | null;
  current_precision: TimePrecision;
  headline_key: string;
  headline_match: string;
  decided_at: Date;
  last_seen_at: Date;
  keys_refreshed_at: Date;
  guids: string[];
  hashes: string[];
  recent: { version: number; is_current: boolean; fingerprint: Omit<TextFingerprint, 'shingles'> | null; shingles: number[] | null }[];
}

/** A wire id of a source, and the story that holds it. */
export interface WireIdHolder {
  sourceId: string;
  guid: string;
  storyId: string;
}

/** A story sharing fingerprint keys with an item, and which of the item's keys. */
export interface KeyHit {
  storyId: string;
  keys: string[];
}

/** A 32-bit hash as PostgreSQL's signed integer, and back. */
const fromInt4 = (n: number) => n >>> 0;

/**
 * Every query dedupe makes; each runs inside the caller's transaction. A batch reads with a
 * fixed number of statements whatever its size, and writes with another.
 */
@Injectable()
export class DedupeRepository {
  /** Which of the items have been decided already. */
  async decidedAmong(m: EntityManager, itemIds: string[]): Promise<Set<string>> {
    if (itemIds.length === 0) return new Set();
    const rows = (await m.query('SELECT item_id FROM dedupe.decisions WHERE item_id = ANY($1::text[])', [itemIds])) as { item_id: string }[];
    return new Set(rows.map((r) => r.item_id));
  }

  /** The stories that hold the wire ids, as their own id or as a link's target; an id nobody holds is left out. */
  async wireIdHolders(m: EntityManager, ids: { sourceId: string; guid: string }[]): Promise<WireIdHolder[]> {
    if (ids.length === 0) return [];
    const rows = (await m.query(
      `SELECT w.source_id, w.guid, w.story_id FROM unnest($1::uuid[], $2::text[]) AS q(source_id, guid)
         JOIN dedupe.story_wire_ids w ON w.source_id = q.source_id AND w.guid = q.guid`,
      [ids.map((i) => i.sourceId), ids.map((i) => i.guid)],
    )) as { source_id: string; guid: string; story_id: string }[];
    return rows.map((r) => ({ sourceId: r.source_id, guid: r.guid, storyId: r.story_id }));
  }

  /**
   * For each list of keys, the stories that share most of them within the window, most shared
   * keys first, at most CANDIDATE_LIMIT: LSH bands of body shingles and of headline and lede
   * trigrams, lede, paragraph and headline hashes. The versions of one story in a batch share
   * most of their keys, so each distinct key of the batch is looked up once in each day of the
   * window, one probe of `story_keys_day_key` each (never a scan of a day or of the table); the
   * hits are then shared out among the lists that hold the key.
   */
  async storiesByKeys(m: EntityManager, keyLists: string[][], since: Date, now: Date): Promise<KeyHit[][]> {
    const hits: KeyHit[][] = keyLists.map(() => []);
    const lists = keyLists.flatMap((keys, i) => keys.map(() => i));
    const keys = keyLists.flat();
    if (keys.length === 0) return hits;
    const rows = (await m.query(
      // One probe of the index for each key and day: the lateral subquery (kept one by OFFSET 0)
      // cannot be turned into a scan of a whole day filtered by the keys, nor of the table
      // hashed against them, which the planner picks when its statistics do not know today yet
      // or when it counts the batch's thousands of keys against a small table. The keys go in
      // index order, so consecutive probes read neighbouring pages.
      `WITH hits AS MATERIALIZED (
         SELECT DISTINCT k.key, h.story_id
           FROM unnest($6::int[]) AS d(day) CROSS JOIN (SELECT key FROM unnest($3::bigint[]) AS u(key) ORDER BY key) AS k
           CROSS JOIN LATERAL (SELECT s.story_id FROM dedupe.story_keys s WHERE s.day = d.day AND s.key = k.key AND s.seen_at >= $4 OFFSET 0) h),
       shared AS (
         SELECT q.i, h.story_id, array_agg(h.key) AS keys FROM unnest($1::int[], $2::bigint[]) AS q(i, key)
           JOIN hits h ON h.key = q.key GROUP BY q.i, h.story_id),
       ranked AS (
         SELECT i, story_id, keys, row_number() OVER (PARTITION BY i ORDER BY cardinality(keys) DESC) AS rank FROM shared)
       SELECT i, story_id, keys FROM ranked WHERE rank <= $5 ORDER BY i, rank`,
      [lists, keys, [...new Set(keys)], since, CANDIDATE_LIMIT, keyDaysBetween(since, now)],
    )) as { i: number; story_id: string; keys: string[] }[];
    for (const r of rows) hits[r.i].push({ storyId: r.story_id, keys: r.keys });
    return hits;
  }

  /** What deciding needs of each story: its row, its ids and hashes, and its newest fingerprints. */
  async loadStories(m: EntityManager, storyIds: string[]): Promise<StoryState[]> {
    if (storyIds.length === 0) return [];
    const rows = (await m.query(
      `SELECT s.id, s.source_id, s.wire_guid, s.language, s.created_at, s.latest_version, s.current_version, s.pub_status, s.withdrawn,
              s.current_wire_guid, s.current_wire_version, s.current_format, s.current_time_at, s.current_precision, s.headline_key,
              s.headline_match, s.decided_at, s.last_seen_at, s.keys_refreshed_at,
              ARRAY(SELECT w.guid FROM dedupe.story_wire_ids w WHERE w.source_id = s.source_id AND w.story_id = s.id) AS guids,
              ARRAY(SELECT v.content_hash FROM dedupe.story_versions v WHERE v.story_id = s.id) AS hashes,
              (SELECT coalesce(json_agg(r ORDER BY r.is_current DESC, r.version DESC), '[]') FROM (
                 SELECT v.version, v.is_current, v.fingerprint, v.shingles FROM dedupe.story_versions v
                  WHERE v.story_id = s.id ORDER BY v.is_current DESC, v.version DESC LIMIT $2) r) AS recent
         FROM dedupe.stories s WHERE s.id = ANY($1::uuid[])`,
      [storyIds, COMPARED_VERSIONS],
    )) as StoryRow[];
    return rows.map(stateOf);
  }

  /**
   * Locks the stories the batch changes, in id order so that two transactions cannot
   * deadlock, and answers their latest version numbers as they are under the lock.
   */
  async lockStories(m: EntityManager, storyIds: string[]): Promise<Map<string, number>> {
    if (storyIds.length === 0) return new Map();
    const rows = (await m.query('SELECT id, latest_version FROM dedupe.stories WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [storyIds])) as {
      id: string;
      latest_version: number;
    }[];
    return new Map(rows.map((r) => [r.id, r.latest_version]));
  }

  async write(m: EntityManager, rows: BatchRows): Promise<void> {
    await writeBatch(m, rows);
  }
}

function stateOf(r: StoryRow): StoryState {
  return {
    id: r.id,
    sourceId: r.source_id,
    created: false,
    touched: false,
    wireGuid: r.wire_guid,
    language: r.language,
    createdAt: r.created_at,
    latestVersion: r.latest_version,
    currentVersion: r.current_version,
    pubStatus: r.pub_status,
    withdrawn: r.withdrawn,
    current: {
      wireGuid: r.current_wire_guid,
      wireVersion: r.current_wire_version,
      format: r.current_format,
      time: r.current_time_at ? r.current_time_at.toISOString() : null,
      precision: r.current_precision,
    },
    headlineKey: r.headline_key,
    headlineMatch: r.headline_match,
    decidedAt: r.decided_at,
    lastSeenAt: r.last_seen_at,
    keysRefreshedAt: r.keys_refreshed_at,
    duplicates: 0,
    wireGuids: r.guids,
    contentHashes: r.hashes,
    recent: r.recent.map((v) => ({
      version: v.version,
      current: v.is_current,
      fingerprint: v.fingerprint ? { ...v.fingerprint, shingles: (v.shingles ?? []).map(fromInt4) } : null,
    })),
    currentMoved: false,
  };
}
