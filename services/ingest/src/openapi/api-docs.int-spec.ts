import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HttpExceptionFilter, withLifecycle } from '@copydesk/observability';
import { AppModule } from '../app.module';
import { IngestErrorCode } from '../wire/ingest-error-code';
import { ADMIN_TOKEN, mountApiDocs, SOURCE_KEY } from './api-docs';

jest.setTimeout(60_000);

interface Operation {
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { required?: boolean; content: Record<string, unknown> };
  responses: Record<
    string,
    { headers?: Record<string, unknown>; content?: { 'application/json'?: { schema: { properties?: { error?: { enum?: string[] } } } } } }
  >;
}

interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
}

function codesOf(op: Operation, status: number): string[] {
  return op.responses[String(status)]?.content?.['application/json']?.schema.properties?.error?.enum ?? [];
}

describe('the ingest OpenAPI document at /docs', () => {
  let app: INestApplication;
  let url: string;
  let doc: Document;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [withLifecycle(AppModule)] }).compile();
    app = moduleRef.createNestApplication({ logger: ['warn', 'error'], bodyParser: false });
    app.useGlobalFilters(new HttpExceptionFilter());
    mountApiDocs(app);
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    doc = (await (await fetch(`${url}/docs-json`)).json()) as Document;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves the browsable UI', async () => {
    const ui = await fetch(`${url}/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
  });

  it('documents POST /v1/wire: the source key, the body, its headers and every error code with its status', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes[SOURCE_KEY]).toMatchObject({ type: 'http', scheme: 'bearer' });
    const post = doc.paths['/v1/wire'].post;
    expect(post.security).toEqual([{ [SOURCE_KEY]: [] }]);
    expect(post.requestBody?.required).toBe(true);
    expect(Object.keys(post.requestBody?.content ?? {})).toEqual(expect.arrayContaining(['text/plain', 'application/json', 'application/octet-stream']));
    const headers = (post.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
    expect(headers).toEqual(expect.arrayContaining(['content-type', 'x-captured-at', 'idempotency-key', 'traceparent']));
    expect(Object.keys(post.responses['202'].headers ?? {})).toEqual(['Idempotent-Replayed']);
    expect({
      400: codesOf(post, 400),
      401: codesOf(post, 401),
      409: codesOf(post, 409),
      413: codesOf(post, 413),
      415: codesOf(post, 415),
      429: codesOf(post, 429),
      503: codesOf(post, 503),
    }).toEqual({
      400: [IngestErrorCode.EmptyBody, IngestErrorCode.InvalidCapturedAt, IngestErrorCode.InvalidIdempotencyKey],
      401: [IngestErrorCode.Unauthorized],
      409: [IngestErrorCode.IdempotencyKeyReused, IngestErrorCode.IdempotencyKeyInProgress],
      413: [IngestErrorCode.PayloadTooLarge],
      415: [IngestErrorCode.InvalidContentType],
      429: [IngestErrorCode.RateLimited],
      503: [IngestErrorCode.Overloaded, IngestErrorCode.BrokerUnavailable, IngestErrorCode.DatabaseUnavailable],
    });
    for (const status of [409, 429, 503]) expect([status, Object.keys(post.responses[status].headers ?? {})]).toEqual([status, ['Retry-After']]);
  });

  it('documents the source administration behind the admin token, and every ingest error code somewhere', () => {
    expect(doc.components.securitySchemes[ADMIN_TOKEN]).toMatchObject({ type: 'http', scheme: 'bearer' });
    const admin = [doc.paths['/admin/v1/sources'].get, doc.paths['/admin/v1/sources'].post, doc.paths['/admin/v1/sources/{ref}/rotate'].post];
    for (const op of admin) {
      expect(op.security).toEqual([{ [ADMIN_TOKEN]: [] }]);
      expect(codesOf(op, 403)).toEqual([IngestErrorCode.AdminDisabled]);
    }
    const documented = new Set(
      Object.values(doc.paths).flatMap((methods) => Object.values(methods).flatMap((op) => Object.keys(op.responses).flatMap((s) => codesOf(op, Number(s))))),
    );
    expect(Object.values(IngestErrorCode).filter((code) => !documented.has(code))).toEqual([]);
  });
});
