export * from './json-schema';
export * from './header-fields';
export * from './schema-validator';
