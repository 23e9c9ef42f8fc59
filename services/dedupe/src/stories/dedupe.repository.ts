import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CanonicalItem, MatchEvidence, PubStatus, TimePrecision, VersionKind, WireFormat } from '@copydesk/contracts';
import { CandidateStory, TextFingerprint, VersionPosition } from '@copydesk/dedupe-core';

export interface StoryRow {
  id: string;
  createdAt: Date;
  latestVersion: number;
}

export interface NewVersion {
  storyId: string;
  version: number;
  kind: VersionKind;
  contentHash: string;
  itemId: string;
  wireVersion: string | null;
  itemTime: string | null;
  current: boolean;
  decidedAt: Date;
  item: CanonicalItem;
  position: VersionPosition;
  fingerprint: TextFingerprint;
}

export interface NewStory {
  id: string;
  sourceId: string;
  wireGuid: string | null;
  language: string | null;
  headlineKey: string;
  at: Date;
}

export interface DecisionRow {
  itemId: string;
  submissionId: string;
  sourceId: string;
  outcome: 'new-story' | 'new-version' | 'duplicate';
  storyId: string | null;
  version: number | null;
  evidence: MatchEvidence;
  decidedAt: Date;
}

/** How many stories one index lookup may return: enough for a busy event, never a scan. */
export const CANDIDATE_LIMIT = 24;
/** A story still being seen has its index keys written again after this many hours, well inside the window. */
export const KEYS_REFRESH_HOURS = 24;
/** How many of a candidate's newest versions text matching compares with. */
export const COMPARED_VERSIONS = 3;

interface CandidateRow {
  id: string;
  current_version: number;
  pub_status: PubStatus;
  withdrawn: boolean;
  current_wire_guid: string | null;
  current_wire_version: string | null;
  current_format: WireFormat;
  current_time_at: Date | null;
  current_precision: TimePrecision;
  guids: string[];
  hashes: string[];
  fingerprints: (TextFingerprint | null)[];
  shingles: (number[] | null)[];
  versions: number[];
}

/** A 32-bit hash as PostgreSQL's signed integer, and back. */
const toInt4 = (n: number) => n | 0;
const fromInt4 = (n: number) => n >>> 0;

/** Every query dedupe makes; each runs inside the caller's transaction. */
@Injectable()
export class DedupeRepository {
  async isDecided(m: EntityManager, itemId: string): Promise<boolean> {
    const rows: unknown[] = await m.query('SELECT 1 FROM dedupe.decisions WHERE item_id = $1', [itemId]);
    return rows.length > 0;
  }

  /** Stories that hold one of the wire ids, as their own id or as a link's target. */
  async storiesByWireIds(m: EntityManager, sourceId: string, guids: string[]): Promise<string[]> {
    if (guids.length === 0) return [];
    const rows = (await m.query('SELECT DISTINCT story_id FROM dedupe.story_wire_ids WHERE source_id = $1 AND guid = ANY($2::text[])', [sourceId, guids])) as {
      story_id: string;
    }[];
    return rows.map((r) => r.story_id);
  }

