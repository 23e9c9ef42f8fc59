import { Controller, Headers, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { requestTraceContext } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { AuthenticatedRequest, BearerAuthGuard } from '../sources/bearer-auth.guard';
import { CapturedAtBounds, readWireRequest } from './wire-request';
import { Accepted, WireService } from './wire.service';

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
