import { Injectable, Logger } from '@nestjs/common';
import { DeadLetterReplayer, KafkaPublisher, OffsetReader, ReplayResult } from '@copydesk/kafka';
import { DeadLetterEntry } from './dead-letter.store';
import { ReplaysRepository } from './replays.repository';

export type { ReplayResult } from '@copydesk/kafka';

/** Replays dead letters to their original topics, each at most once (console.replays), each recorded with its result. */
@Injectable()
export class ReplayService {
  private readonly logger = new Logger(ReplayService.name);
  private readonly replayer: DeadLetterReplayer;

  constructor(reader: OffsetReader, publisher: KafkaPublisher, replays: ReplaysRepository) {
    this.replayer = new DeadLetterReplayer(reader, publisher, replays, (l, error) =>
      this.logger.warn({ msg: 'replay failed', partition: l.partition, offset: l.offset, error }),
    );
  }

  replay(letters: DeadLetterEntry[], username: string): Promise<ReplayResult[]> {
    return this.replayer.replay(letters, username);
  }
}
