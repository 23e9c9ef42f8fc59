export * from './coalescing-writer';
