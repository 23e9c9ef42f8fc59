import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import express from 'express';

export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Copydesk console API')
    .setDescription(
      'What the operators’ console shows and does: the pipeline, topics, consumer groups, messages, dead letters and their replay, story lineage, sources, alerts, users and the audit. ' +
        'Log in with `POST /api/session`: it sets an HttpOnly, SameSite=Strict session cookie and answers a CSRF token, which every write sends as `X-CSRF-Token` (writes are JSON). ' +
        'Roles: a viewer reads, an operator also replays and resets offsets, an admin also manages sources, users and alerts. Every write is recorded in the audit. ' +
        'Errors answer with `{ "error": code, "message": text, "details": [...] }`.',
    )
    .setVersion('1')
    .addCookieAuth('copydesk_session')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** The document at /api/openapi.json (no browsable UI: its inline scripts would break the page’s Content-Security-Policy). */
export function mountApiDocs(app: INestApplication): void {
  let document: OpenAPIObject | undefined;
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.get('/api/openapi.json', (_req: Request, res: Response) => {
    document ??= buildApiDocument(app);
    res.json(document);
  });
}
