import { MigrationInterface, QueryRunner } from 'typeorm';
import { compressWithDefault, compressWithLz4 } from '@copydesk/database';

/** The ninjs documents of the read model and the outgoing messages: LZ4 (see compressWithLz4). */
const COLUMNS = [
  ['publish.stories', 'document'],
  ['publish.released_stories', 'document'],
  ['publish.versions', 'document'],
  ['publish.outbox', 'value'],
] as const;

export class Lz4Documents1796400200000 implements MigrationInterface {
  name = 'Lz4Documents1796400200000';

  async up(q: QueryRunner): Promise<void> {
    await compressWithLz4(q, COLUMNS);
  }

  async down(q: QueryRunner): Promise<void> {
    await compressWithDefault(q, COLUMNS);
  }
}
