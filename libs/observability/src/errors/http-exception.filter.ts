import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ApiError, ApiErrorBody } from './api-error';

const CODES_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Express body-parser errors carry a `type` and `status`. */
interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message?: string;
}

export function toErrorBody(exception: unknown): { status: number; body: ApiErrorBody } {
  if (exception instanceof ApiError) return { status: exception.status, body: exception.toBody() };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const raw = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
    const messages = Array.isArray(raw.message) ? (raw.message as unknown[]) : [];
    const message = messages.length > 0 ? 'request validation failed' : typeof raw.message === 'string' ? raw.message : exception.message;
    const code = messages.length > 0 ? 'VALIDATION_FAILED' : (CODES_BY_STATUS[status] ?? `HTTP_${status}`);
    return { status, body: { error: code, message, details: messages } };
  }
  const bp = exception as BodyParserError;
  if (bp && typeof bp.status === 'number' && bp.expose) {
    if (bp.type === 'entity.too.large') {
      return { status: 413, body: { error: 'PAYLOAD_TOO_LARGE', message: 'the request body exceeds the size limit', details: [] } };
    }
    return { status: bp.status, body: { error: CODES_BY_STATUS[bp.status] ?? `HTTP_${bp.status}`, message: bp.message ?? 'bad request', details: [] } };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { error: 'INTERNAL', message: 'internal error', details: [] } };
}

const ERROR_CODE_LOCAL = 'copydeskErrorCode';

/** The `error` code of the JSON error body this response was answered with, if it was (for metrics by code). */
export function answeredErrorCode(res: Response): string | undefined {
  const code: unknown = res.locals?.[ERROR_CODE_LOCAL];
  return typeof code === 'string' ? code : undefined;
}

/** Turns every error on an HTTP route into the JSON error body. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = toErrorBody(exception);
    // A deliberate ApiError answer (503 busy, database down) was logged where it was decided.
    if (status >= 500 && !(exception instanceof ApiError)) this.logger.error({ msg: 'request failed', err: exception, status, error: body.error });
    if (exception instanceof ApiError) for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    if (response.locals) response.locals[ERROR_CODE_LOCAL] = body.error;
    response.status(status).json(body);
  }
}
