// `@copydesk/wire-formats/testing`: test support for other projects' suites and benchmarks.
// Outside src/, so never part of the build or of `@copydesk/wire-formats`.
export * from './corpus-content-types';
