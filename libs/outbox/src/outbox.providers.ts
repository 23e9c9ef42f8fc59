import { Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KafkaPublisher, TopicTailReader } from '@copydesk/kafka';
import { ShutdownPhase, ShutdownSequence } from '@copydesk/observability';
import { watchOutbox } from './outbox-metrics';
import { OutboxRelay, OutboxRelayOptions } from './outbox-relay';
import { OutboxMessage, SqlOutboxStore } from './sql-outbox.store';

/**
 * What a service writes through: messages added in the caller's transaction, sent after it
 * commits, or from a message's `notBefore` on.
 */
export abstract class Outbox {
  abstract enqueue(manager: EntityManager, messages: OutboxMessage[]): Promise<void>;
}

/**
 * Starts the relay once the app has initialised (its shutdown is registered with the
 * `ShutdownSequence`), and reports the outbox's depth and age to the metrics while the app runs.
 */
@Injectable()
class OutboxRelayStarter implements OnApplicationBootstrap, OnApplicationShutdown {
  private unwatch: (() => void) | undefined;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly store: SqlOutboxStore,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    this.unwatch = watchOutbox(this.store);
    return this.relay.start();
  }

  onApplicationShutdown(): void {
    this.unwatch?.();
  }
}

/**
 * A service's outbox: the store over `<schema>.outbox`, offered to the service as `Outbox`,
 * and its relay, started after the app has initialised and drained during shutdown, after the
 * consumers stopped and before the producers close. Needs the service's `DataSource`,
 * `KafkaPublisher` and `TopicTailReader` (from `kafkaProviders`).
 */
export function outboxProviders(schema: string, options: OutboxRelayOptions = {}): Provider[] {
  return [
    {
      provide: SqlOutboxStore,
      inject: [DataSource, TopicTailReader],
      useFactory: (ds: DataSource, tail: TopicTailReader) => new SqlOutboxStore(ds, schema, tail),
    },
    { provide: Outbox, useExisting: SqlOutboxStore },
    {
      provide: OutboxRelay,
      inject: [SqlOutboxStore, KafkaPublisher, ShutdownSequence],
      useFactory: (store: SqlOutboxStore, publisher: KafkaPublisher, shutdown: ShutdownSequence) => {
        const relay = new OutboxRelay(store, publisher, options);
        shutdown.register(ShutdownPhase.Relays, `outbox relay (${schema})`, () => relay.drainAndStop());
        return relay;
      },
    },
    OutboxRelayStarter,
  ];
}
