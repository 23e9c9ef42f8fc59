import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { ConsoleError, ConsoleErrorCode } from '../errors/console-error';
import { AuditRepository } from '../audit/audit.repository';
import { auditDetails } from '../audit/audit.interceptor';
import { AUDIT_ACTION, ConsoleRequest, PUBLIC_ROUTE, REQUIRED_ROLE } from './access.decorators';
import { allows, Role } from './role';
import { CSRF_HEADER, readCookie, SESSION_COOKIE } from './session-cookie';
import { UsersService } from './users.service';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A write must come from this console's own page: JSON (so a cross-site form cannot send it) and, when the browser says, from this origin. */
export function assertSameOrigin(req: ConsoleRequest): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new ConsoleError(ConsoleErrorCode.CsrfFailed, 'writes must be sent as application/json');
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    const host = req.headers.host;
    if (!host || new URL(origin).host !== host) throw new ConsoleError(ConsoleErrorCode.CsrfFailed, 'the request comes from another origin');
  } else if (origin === 'null') {
    throw new ConsoleError(ConsoleErrorCode.CsrfFailed, 'the request comes from an opaque origin');
  }
}

/**
 * Every API route: a session (the HttpOnly cookie), the role the route needs, and on every
 * write the session's CSRF token in `X-CSRF-Token` (double submit: a page of another site can
 * neither read the token nor send the cookie, which is SameSite=Strict).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersService,
    private readonly audit: AuditRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<ConsoleRequest>();
    try {
      return await this.check(context, req);
    } catch (e) {
      // A refused write is recorded too: who tried what, and why it was refused.
      if (!READS.has(req.method) && e instanceof ConsoleError) {
        await this.audit.record({
          username: req.operator?.username ?? 'anonymous',
          action: this.reflector.get<string>(AUDIT_ACTION, context.getHandler()) ?? `${req.method} ${req.path}`,
          target: Object.values(req.params ?? {}).join('/'),
          details: auditDetails(req.body),
          result: e.code,
          status: e.status,
        });
      }
      throw e;
    }
  }

  private async check(context: ExecutionContext, req: ConsoleRequest): Promise<boolean> {
    // Health answers orchestrators and the stack script, which have no session.
    if (req.method === 'GET' && req.path.startsWith('/health/')) return true;
    const write = !READS.has(req.method);
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      if (write) assertSameOrigin(req);
      return true;
    }
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const operator = token ? await this.users.session(token) : null;
    if (!operator) throw new ConsoleError(ConsoleErrorCode.Unauthorized, 'log in first');
    req.operator = operator;
    if (write) {
      assertSameOrigin(req);
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !same(sent, operator.csrfToken)) throw new ConsoleError(ConsoleErrorCode.CsrfFailed, 'missing or wrong X-CSRF-Token');
    }
    const needed: Role = this.reflector.getAllAndOverride<Role>(REQUIRED_ROLE, targets) ?? (write ? 'admin' : 'viewer');
    if (!allows(operator.role, needed))
      throw new ConsoleError(ConsoleErrorCode.Forbidden, `this needs the ${needed} role; you are ${operator.role}`, [{ needed, role: operator.role }]);
    return true;
  }
}
