import { ApiProperty } from '@nestjs/swagger';
import { Accepted } from './wire.service';

/** The answer to an accepted submission (202). */
export class AcceptedDto implements Accepted {
  @ApiProperty({ format: 'uuid', description: 'The submission id: every story made from this copy names it.' }) submissionId!: string;
  @ApiProperty({ format: 'uuid', description: 'The source the API key belongs to.' }) sourceId!: string;
  @ApiProperty({ format: 'date-time', description: 'When ingest received the copy.' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', description: '`X-Captured-At`, else the receive time.' }) capturedAt!: string;
  @ApiProperty({ description: 'Bytes of the body.' }) size!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the body, lower-case hex.' }) sha256!: string;
  @ApiProperty({ description: 'True when an earlier request with the same Idempotency-Key already submitted this copy (also `Idempotent-Replayed: true`).' })
  replayed!: boolean;
}
