import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { NotificationListener } from '@copydesk/database';
import { ShutdownPhase, ShutdownSequence } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { SOURCE_CHANGES_CHANNEL } from './sources.repository';
import { SourcesService } from './sources.service';

/**
 * Hears `copydesk sources disable` and `rotate` (a NOTIFY in the transaction that made the
 * change) and drops the source's cached keys at once; after a lost connection it drops them
 * all. The cache's time limit is the safety net behind it.
 */
@Injectable()
export class SourceChangesListener implements OnApplicationBootstrap {
  private readonly logger = new Logger(SourceChangesListener.name);
  private readonly listener: NotificationListener;

  constructor(sources: SourcesService, config: IngestConfig, shutdown: ShutdownSequence) {
    this.listener = new NotificationListener(config.DATABASE_URL, SOURCE_CHANGES_CHANNEL, {
      onNotification: (sourceId) => {
        sources.forget(sourceId);
        this.logger.log({ msg: 'source changed: cached keys dropped', sourceId });
      },
      onReconnect: () => sources.forgetAll(),
    });
    shutdown.register(ShutdownPhase.Connections, 'source changes listener', () => this.listener.stop());
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }
}
