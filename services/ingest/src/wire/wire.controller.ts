import { Controller, Headers, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrorAnswers, requestTraceContext } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { SOURCE_KEY } from '../openapi/api-docs';
import { AuthenticatedRequest, BearerAuthGuard } from '../sources/bearer-auth.guard';
import { AcceptedDto } from './accepted.dto';
import { IngestErrorCode } from './ingest-error-code';
import { CapturedAtBounds, readWireRequest } from './wire-request';
import { Accepted, WireService } from './wire.service';

@ApiTags('wire')
@ApiBearerAuth(SOURCE_KEY)
@Controller('v1/wire')
@UseGuards(BearerAuthGuard)
export class WireController {
  private readonly capturedAtBounds: CapturedAtBounds;

  constructor(
    private readonly wire: WireService,
    config: IngestConfig,
  ) {
    this.capturedAtBounds = {
      maxAheadMs: config.INGEST_CAPTURED_AT_MAX_AHEAD_SECONDS * 1000,
      maxAgeMs: config.INGEST_CAPTURED_AT_MAX_AGE_DAYS * 86_400_000,
    };
  }

  /** Accepts copy in any format; 202 once the broker holds it. */
  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Submit wire copy',
    description:
      'The body is the copy as the newsroom system has it — a scraped page, ninjs, NITF, NewsML-G2, IPTC 7901/ANPA, RSS/Atom, e-mail — kept byte for byte; `Content-Type` (with its charset) tells the later stages how to read it. ' +
      'Answered 202 only after the broker acknowledged the raw submission: a 202 is never lost, and a 503 means nothing was accepted (send it again, best with an `Idempotency-Key`).',
  })
  @ApiConsumes('text/plain', 'text/html', 'application/json', 'application/xml', 'message/rfc822', 'application/octet-stream')
  @ApiBody({
    required: true,
    description: 'The copy, at most INGEST_MAX_BODY_BYTES (30 MiB by default); not empty.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiHeader({
    name: 'Content-Type',
    required: false,
    description: 'The media type of the copy, with its charset; `application/octet-stream` when none is sent.',
  })
  @ApiHeader({
    name: 'X-Captured-At',
    required: false,
    description:
      'When the copy was captured (ISO 8601 with a zone, e.g. `2025-03-21T10:00:00Z`); "Updated 4 sec ago" labels are read against it. Default: the receive time. At most 5 minutes ahead of it.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '1-255 visible ASCII characters, unique per submission of this source: a retry with the same key and body answers the first submission.',
  })
  @ApiHeader({ name: 'traceparent', required: false, description: 'W3C trace context, passed on with the copy.' })
  @ApiHeader({ name: 'tracestate', required: false, description: 'W3C trace context, passed on with the copy.' })
  @ApiAcceptedResponse({
    type: AcceptedDto,
    description: 'The broker holds the copy.',
    headers: {
      'Idempotent-Replayed': { description: '`true` when the answer is that of an earlier request with the same Idempotency-Key.', schema: { type: 'string' } },
    },
  })
  @ApiErrorAnswers(
    {
      status: 400,
      codes: [IngestErrorCode.EmptyBody, IngestErrorCode.InvalidCapturedAt, IngestErrorCode.InvalidIdempotencyKey],
      description: 'An empty body, or a header that is not valid',
    },
    { status: 401, codes: [IngestErrorCode.Unauthorized], description: 'No source API key, or one that is unknown or disabled' },
    {
      status: 409,
      codes: [IngestErrorCode.IdempotencyKeyReused, IngestErrorCode.IdempotencyKeyInProgress],
      description: 'The Idempotency-Key was used for a different body, or its first request is still in progress (retry after `Retry-After`)',
      retryAfter: true,
    },
    { status: 413, codes: [IngestErrorCode.PayloadTooLarge], description: 'The body is larger than INGEST_MAX_BODY_BYTES' },
    { status: 415, codes: [IngestErrorCode.InvalidContentType], description: 'Content-Type is not a media type' },
    { status: 429, codes: [IngestErrorCode.RateLimited], description: 'The source is sending faster than its rate', retryAfter: true },
    {
      status: 503,
      codes: [IngestErrorCode.Overloaded, IngestErrorCode.BrokerUnavailable, IngestErrorCode.DatabaseUnavailable],
      description: 'Too many requests in flight, or the broker or the database failed: nothing was accepted unless the message says so; retry',
      retryAfter: true,
    },
  )
  async submit(
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('content-type') contentType?: string,
    @Headers('x-captured-at') capturedAt?: string,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('traceparent') traceparent?: string,
    @Headers('tracestate') tracestate?: string,
  ): Promise<Accepted> {
    const now = new Date();
    const request = readWireRequest({ contentType, capturedAt, idempotencyKey, traceparent, tracestate }, now, this.capturedAtBounds);
    // Traced, the copy carries the request's own span (a child of its traceparent, or a new trace).
    request.trace = requestTraceContext(req) ?? request.trace;
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const accepted = await this.wire.submit(req.source, request, body, now);
    if (accepted.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return accepted;
  }
}
