export * from './published-event';
export * from './subscribe';
export * from './stories-api';
export * from './story-stream';
