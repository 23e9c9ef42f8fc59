import 'reflect-metadata';
import { loadConfig } from '@copydesk/config';
import { runMigrations } from '@copydesk/database';
import { IngestConfig } from './config/ingest.config';
import { createIngestDataSource, INGEST_SCHEMA } from './database/ingest-data-source';

runMigrations(INGEST_SCHEMA, () => createIngestDataSource(loadConfig(IngestConfig).DATABASE_URL)).catch(() => process.exit(1));
