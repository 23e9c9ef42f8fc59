import path from 'node:path';

/** The broker and database the suites run against (`npm test` sets both). */
export const ROOT = path.resolve(__dirname, '..', '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/copydesk';
export const brokers = (): string[] => KAFKA_BROKERS.split(',');
