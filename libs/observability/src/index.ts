export * from './logging/json-logger';
export * from './logging/log-context';
export * from './health/health-check';
export * from './health/health.controller';
export * from './health/health.module';
export * from './errors/api-error';
export * from './errors/http-exception.filter';