  /**
   * Stories that share fingerprint keys with the item within the window, most shared keys
   * first: LSH bands of body shingles and of headline and lede trigrams, lede, paragraph and
   * headline hashes. One index range scan per key, bounded by the window: never a scan of stories.
   */
  async storiesByKeys(m: EntityManager, keys: string[], since: Date): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = (await m.query(
      `SELECT story_id, count(DISTINCT key) AS hits FROM dedupe.story_keys
        WHERE key = ANY($1::bigint[]) AND seen_at >= $2
        GROUP BY story_id ORDER BY hits DESC LIMIT $3`,
      [keys, since, CANDIDATE_LIMIT],
    )) as { story_id: string }[];
    return rows.map((r) => r.story_id);
  }

  /** What the decision needs of each candidate: its ids, hashes, current position and newest fingerprints. */
  async loadCandidates(m: EntityManager, storyIds: string[]): Promise<CandidateStory[]> {
    if (storyIds.length === 0) return [];
    const rows = (await m.query(
      `SELECT s.id, s.current_version, s.pub_status, s.withdrawn, s.current_wire_guid, s.current_wire_version, s.current_format,
              s.current_time_at, s.current_precision,
              ARRAY(SELECT w.guid FROM dedupe.story_wire_ids w WHERE w.source_id = s.source_id AND w.story_id = s.id) AS guids,
              ARRAY(SELECT v.content_hash FROM dedupe.story_versions v WHERE v.story_id = s.id) AS hashes,
              ARRAY(SELECT v.fingerprint FROM dedupe.story_versions v WHERE v.story_id = s.id ORDER BY v.is_current DESC, v.version DESC LIMIT $2) AS fingerprints,
              ARRAY(SELECT array_to_json(v.shingles) FROM dedupe.story_versions v WHERE v.story_id = s.id ORDER BY v.is_current DESC, v.version DESC LIMIT $2) AS shingles,
              ARRAY(SELECT v.version FROM dedupe.story_versions v WHERE v.story_id = s.id ORDER BY v.is_current DESC, v.version DESC LIMIT $2) AS versions
         FROM dedupe.stories s WHERE s.id = ANY($1::uuid[])`,
      [storyIds, COMPARED_VERSIONS],
    )) as CandidateRow[];
    return rows.map((r) => ({
      storyId: r.id,
      wireGuids: r.guids,
      currentVersion: r.current_version,
      contentHashes: r.hashes,
      pubStatus: r.pub_status,
      withdrawn: r.withdrawn,
      current: {
        wireGuid: r.current_wire_guid,
        wireVersion: r.current_wire_version,
        format: r.current_format,
        time: r.current_time_at ? r.current_time_at.toISOString() : null,
        precision: r.current_precision,
      },
      fingerprints: r.fingerprints.flatMap((fp, i) =>
        fp ? [{ version: r.versions[i], fingerprint: { ...fp, shingles: (r.shingles[i] ?? []).map(fromInt4) } }] : [],
      ),
    }));
  }

  async lockStory(m: EntityManager, storyId: string): Promise<StoryRow> {
    const [row] = (await m.query('SELECT id, created_at, latest_version FROM dedupe.stories WHERE id = $1 FOR UPDATE', [storyId])) as {
      id: string;
      created_at: Date;
      latest_version: number;
    }[];
    return { id: row.id, createdAt: row.created_at, latestVersion: row.latest_version };
  }

  async insertStory(m: EntityManager, s: NewStory, v: NewVersion): Promise<void> {
    await m.query(
      `INSERT INTO dedupe.stories (id, source_id, wire_guid, language, headline_key, current_version, latest_version, current_time_at, withdrawn,
                                   created_at, decided_at, pub_status, current_wire_guid, current_wire_version, current_format, current_precision,
                                   headline_match, last_seen_at, keys_refreshed_at)
       VALUES ($1, $2, $3, $4, $5, 1, 1, $6, $7, $8, $8, $9, $3, $10, $11, $12, $13, $8, $8)`,
      [
        s.id,
        s.sourceId,
        s.wireGuid,
        s.language,
        s.headlineKey,
        v.position.time,
        v.kind === 'withdrawn',
        s.at,
        v.item.pubStatus,
        v.position.wireVersion,
        v.position.format,
        v.position.precision,
        v.fingerprint.headline,
      ],
    );
  }

  async insertVersion(m: EntityManager, v: NewVersion): Promise<void> {
    const { shingles, ...fingerprint } = v.fingerprint;
    await m.query(
      `INSERT INTO dedupe.story_versions (story_id, version, kind, content_hash, item_id, wire_version, item_time, is_current, decided_at, item,
                                          pub_status, fingerprint, shingles)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12::jsonb, $13::integer[])`,
      [
        v.storyId,
        v.version,
        v.kind,
        v.contentHash,
        v.itemId,
        v.wireVersion,
        v.itemTime,
        v.current,
        v.decidedAt,
        JSON.stringify(v.item),
        v.item.pubStatus,
        JSON.stringify(fingerprint),
        shingles.map(toInt4),
      ],
    );
  }

  /** Moves the story on to a new version; a version that does not become current only raises the count. */
  async advanceStory(m: EntityManager, v: NewVersion, headlineKey: string): Promise<void> {
    if (v.current) {
      await m.query('UPDATE dedupe.story_versions SET is_current = false WHERE story_id = $1 AND is_current AND version <> $2', [v.storyId, v.version]);
      await m.query(
        `UPDATE dedupe.stories SET latest_version = $2, current_version = $2, current_time_at = COALESCE($3, current_time_at),
                withdrawn = withdrawn OR $4, headline_key = $5, decided_at = $6, last_seen_at = $6, keys_refreshed_at = $6, pub_status = $7,
                current_wire_guid = $8, current_wire_version = $9, current_format = $10, current_precision = $11, headline_match = $12
          WHERE id = $1`,
        [
          v.storyId,
          v.version,
          v.position.time,
          v.kind === 'withdrawn',
          headlineKey,
          v.decidedAt,
          v.item.pubStatus,
          v.position.wireGuid,
          v.position.wireVersion,
          v.position.format,
          v.position.precision,
          v.fingerprint.headline,
        ],
      );
    } else {
      await m.query('UPDATE dedupe.stories SET latest_version = $2, decided_at = $3, last_seen_at = $3, keys_refreshed_at = $3 WHERE id = $1', [
        v.storyId,
        v.version,
        v.decidedAt,
      ]);
    }
  }

  /** Indexes a version's fingerprint keys under its story. */
  async insertKeys(m: EntityManager, storyId: string, keys: string[], at: Date): Promise<void> {
    if (keys.length === 0) return;
    await m.query(`INSERT INTO dedupe.story_keys (key, seen_at, story_id) SELECT k, $2, $3 FROM unnest($1::bigint[]) AS k`, [keys, at, storyId]);
  }

  /** Records wire ids under a story; an id another story already holds stays with it (stories are never merged). */
  async registerWireIds(m: EntityManager, sourceId: string, storyId: string, ids: { guid: string; via: 'id' | 'link' }[], at: Date): Promise<void> {
    for (const id of ids) {
      await m.query(
        `INSERT INTO dedupe.story_wire_ids (source_id, guid, story_id, via, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (source_id, guid) DO NOTHING`,
        [sourceId, id.guid, storyId, id.via, at],
      );
    }
  }

  /**
   * Counts a duplicate and keeps its story in the window; returns true when the story's
   * keys are older than KEYS_REFRESH_HOURS and should be written again under this time.
   */
  async countDuplicate(m: EntityManager, storyId: string, at: Date): Promise<boolean> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
    const [rows] = (await m.query(
      `UPDATE dedupe.stories SET duplicate_count = duplicate_count + 1, last_seen_at = GREATEST(last_seen_at, $2),
              keys_refreshed_at = CASE WHEN keys_refreshed_at < $2::timestamptz - make_interval(hours => $3) THEN $2 ELSE keys_refreshed_at END
        WHERE id = $1 RETURNING keys_refreshed_at = $2 AS refresh`,
      [storyId, at, KEYS_REFRESH_HOURS],
    )) as [{ refresh: boolean }[], number];
    return rows[0]?.refresh === true;
  }

  async recordDecision(m: EntityManager, d: DecisionRow): Promise<void> {
    await m.query(
      `INSERT INTO dedupe.decisions (item_id, submission_id, source_id, outcome, story_id, version, evidence, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
      [d.itemId, d.submissionId, d.sourceId, d.outcome, d.storyId, d.version, JSON.stringify(d.evidence), d.decidedAt],
    );
  }
}
