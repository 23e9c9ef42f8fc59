// Helpers for tests against the real broker; never imported by production code.
export * from './topic-reader';
export * from './topics';
