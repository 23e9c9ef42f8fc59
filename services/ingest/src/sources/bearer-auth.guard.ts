import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ApiError } from '@copydesk/observability';
import { IngestErrorCode } from '../wire/ingest-error-code';
import { Source, SourcesService } from './sources.service';

export interface AuthenticatedRequest extends Request {
  source: Source;
}

/** `Authorization: Bearer <apiKey>` → the request's source, or 401. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(private readonly sources: SourcesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      throw new ApiError(401, IngestErrorCode.Unauthorized, 'send the source API key as "Authorization: Bearer <apiKey>"');
    }
    const source = await this.sources.authenticate(match[1]);
    if (!source) throw new ApiError(401, IngestErrorCode.Unauthorized, 'the API key is not valid');
    request.source = source;
    return true;
  }
}
