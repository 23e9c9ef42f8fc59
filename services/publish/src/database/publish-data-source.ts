import { createServiceDataSource } from '@copydesk/database';
import { DataSource } from 'typeorm';
import { CreatePublishSchema1764270200000 } from './migrations/1764270200000-create-publish-schema';

export const PUBLISH_SCHEMA = 'publish';

export function createPublishDataSource(url: string): DataSource {
  return createServiceDataSource({ url, schema: PUBLISH_SCHEMA, entities: [], migrations: [CreatePublishSchema1764270200000] });
}
