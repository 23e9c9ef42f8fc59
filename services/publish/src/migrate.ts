import 'reflect-metadata';
import { loadConfig } from '@copydesk/config';
import { runMigrations } from '@copydesk/database';
import { PublishConfig } from './config/publish.config';
import { createPublishDataSource, PUBLISH_SCHEMA } from './database/publish-data-source';

runMigrations(PUBLISH_SCHEMA, () => createPublishDataSource(loadConfig(PublishConfig).DATABASE_URL)).catch(() => process.exit(1));
