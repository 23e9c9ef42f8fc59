import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Cleanup, PeriodicCleanup } from '@copydesk/database';
import { ShutdownPhase, ShutdownSequence } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { submissionsOlderThan } from './retention.repository';

/** Removes submissions and idempotency keys older than INGEST_RETENTION_DAYS, every INGEST_RETENTION_INTERVAL_SECONDS. */
@Injectable()
export class IngestRetention implements OnApplicationBootstrap {
  readonly cleanup: Cleanup;
  private readonly periodic: PeriodicCleanup | undefined;

  constructor(dataSource: DataSource, config: IngestConfig, shutdown: ShutdownSequence) {
    this.cleanup = new Cleanup(dataSource, [submissionsOlderThan(config.INGEST_RETENTION_DAYS)], {
      lockName: 'ingest',
      batchSize: config.INGEST_RETENTION_BATCH_SIZE,
      maxBatchesPerRun: 1000,
    });
    if (config.INGEST_RETENTION_INTERVAL_SECONDS > 0) {
      const periodic = new PeriodicCleanup(this.cleanup, config.INGEST_RETENTION_INTERVAL_SECONDS * 1000);
      shutdown.register(ShutdownPhase.Relays, 'ingest clean-up', () => periodic.stop());
      this.periodic = periodic;
    }
  }

  onApplicationBootstrap(): void {
    this.periodic?.start();
  }
}
