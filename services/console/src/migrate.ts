import 'reflect-metadata';
import { loadConfig } from '@copydesk/config';
import { runMigrations } from '@copydesk/database';
import { ConsoleConfig } from './config/console.config';
import { CONSOLE_SCHEMA, createConsoleDataSource } from './database/console-data-source';

runMigrations(CONSOLE_SCHEMA, () => createConsoleDataSource(loadConfig(ConsoleConfig).DATABASE_URL, 1)).catch(() => process.exit(1));
