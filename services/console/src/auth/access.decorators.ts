import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { Operator, Role } from './role';

export const PUBLIC_ROUTE = 'console:public';
export const REQUIRED_ROLE = 'console:role';
export const AUDIT_ACTION = 'console:audit';

/** Open without a session (log-in, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The least role a route needs; reads need viewer, writes admin unless a route says otherwise. */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

/** The name a write is recorded under in the audit. */
export const Audited = (action: string) => SetMetadata(AUDIT_ACTION, action);

export type ConsoleRequest = Request & { operator?: Operator };

export const CurrentOperator = createParamDecorator((_: unknown, ctx: ExecutionContext): Operator => {
  return ctx.switchToHttp().getRequest<ConsoleRequest>().operator as Operator;
});
