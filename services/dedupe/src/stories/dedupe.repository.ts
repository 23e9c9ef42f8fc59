import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CanonicalItem, MatchEvidence, VersionKind } from '@copydesk/contracts';
import { CandidateStory } from '@copydesk/dedupe-core';

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

/** Every query dedupe makes; each runs inside the caller's transaction. */
@Injectable()
export class DedupeRepository {
  async isDecided(m: EntityManager, itemId: string): Promise<boolean> {
    const rows: unknown[] = await m.query('SELECT 1 FROM dedupe.decisions WHERE item_id = $1', [itemId]);
    return rows.length > 0;
  }

  /** Candidates through the indexes: the same wire id, or the same headline within the window. */
  async findCandidates(m: EntityManager, sourceId: string, wireGuid: string | null, headlineKey: string, since: Date): Promise<CandidateStory[]> {
    const rows = (await m.query(
      `SELECT s.id, s.wire_guid, s.headline_key, s.current_version, s.current_time_at, s.withdrawn,
              ARRAY(SELECT v.content_hash FROM dedupe.story_versions v WHERE v.story_id = s.id) AS hashes
         FROM dedupe.stories s
        WHERE s.source_id = $1
          AND ((s.wire_guid IS NOT NULL AND s.wire_guid = $2) OR (s.headline_key = $3 AND s.created_at >= $4))
        ORDER BY (s.wire_guid IS NOT NULL AND s.wire_guid = $2) DESC, s.created_at DESC
        LIMIT 20`,
      [sourceId, wireGuid, headlineKey, since],
    )) as {
      id: string;
      wire_guid: string | null;
      headline_key: string;
      current_version: number;
      current_time_at: Date | null;
      withdrawn: boolean;
      hashes: string[];
    }[];
    return rows.map((r) => ({
      storyId: r.id,
      wireGuid: r.wire_guid,
      headlineKey: r.headline_key,
      currentVersion: r.current_version,
      contentHashes: r.hashes,
      currentTime: r.current_time_at ? r.current_time_at.toISOString() : null,
      withdrawn: r.withdrawn,
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

  async insertStory(
    m: EntityManager,
    story: { id: string; sourceId: string; wireGuid: string | null; language: string | null; headlineKey: string; itemTime: string | null; withdrawn: boolean; at: Date },
  ): Promise<void> {
    await m.query(
      `INSERT INTO dedupe.stories (id, source_id, wire_guid, language, headline_key, current_version, latest_version, current_time_at, withdrawn, created_at, decided_at)
       VALUES ($1, $2, $3, $4, $5, 1, 1, $6, $7, $8, $8)`,
      [story.id, story.sourceId, story.wireGuid, story.language, story.headlineKey, story.itemTime, story.withdrawn, story.at],
    );
  }

  async insertVersion(m: EntityManager, v: NewVersion): Promise<void> {
    await m.query(
      `INSERT INTO dedupe.story_versions (story_id, version, kind, content_hash, item_id, wire_version, item_time, is_current, decided_at, item)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`,
      [v.storyId, v.version, v.kind, v.contentHash, v.itemId, v.wireVersion, v.itemTime, v.current, v.decidedAt, JSON.stringify(v.item)],
    );
  }

  /** Moves the story on to a new version; a late older version only raises the version count. */
  async advanceStory(m: EntityManager, v: NewVersion, headlineKey: string): Promise<void> {
    if (v.current) {
      await m.query('UPDATE dedupe.story_versions SET is_current = false WHERE story_id = $1 AND is_current', [v.storyId]);
      await m.query(
        `UPDATE dedupe.stories SET latest_version = $2, current_version = $2, current_time_at = COALESCE($3, current_time_at),
                withdrawn = $4, headline_key = $5, decided_at = $6 WHERE id = $1`,
        [v.storyId, v.version, v.itemTime, v.kind === 'withdrawn', headlineKey, v.decidedAt],
      );
    } else {
      await m.query('UPDATE dedupe.stories SET latest_version = $2, decided_at = $3 WHERE id = $1', [v.storyId, v.version, v.decidedAt]);
    }
  }

  async countDuplicate(m: EntityManager, storyId: string): Promise<void> {
    await m.query('UPDATE dedupe.stories SET duplicate_count = duplicate_count + 1 WHERE id = $1', [storyId]);
  }

  async recordDecision(m: EntityManager, d: DecisionRow): Promise<void> {
    await m.query(
      `INSERT INTO dedupe.decisions (item_id, submission_id, source_id, outcome, story_id, version, evidence, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
      [d.itemId, d.submissionId, d.sourceId, d.outcome, d.storyId, d.version, JSON.stringify(d.evidence), d.decidedAt],
    );
  }
}
