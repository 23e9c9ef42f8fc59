export * from './topics';
export * from './headers';
export * from './canonical-item';
export * from './normalised-item';
