export * from './data-source.factory';
export * from './ensure-database';
export * from './database-health';
export * from './run-migrations';
export * from './advisory-lock';
export * from './data-source.provider';
export * from './notification-listener';
export * from './retention/cleanup';
