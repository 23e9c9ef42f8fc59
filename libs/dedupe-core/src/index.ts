export * from './hash';
export * from './match-text';
export * from './fingerprint';
export * from './similarity';
export * from './text-match';
export * from './version-order';
export * from './decide';
