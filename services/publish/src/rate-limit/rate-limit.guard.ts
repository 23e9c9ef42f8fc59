import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { ReaderRequest } from '../consumers/reader-auth.guard';
import { PublishError, PublishErrorCode } from '../errors/publish-error';
import { RateLimiter } from './rate-limiter';

/**
 * After `ReaderAuthGuard`: takes a token from the reader's bucket, or answers 429 with
 * `Retry-After` (whole seconds) and the JSON error body. Opening the SSE stream costs one token.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<ReaderRequest>();
    const taken = this.limiter.take(request.reader);
    if (taken.allowed) return true;
    const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
    http.getResponse<Response>().setHeader('Retry-After', String(seconds));
    const who = request.reader.consumer ? 'this consumer key' : 'this client address';
    throw new PublishError(429, PublishErrorCode.RateLimited, `too many requests for ${who}; retry after ${seconds} s`, [{ retryAfterSeconds: seconds }]);
  }
}
