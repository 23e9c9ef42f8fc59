import { Global, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';

/**
 * What a service closes when it stops, in this order. Nest has already closed the consumers
 * (the Kafka transport) and the HTTP server when these run, so nothing new arrives.
 */
export enum ShutdownPhase {
  /** Outbox relays send what their outbox still holds, then stop. */
  Relays = 1,
  /** Producers flush and disconnect. */
  Producers = 2,
  /** Other broker connections (admin, health). */
  Connections = 3,
  /** The database pool, last: relays and producers may still need it. */
  Pool = 4,
  /** Spans still buffered are sent, after everything they describe has finished. */
  Telemetry = 5,
}

interface Step {
  phase: ShutdownPhase;
  name: string;
  run: () => Promise<void>;
}

/**
 * The one place that knows the shutdown order. Each part of a service registers how it closes
 * when it is created (the Kafka publisher, the outbox relay, the data source), and this runs
 * the steps phase by phase, so no AppModule spells the order out. A step that fails is logged
 * and the later ones still run.
 */
@Injectable()
export class ShutdownSequence implements OnApplicationShutdown {
  private readonly logger = new Logger(ShutdownSequence.name);
  private readonly steps: Step[] = [];
  private done: Promise<void> | undefined;

  register(phase: ShutdownPhase, name: string, run: () => Promise<void>): void {
    this.steps.push({ phase, name, run });
  }

  onApplicationShutdown(): Promise<void> {
    this.done ??= this.runAll();
    return this.done;
  }

  private async runAll(): Promise<void> {
    const ordered = [...this.steps].sort((a, b) => a.phase - b.phase);
    for (const step of ordered) {
      try {
        await step.run();
      } catch (e) {
        this.logger.error({ msg: 'shutdown step failed', step: step.name, err: e });
      }
    }
  }
}

/** Makes the service's `ShutdownSequence` available to every provider (`createHttpApp` imports it). */
@Global()
@Module({ providers: [ShutdownSequence], exports: [ShutdownSequence] })
export class LifecycleModule {}
