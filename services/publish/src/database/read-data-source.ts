import { Inject } from '@nestjs/common';

/**
 * The injection token of the read pool: a small pool of its own for the stories API, the SSE
 * stream and key look-ups, so readers (many SSE clients catching up, say) queue for its few
 * connections and never for the ones the consumer, the outbox relay and the embargo release
 * write with (TypeORM's `DataSource`).
 */
export const READ_DATA_SOURCE = 'PUBLISH_READ_DATA_SOURCE';

/** Injects the read pool's `DataSource`. */
export const InjectReadDataSource = (): ParameterDecorator => Inject(READ_DATA_SOURCE);

/** The `application_name` of the read pool's connections. */
export const READ_POOL_APPLICATION_NAME = 'copydesk-publish-read';
