import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { IngestErrorCode } from '../wire/ingest-error-code';

/** The source administration answers only `Authorization: Bearer <INGEST_ADMIN_TOKEN>`, and nothing while no token is set. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(private readonly config: IngestConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.INGEST_ADMIN_TOKEN;
    if (!expected) throw new ApiError(403, IngestErrorCode.AdminDisabled, 'source administration is off (INGEST_ADMIN_TOKEN is not set)');
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const sent = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    const want = Buffer.from(expected);
    if (sent.length !== want.length || !timingSafeEqual(sent, want)) throw new ApiError(401, IngestErrorCode.Unauthorized, 'a valid admin token is required');
    return true;
  }
}
