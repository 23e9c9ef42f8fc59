import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadLetterReplays } from '@copydesk/database';

export type { ReplayRecord } from '@copydesk/database';

/** `console.replays`: one row per dead letter replayed, keyed by its place on the DLQ (shared with `copydesk dlq replay`). */
@Injectable()
export class ReplaysRepository extends DeadLetterReplays {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }
}
