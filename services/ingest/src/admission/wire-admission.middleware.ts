import { Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApiError } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { AuthenticatedRequest, unauthorized } from '../sources/bearer-auth.guard';
import { bearerKeyOf } from '../sources/bearer-key';
import { SourcesService } from '../sources/sources.service';
import { IngestErrorCode } from '../wire/ingest-error-code';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { SourceRateLimiter } from './source-rate-limiter';

/** A refused request announcing a body up to this size is drained after its answer and its connection kept. */
const DRAIN_BYTES = 64 * 1024;

/**
 * What `POST /v1/wire` passes before a byte of its body is read, mounted ahead of the body
 * parser: room among the requests in flight (else 503 OVERLOADED), a valid API key (else 401,
 * by the same sources cache as the guard) and the source's rate (else 429 RATE_LIMITED). A
 * refused request is answered at once; when it announces a large body its connection is
 * closed, so the body is never read. A client that sends `Expect: 100-continue` is told to
 * send its body only once the request is admitted.
 */
@Injectable()
export class WireAdmission {
  private readonly logger = new Logger(WireAdmission.name);
  private readonly inFlight: ConcurrencyLimiter;
  private readonly rate: SourceRateLimiter;

  constructor(
    private readonly sources: SourcesService,
    config: IngestConfig,
  ) {
    this.inFlight = new ConcurrencyLimiter(config.INGEST_MAX_CONCURRENT_REQUESTS);
    this.rate = new SourceRateLimiter({ perMinute: config.INGEST_SOURCE_RATE_PER_MINUTE, burst: config.INGEST_SOURCE_BURST });
  }

  /** The Express middleware. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const release = this.inFlight.tryAcquire();
    if (!release) {
      this.logger.warn({ msg: 'request refused: too many in flight', limit: this.inFlight.limit });
      return refuse(
        res,
        next,
        new ApiError(503, IngestErrorCode.Overloaded, 'too many requests are in flight; retry shortly', [{ limit: this.inFlight.limit }], {
          'Retry-After': '1',
        }),
      );
    }
    res.once('close', release);
    this.admit(req as AuthenticatedRequest).then(
      (refusal) => {
        if (refusal) return refuse(res, next, refusal);
        if (expectsContinue(req)) res.writeContinue();
        next();
      },
      (e: unknown) => refuse(res, next, e),
    );
  };

  private async admit(req: AuthenticatedRequest): Promise<ApiError | undefined> {
    const key = bearerKeyOf(req.headers.authorization);
    const source = key ? await this.sources.authenticate(key) : null;
    if (!source) return unauthorized(key !== null);
    const decision = this.rate.take(source.id);
    if (!decision.allowed) {
      this.logger.warn({ msg: 'request refused: source over its rate', sourceId: source.id, retryAfterSeconds: decision.retryAfterSeconds });
      return new ApiError(429, IngestErrorCode.RateLimited, 'this source is sending faster than its rate allows; retry later', [], {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    }
    req.source = source;
    return undefined;
  }
}

/**
 * Lets the admission answer `Expect: 100-continue` on `/v1/wire` (the server would send
 * 100 Continue before any middleware runs); other paths are told to continue at once.
 */
export function continueAfterAdmission(server: Server): void {
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!/^\/v1\/wire(?:[/?]|$)/.test(req.url ?? '')) res.writeContinue();
    server.emit('request', req, res);
  });
}

function expectsContinue(req: Request): boolean {
  return /100-continue/i.test(req.headers.expect ?? '');
}

/**
 * Answers through the JSON error filter. A small body that follows is drained after the
 * answer, keeping the connection; a large one, one of unknown length, or one the client holds
 * back until 100 Continue is never read: the connection closes after the answer.
 */
function refuse(res: Response, next: NextFunction, error: unknown): void {
  const req = res.req;
  const length = Number(req.headers['content-length'] ?? NaN);
  const small = Number.isFinite(length) ? length <= DRAIN_BYTES : req.headers['transfer-encoding'] === undefined;
  if (!small || expectsContinue(req)) res.setHeader('Connection', 'close');
  next(error);
}
