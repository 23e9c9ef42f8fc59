// The public entry point: ports and framework-free message shapes. No export names a type of
// the Kafka client library behind them (a spec checks the declarations), so a service can
// reach Kafka only through these.
export * from './message';
export * from './connection/kafka-connection';
export * from './errors/handler-errors';
export * from './publisher/kafka-publisher';
export * from './consumer/retry-policy';
export * from './consumer/consumer-runner';
export * from './dlq/dead-letter';
export * from './dlq/replay';
export * from './admin/kafka-admin';
export * from './admin/broker-health';
export * from './tail/topic-tail-reader';
export * from './reader/offset-reader';
export * from './subscriber/subscribe';
export * from './tracing/message-spans';
export * from './nest/kafka-message.context';
export * from './nest/kafka-exception.filter';
export * from './nest/kafka.transport';
export * from './nest/connect-kafka-consumer';
export * from './nest/kafka-handlers.decorator';
export * from './nest/kafka.providers';
export * from './nest/start-consumer-service';
