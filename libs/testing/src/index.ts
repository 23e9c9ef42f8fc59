// `@copydesk/testing`: support for the suites of every project (never imported by a service's
// or a library's own code).
export * from './time-growth';
export * from './json-refs';
