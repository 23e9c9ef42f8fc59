import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { toErrorBody } from '@copydesk/observability';
import { AUDIT_ACTION, ConsoleRequest } from '../auth/access.decorators';
import { AuditRepository } from './audit.repository';

const SECRET_FIELDS = /password|token|key/i;

/** The request body as recorded: secrets left out. */
export function auditDetails(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  return Object.fromEntries(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? '[hidden]' : v]));
}

/** Records every write — who, when, what, result — after it finished, failures included. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<ConsoleRequest>();
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next.handle();
    const action = this.reflector.get<string>(AUDIT_ACTION, context.getHandler()) ?? `${req.method} ${req.route?.path ?? req.path}`;
    const entry = (result: string, status: number, extra: Record<string, unknown> = {}) => ({
      username: req.operator?.username ?? (typeof req.body?.username === 'string' ? String(req.body.username) : 'anonymous'),
      action,
      target: Object.values(req.params ?? {}).join('/'),
      details: { ...auditDetails(req.body), ...extra },
      result,
      status,
    });
    return next.handle().pipe(
      mergeMap((value: unknown) => {
        // What the write answered, secrets left out, when it is small enough to keep.
        const outcome = auditDetails(value);
        const kept = JSON.stringify(outcome).length <= 8000 ? { outcome } : {};
        return from(this.audit.record(entry('ok', 200, kept)).then(() => value));
      }),
      catchError((e: unknown) => {
        const { status, body } = toErrorBody(e);
        return from(this.audit.record(entry(body.error, status)).catch((err: unknown) => this.logger.error({ msg: 'could not record a write', err }))).pipe(
          mergeMap(() => throwError(() => e)),
        );
      }),
    );
  }
}
