export * from './logging/json-logger';
export * from './logging/log-context';
export * from './health/health-check';
export * from './health/health.controller';
export * from './health/health-checks.provider';
export * from './errors/api-error';
export * from './errors/http-exception.filter';
export * from './bootstrap/create-http-app';
