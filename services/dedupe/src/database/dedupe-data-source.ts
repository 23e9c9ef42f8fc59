import { createServiceDataSource } from '@copydesk/database';
import { DataSource } from 'typeorm';
import { CreateDedupeSchema1764270100000 } from './migrations/1764270100000-create-dedupe-schema';
import { CandidateIndex1764270300000 } from './migrations/1764270300000-candidate-index';
import { OutboxAttempts1764900000000 } from './migrations/1764900000000-outbox-attempts';
import { OutboxNotBefore1796100100000 } from './migrations/1796100100000-outbox-not-before';
import { RetentionIndexes1796117700000 } from './migrations/1796117700000-retention-indexes';
import { DecisionsBySubmission1796200100000 } from './migrations/1796200100000-decisions-by-submission';
import { StoryKeysByDay1796300100000 } from './migrations/1796300100000-story-keys-by-day';
import { Lz4Documents1796400100000 } from './migrations/1796400100000-lz4-documents';

export const DEDUPE_SCHEMA = 'dedupe';

/** Dedupe works in SQL through its repositories; TypeORM runs its migrations and pool. */
export function createDedupeDataSource(url: string): DataSource {
  return createServiceDataSource({
    url,
    schema: DEDUPE_SCHEMA,
    entities: [],
    migrations: [
      CreateDedupeSchema1764270100000,
      CandidateIndex1764270300000,
      OutboxAttempts1764900000000,
      OutboxNotBefore1796100100000,
      RetentionIndexes1796117700000,
      DecisionsBySubmission1796200100000,
      StoryKeysByDay1796300100000,
      Lz4Documents1796400100000,
    ],
  });
}
