import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SpanKind, startSpan, TracedSpan } from './tracing';
import { TraceContext } from './trace-context';

/** Probes and scrapes, which would only bury the requests worth a trace. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|$)/;

const spans = new WeakMap<object, TracedSpan>();

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A server span for every HTTP request (health and metrics aside), continuing the trace of the
 * request's `traceparent` header or starting one. It is named by the route once one has
 * answered (`POST /v1/wire`) and ends when the response is sent or the connection closes.
 *
 * The span is kept by request rather than made active: the body arrives in stream events,
 * which do not keep the middleware's asynchronous context, so a handler asks for it by
 * request (`requestTraceContext`).
 */
export function traceHttpRequests(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (UNTRACED_PATHS.test(req.path)) return next();
    const span = startSpan(`${req.method}`, {
      kind: SpanKind.SERVER,
      parent: { traceparent: header(req, 'traceparent'), tracestate: header(req, 'tracestate') },
      attributes: { 'http.request.method': req.method, 'url.path': req.path, 'url.scheme': req.protocol },
    });
    spans.set(req, span);
    let ended = false;
    const end = (aborted: boolean) => {
      if (ended) return;
      ended = true;
      const route = (req.route as { path?: string } | undefined)?.path;
      const status = res.statusCode;
      span.setAttributes({ 'http.response.status_code': status, ...(route ? { 'http.route': `${req.baseUrl}${route}` } : {}) });
      span.rename(route ? `${req.method} ${req.baseUrl}${route}` : req.method);
      span.end(aborted ? new Error('the connection closed before the response was sent') : status >= 500 ? new Error(`HTTP ${status}`) : undefined);
    };
    res.once('finish', () => end(false));
    res.once('close', () => end(!res.writableFinished));
    next();
  };
}

/** The trace context of the request's server span: what the work it starts hands on. Undefined when the request is not traced. */
export function requestTraceContext(req: object): TraceContext | undefined {
  return spans.get(req)?.context;
}
