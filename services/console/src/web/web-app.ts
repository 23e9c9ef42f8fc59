import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** No inline script or style, nothing from elsewhere, never framed. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Where `npm run build` puts the page: dist/console-web, beside dist/services. */
export function webRoot(): string {
  return path.resolve(__dirname, '..', '..', '..', '..', 'console-web');
}

/**
 * Security headers on every answer, and the page itself: its built assets, and index.html for
 * every other path outside the API (the page routes by itself).
 */
export function mountWebApp(app: INestApplication, root = webRoot()): void {
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    next();
  });
  server.use('/assets', express.static(path.join(root, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  server.use((req: Request, res: Response, next: NextFunction) => {
    const isPage = req.method === 'GET' && !req.path.startsWith('/api/') && !req.path.startsWith('/health/') && req.path !== '/api';
    if (!isPage) return next();
    const index = path.join(root, 'index.html');
    if (!existsSync(index)) {
      res.status(503).json({ error: 'WEB_NOT_BUILT', message: 'the console page is not built; run npm run build', details: [] });
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
