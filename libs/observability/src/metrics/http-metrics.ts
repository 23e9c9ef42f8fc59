import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricFamilies } from './metric-families';
import { collectProcessMetrics, counter, histogram, metricsExposition, secondsSince } from './metrics-registry';

const requests = counter(MetricFamilies.httpRequests);
const durations = histogram(MetricFamilies.httpRequestDuration);

export const METRICS_PATH = '/metrics';
/** The route label of a request no route took (a 404, a static file). */
export const UNMATCHED_ROUTE = 'unmatched';

const ROUTE_LOCAL = 'copydeskMetricsRoute';

/**
 * Names the route of a request a middleware may answer before routing (ingest's admission
 * refusing on `/v1/wire`): a constant the middleware knows, never taken from the URL.
 */
export function nameRoute(res: Response, route: string): void {
  res.locals[ROUTE_LOCAL] = route;
}

/**
 * The route pattern that answered (`/v1/stories/:id`), never the raw URL, so the label stays
 * bounded whatever clients send; else the route a middleware named (`nameRoute`); else `unmatched`.
 */
export function routeOf(req: Pick<Request, 'baseUrl'> & { route?: { path?: unknown } }, res?: Pick<Response, 'locals'>): string {
  const path = req.route?.path;
  if (typeof path === 'string') return `${req.baseUrl ?? ''}${path}` || '/';
  const named: unknown = res?.locals?.[ROUTE_LOCAL];
  return typeof named === 'string' ? named : UNMATCHED_ROUTE;
}

/** Counts and times every request, labelled when its connection closes (an SSE stream when it ends). */
export function httpMetricsMiddleware(req: Request, res: Response, next: NextFunction): void {
  const start = performance.now();
  res.once('close', () => {
    const route = routeOf(req, res);
    const status = String(res.statusCode);
    requests.labels(req.method, route, status).inc();
    durations.labels(req.method, route, status).observe(secondsSince(start));
  });
  next();
}

/** `GET /metrics`: the Prometheus text exposition of the process's registry. */
export async function metricsEndpoint(req: Request, res: Response, next: NextFunction): Promise<void> {
  if (req.path !== METRICS_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
  nameRoute(res, METRICS_PATH);
  try {
    const { contentType, body } = await metricsExposition();
    res.setHeader('Content-Type', contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).end(req.method === 'HEAD' ? undefined : body);
  } catch (e) {
    next(e);
  }
}

/**
 * Every service's metrics: process metrics, HTTP request metrics, and `GET /metrics`, ahead
 * of the app's own routes and middleware (so no guard of the app stands in front of it, as
 * for health).
 */
export function installMetrics(app: INestApplication): void {
  collectProcessMetrics();
  app.use(httpMetricsMiddleware);
  app.use(metricsEndpoint);
}
