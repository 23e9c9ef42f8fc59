import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { JsonLogger } from './json-logger';
import { withLogContext } from './log-context';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What an incoming X-Request-Id may be: 1-128 visible ASCII characters (it is echoed in a header and logged). */
const VALID_REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/** The request's id: the caller's `X-Request-Id` when it is a usable one, else a new UUID. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && VALID_REQUEST_ID.test(value) ? value : randomUUID();
}

/** Health probes and scrapes come every few seconds; their completions are not logged. */
const QUIET = /^\/(health|metrics)(\/|\?|$)/;

/**
 * Express middleware, mounted before every other: gives each request its id (answered in
 * `X-Request-Id`), puts it on every log line written while the request is handled (as
 * `requestId`, through the log context), and logs the request's completion with pino-http
 * (method, url, status, time; credentials redacted).
 */
export function requestLogging(logger: JsonLogger): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const http = pinoHttp({
    logger: logger.pino,
    genReqId: (req, res) => {
      const id = requestIdFor(req.headers[REQUEST_ID_HEADER.toLowerCase()]);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    autoLogging: { ignore: (req) => QUIET.test(req.url ?? '') },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'warn' : 'info'),
  });
  return (req, res, next) => {
    http(req, res);
    withLogContext({ requestId: String(req.id) }, next);
  };
}
