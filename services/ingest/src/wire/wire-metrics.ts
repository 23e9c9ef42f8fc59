import type { NextFunction, Request, Response } from 'express';
import { answeredErrorCode, counter, MetricFamilies, nameRoute } from '@copydesk/observability';
import { AuthenticatedRequest } from '../sources/bearer-auth.guard';

const accepted = counter(MetricFamilies.ingestAccepted);
const refused = counter(MetricFamilies.ingestRefused);

const WIRE_ROUTE = '/v1/wire';

/** The source label before the API key is known (a refused key, an overloaded moment). */
export const UNKNOWN_SOURCE = 'unknown';

/** A submission of `sourceId` was accepted: the broker acknowledged it. */
export function countAccepted(sourceId: string): void {
  accepted.inc({ source: sourceId });
}

/**
 * Mounted on `/v1/wire` ahead of the admission: every answer there that is an error counts as a
 * refusal, by the code of its JSON error body (whichever part refused it: admission, guard,
 * body limit, the service) and its source, once the key has named one.
 */
export function countRefusals(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'POST') return next();
  nameRoute(res, WIRE_ROUTE);
  res.once('finish', () => {
    if (res.statusCode < 400) return;
    const source = (req as Partial<AuthenticatedRequest>).source?.id ?? UNKNOWN_SOURCE;
    refused.inc({ code: answeredErrorCode(res) ?? `HTTP_${res.statusCode}`, source });
  });
  next();
}
