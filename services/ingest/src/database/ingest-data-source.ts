import { createServiceDataSource } from '@copydesk/database';
import { DataSource } from 'typeorm';
import { CreateIngestSchema1764270000000 } from './migrations/1764270000000-create-ingest-schema';
import { IdempotencyClaims1796117500000 } from './migrations/1796117500000-idempotency-claims';
import { SubmissionsReceivedIndex1796117600000 } from './migrations/1796117600000-submissions-received-index';
import { Feeds1796149200000 } from './migrations/1796149200000-feeds';
import { SourceEntity } from './source.entity';
import { SubmissionEntity } from './submission.entity';

export const INGEST_SCHEMA = 'ingest';

export function createIngestDataSource(url: string): DataSource {
  return createServiceDataSource({
    url,
    schema: INGEST_SCHEMA,
    entities: [SourceEntity, SubmissionEntity],
    migrations: [CreateIngestSchema1764270000000, IdempotencyClaims1796117500000, SubmissionsReceivedIndex1796117600000, Feeds1796149200000],
  });
}
