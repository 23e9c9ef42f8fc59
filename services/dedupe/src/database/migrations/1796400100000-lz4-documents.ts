import { MigrationInterface, QueryRunner } from 'typeorm';
import { compressWithDefault, compressWithLz4 } from '@copydesk/database';

/** Every version keeps its item and fingerprint, every decision its evidence, every outgoing message its value: LZ4 (see compressWithLz4). */
const COLUMNS = [
  ['dedupe.story_versions', 'item'],
  ['dedupe.story_versions', 'fingerprint'],
  ['dedupe.decisions', 'evidence'],
  ['dedupe.outbox', 'value'],
] as const;

export class Lz4Documents1796400100000 implements MigrationInterface {
  name = 'Lz4Documents1796400100000';

  async up(q: QueryRunner): Promise<void> {
    await compressWithLz4(q, COLUMNS);
  }

  async down(q: QueryRunner): Promise<void> {
    await compressWithDefault(q, COLUMNS);
  }
}
