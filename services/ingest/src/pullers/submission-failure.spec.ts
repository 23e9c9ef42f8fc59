import { ApiError } from '@copydesk/observability';
import { IngestErrorCode } from '../wire/ingest-error-code';
import { submissionFailure } from './submission-failure';

describe('submissionFailure', () => {
  it('takes refused copy for a permanent failure', () => {
    expect(submissionFailure(new ApiError(400, IngestErrorCode.EmptyBody, 'the request body is empty'))).toEqual({
      code: 'EMPTY_BODY',
      message: 'the request body is empty',
      permanent: true,
      retryAfterSeconds: undefined,
    });
  });

  it('keeps the copy to try again when the broker or the database failed, or the same copy is still in progress', () => {
    const broker = submissionFailure(new ApiError(503, IngestErrorCode.BrokerUnavailable, 'no ack', [], { 'Retry-After': '1' }));
    expect(broker).toMatchObject({ code: 'BROKER_UNAVAILABLE', permanent: false, retryAfterSeconds: 1 });
    expect(submissionFailure(new ApiError(409, IngestErrorCode.IdempotencyKeyInProgress, 'in progress')).permanent).toBe(false);
    expect(submissionFailure(new ApiError(503, IngestErrorCode.DatabaseUnavailable, 'down')).permanent).toBe(false);
  });

  it('takes an error that is no ApiError for an infrastructure failure', () => {
    expect(submissionFailure(new Error('connection terminated'))).toEqual({ code: 'DATABASE_UNAVAILABLE', message: 'connection terminated', permanent: false });
  });
});
