import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { Header } from '@copydesk/contracts';
import { untilAvailable, withLogContext } from '@copydesk/observability';
import { KafkaConnection, KafkaConnectionOptions } from '../connection/kafka-connection';
import { ConsumerRunner, ConsumerStatus } from '../consumer/consumer-runner';
import { RetryPolicy } from '../consumer/retry-policy';
import { PermanentError } from '../errors/handler-errors';
import { InboundMessage } from '../message';
import { KafkaPublisher } from '../publisher/kafka-publisher';
import { startBatchSpans, startProcessSpan } from '../tracing/message-spans';
import { KafkaBatchContext, KafkaMessageContext } from './kafka-message.context';

export interface KafkaTransportOptions {
  client: KafkaConnectionOptions;
  groupId: string;
  /** Stage name on dead letters and logs. */
  stage: string;
  /** Turns a message into the handler's payload; throw PermanentError for malformed input. */
  decode: (message: InboundMessage) => unknown;
  retry?: RetryPolicy;
  partitionsConsumedConcurrently?: number;
  /** Most messages handed to a batch handler at once. */
  maxBatchSize?: number;
  sessionTimeout?: number;
  /** Whether the stage's dependencies answer (see `ConsumerRunnerOptions.dependenciesUp`). */
  dependenciesUp?: () => Promise<boolean>;
}

/**
 * A Nest microservice transport on Copydesk's consumer runner. Handlers are ordinary
 * `@EventPattern(Topic.X)` methods: guards, interceptors and
 * exception filters apply to Kafka messages as they do to HTTP requests. What the Kafka client and
 * Nest's own Kafka transport lack — ordered commit after the handler, bounded retries,
 * dead letters — happens here, out of the services' sight.
 */
export class KafkaTransport extends Server implements CustomTransportStrategy {
  private connection: KafkaConnection | undefined;
  private runner: ConsumerRunner | undefined;
  private deadLetters: KafkaPublisher | undefined;

  constructor(private readonly options: KafkaTransportOptions) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => void): void {
    this.start().then(
      () => callback(),
      (err: unknown) => callback(err),
    );
  }

  async close(): Promise<void> {
    await this.runner?.stop();
    await this.deadLetters?.disconnect();
    this.runner = undefined;
  }

  /** The consumer's state for readiness: starting until it has joined its group, waiting while a dependency is down. */
  consumerStatus(): ConsumerStatus {
    return this.runner?.status() ?? { state: 'starting', waiting: {} };
  }

  /** A readiness check on the consumer (`HealthCheck` of @copydesk/observability). */
  healthCheck(): { name: string; check(): Promise<void> } {
    return {
      name: 'consumer',
      check: async () => {
        const status = this.consumerStatus();
        if (status.state !== 'running') throw new Error(status.reason ? `${status.state}: ${status.reason}` : status.state);
      },
    };
  }

  on(): never {
    throw new Error('KafkaTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.connection as T;
  }

  private async start(): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length === 0) throw new Error('KafkaTransport: no @EventPattern handlers registered');
    this.connection = new KafkaConnection(this.options.client);
    this.deadLetters = new KafkaPublisher(this.connection);
    await untilAvailable('kafka', () => (this.deadLetters as KafkaPublisher).connect());
    const batchTopics = topics.filter((t) => (this.getHandlerByPattern(t)?.extras as { batch?: boolean } | undefined)?.batch === true);
    this.runner = new ConsumerRunner(this.connection, {
      groupId: this.options.groupId,
      topics,
      stage: this.options.stage,
      handler: (m) => (batchTopics.includes(m.topic) ? this.dispatchBatch([m]) : this.dispatch(m)),
      batchHandler: (ms) => this.dispatchBatch(ms),
      batchTopics,
      maxBatchSize: this.options.maxBatchSize,
      sessionTimeout: this.options.sessionTimeout,
      dependenciesUp: this.options.dependenciesUp,
      deadLetters: this.deadLetters,
      retry: this.options.retry,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
    });
    const runner = this.runner;
    await untilAvailable('kafka consumer group', () => runner.start());
  }

  /** A message that cannot be decoded is a permanent failure, with the decoder's code and details (what was wrong, and where). */
  private decode(message: InboundMessage): unknown {
    try {
      return this.options.decode(message);
    } catch (e) {
      if (e instanceof PermanentError) throw e;
      const { code, details } = (e ?? {}) as { code?: unknown; details?: unknown };
      throw new PermanentError(
        typeof code === 'string' ? code : 'MALFORMED_MESSAGE',
        e instanceof Error ? e.message : String(e),
        Array.isArray(details) ? details : [],
      );
    }
  }

  /**
   * Handlers declared `@EventPattern(topic, { batch: true })` get an array of payloads (and a
   * context with every message), each decoded and validated by the topic's codec. Traced, the
   * batch has a span of its own and each message one in its own trace (see `startBatchSpans`).
   */
  private async dispatchBatch(messages: InboundMessage[]): Promise<void> {
    const handler = this.getHandlerByPattern(messages[0].topic);
    if (!handler) throw new PermanentError('NO_HANDLER', `no handler for topic ${messages[0].topic}`);
    const spans = startBatchSpans(messages, this.options.groupId);
    try {
      await spans.batch.run(async () => {
        const data = messages.map((m) => this.decode(m));
        const result = await handler(
          data,
          new KafkaBatchContext(
            [messages],
            spans.messages.map((s) => s.context),
          ),
        );
        await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
      });
      spans.end();
    } catch (e) {
      spans.end(e);
      throw e;
    }
  }

  private async dispatch(message: InboundMessage): Promise<void> {
    const handler = this.getHandlerByPattern(message.topic);
    if (!handler) throw new PermanentError('NO_HANDLER', `no handler for topic ${message.topic}`);
    const ids = {
      submissionId: message.headers[Header.SubmissionId],
      sourceId: message.headers[Header.SourceId],
      itemId: message.headers[Header.ItemId],
      storyId: message.headers[Header.StoryId],
    };
    const span = startProcessSpan(message, this.options.groupId);
    try {
      await withLogContext(ids, () =>
        span.run(async () => {
          const data = this.decode(message);
          const result = await handler(data, new KafkaMessageContext([message], span.context));
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        }),
      );
      span.end();
    } catch (e) {
      span.end(e);
      throw e;
    }
  }
}
