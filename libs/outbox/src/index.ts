export * from './sql-outbox.store';
export * from './outbox-relay';
export * from './outbox.providers';
