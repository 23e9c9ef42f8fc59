import 'reflect-metadata';
import { loadConfig } from '@copydesk/config';
import { runMigrations } from '@copydesk/database';
import { DedupeConfig } from './config/dedupe.config';
import { createDedupeDataSource, DEDUPE_SCHEMA } from './database/dedupe-data-source';

runMigrations(DEDUPE_SCHEMA, () => createDedupeDataSource(loadConfig(DedupeConfig).DATABASE_URL)).catch(() => process.exit(1));
