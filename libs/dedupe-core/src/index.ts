export * from './match-text';
export * from './decide';
