import { INestApplication } from '@nestjs/common';
import { OpenAPIObject } from '@nestjs/swagger';
import { buildApiDocument as build, mountApiDocs as mount } from '@copydesk/observability';

/** The name of the source-key security scheme (`POST /v1/wire`). */
export const SOURCE_KEY = 'sourceKey';
/** The name of the admin-token security scheme (`/admin/v1/sources`). */
export const ADMIN_TOKEN = 'adminToken';

/** The ingest API's OpenAPI document. */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  return build(app, {
    title: 'Copydesk ingest API',
    description:
      'Newsroom systems push wire copy here, in any format, as the raw request body: ingest keeps the bytes as sent and answers 202 only once the broker holds them (decoding is a later stage’s job). ' +
      'Errors answer with `{ "error": code, "message": text, "details": [...] }`; branch on the code.\n\n' +
      '**Authentication.** Every source has its own API key (`copydesk sources add NAME`), sent as `Authorization: Bearer <apiKey>`. ' +
      'The source administration takes the admin token instead (`INGEST_ADMIN_TOKEN`; off while it is unset).\n\n' +
      '**Limits.** Room among the requests in flight, the key and the source’s rate are checked before the body is read; a refused request with a large body has its connection closed. ' +
      'Send `Expect: 100-continue` to learn the answer before sending the body.\n\n' +
      '**Retries.** Send an `Idempotency-Key`: a retry with the same key and the same body answers the first submission (`Idempotent-Replayed: true`) instead of submitting the copy again.',
    configure: (b) =>
      b
        .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A source API key from `copydesk sources add NAME`.' }, SOURCE_KEY)
        .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The admin token (`INGEST_ADMIN_TOKEN`).' }, ADMIN_TOKEN),
  });
}

/** Serves the document at /docs (the browsable UI) and /docs-json (the document itself). */
export function mountApiDocs(app: INestApplication): void {
  mount(app, () => buildApiDocument(app));
}
