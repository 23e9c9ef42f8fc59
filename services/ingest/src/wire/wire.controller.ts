import { Controller, Headers, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedRequest, BearerAuthGuard } from '../sources/bearer-auth.guard';
import { readWireRequest } from './wire-request';
import { Accepted, WireService } from './wire.service';

@Controller('v1/wire')
@UseGuards(BearerAuthGuard)
export class WireController {
  constructor(private readonly wire: WireService) {}

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
    const request = readWireRequest({ contentType, capturedAt, idempotencyKey, traceparent, tracestate });
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const accepted = await this.wire.submit(req.source, request, body);
    if (accepted.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return accepted;
  }
}
