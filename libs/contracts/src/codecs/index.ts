export * from './kafka-record';
export * from './json-value';
export * from './topic-codec';
export * from './json-topic.codec';
export * from './raw-submission.codec';
export * from './story-event.codec';
export * from './dead-letter.codec';
export * from './topic-codecs';
