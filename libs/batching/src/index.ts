export * from './coalescing-batcher';
export * from './coalescing-writer';
