import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ApiError } from '@copydesk/observability';
import { IngestErrorCode } from '../wire/ingest-error-code';
import { bearerKeyOf } from './bearer-key';
import { Source, SourcesService } from './sources.service';

export interface AuthenticatedRequest extends Request {
  source: Source;
}

/** Why a request without a usable key is refused. */
export function unauthorized(hasKey: boolean): ApiError {
  return hasKey
    ? new ApiError(401, IngestErrorCode.Unauthorized, 'the API key is not valid')
    : new ApiError(401, IngestErrorCode.Unauthorized, 'send the source API key as "Authorization: Bearer <apiKey>"');
}

/**
 * `Authorization: Bearer <apiKey>` → the request's source, or 401. On `POST /v1/wire` the
 * admission middleware has already authenticated the request before its body was read; the
 * guard then only checks that it did.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(private readonly sources: SourcesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Partial<AuthenticatedRequest>>();
    if (request.source) return true;
    const key = bearerKeyOf(request.headers?.authorization);
    const source = key ? await this.sources.authenticate(key) : null;
    if (!source) throw unauthorized(key !== null);
    request.source = source;
    return true;
  }
}
