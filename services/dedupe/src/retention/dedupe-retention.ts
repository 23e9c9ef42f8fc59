import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Cleanup, PeriodicCleanup } from '@copydesk/database';
import { ShutdownPhase, ShutdownSequence } from '@copydesk/observability';
import { DedupeConfig } from '../config/dedupe.config';
import { decisionsOlderThan, storyKeysOlderThan } from './retention.repository';

/**
 * Removes decisions older than DEDUPE_DECISION_RETENTION_DAYS and candidate-index keys older
 * than the matching window (DEDUPE_WINDOW_HOURS), every DEDUPE_RETENTION_INTERVAL_SECONDS.
 */
@Injectable()
export class DedupeRetention implements OnApplicationBootstrap {
  readonly cleanup: Cleanup;
  private readonly periodic: PeriodicCleanup | undefined;

  constructor(dataSource: DataSource, config: DedupeConfig, shutdown: ShutdownSequence) {
    this.cleanup = new Cleanup(dataSource, [decisionsOlderThan(config.DEDUPE_DECISION_RETENTION_DAYS), storyKeysOlderThan(config.DEDUPE_WINDOW_HOURS)], {
      lockName: 'dedupe',
      batchSize: config.DEDUPE_RETENTION_BATCH_SIZE,
      maxBatchesPerRun: 1000,
    });
    if (config.DEDUPE_RETENTION_INTERVAL_SECONDS > 0) {
      const periodic = new PeriodicCleanup(this.cleanup, config.DEDUPE_RETENTION_INTERVAL_SECONDS * 1000);
      shutdown.register(ShutdownPhase.Relays, 'dedupe clean-up', () => periodic.stop());
      this.periodic = periodic;
    }
  }

  onApplicationBootstrap(): void {
    this.periodic?.start();
  }
}
