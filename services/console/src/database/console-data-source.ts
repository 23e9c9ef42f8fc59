import { createServiceDataSource } from '@copydesk/database';
import { DataSource } from 'typeorm';
import { CreateConsoleSchema1796200000000 } from './migrations/1796200000000-create-console-schema';

export const CONSOLE_SCHEMA = 'console';

export function createConsoleDataSource(url: string, poolSize = 6): DataSource {
  return createServiceDataSource({ url, schema: CONSOLE_SCHEMA, entities: [], migrations: [CreateConsoleSchema1796200000000], poolSize });
}
