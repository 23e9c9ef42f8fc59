import { createServiceDataSource } from '@copydesk/database';
import { DataSource } from 'typeorm';
import { CreatePublishSchema1764270200000 } from './migrations/1764270200000-create-publish-schema';
import { StreamSequenceAndRelayAttempts1764300000000 } from './migrations/1764300000000-stream-sequence-and-relay-attempts';
import { OutboxSetAside1764900000000 } from './migrations/1764900000000-outbox-set-aside';
import { Consumers1796100000000 } from './migrations/1796100000000-consumers';
import { OutboxNotBefore1796100100000 } from './migrations/1796100100000-outbox-not-before';
import { ReleaseAndStatuses1796100200000 } from './migrations/1796100200000-release-and-statuses';
import { Lz4Documents1796400200000 } from './migrations/1796400200000-lz4-documents';

export const PUBLISH_SCHEMA = 'publish';

export interface PublishDataSourceOptions {
  poolSize?: number;
  /** Shown in `pg_stat_activity`, so the pools can be told apart. */
  applicationName?: string;
}

export function createPublishDataSource(url: string, options: PublishDataSourceOptions = {}): DataSource {
  return createServiceDataSource({
    url,
    schema: PUBLISH_SCHEMA,
    entities: [],
    migrations: [
      CreatePublishSchema1764270200000,
      StreamSequenceAndRelayAttempts1764300000000,
      OutboxSetAside1764900000000,
      Consumers1796100000000,
      OutboxNotBefore1796100100000,
      ReleaseAndStatuses1796100200000,
      Lz4Documents1796400200000,
    ],
    poolSize: options.poolSize,
    applicationName: options.applicationName,
  });
}
