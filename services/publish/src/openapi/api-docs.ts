import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The publish API's OpenAPI document. */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Copydesk publish API')
    .setDescription(
      'Canonical, versioned stories as IPTC ninjs 3.1, with Copydesk’s fields. Every story carries `updatedAt` and an `updatedLabel` rendered at request time. ' +
        'Errors answer with `{ "error": code, "message": text, "details": [...] }`.\n\n' +
        '**Authentication.** Send a consumer key (`copydesk consumers add NAME`) as `Authorization: Bearer <key>`; without one (unless the service allows public reading), or with a key that is unknown or disabled: 401 `UNAUTHORIZED`. ' +
        'Requests are rate-limited per key (per client address for public reading): 429 `RATE_LIMITED` with `Retry-After`.\n\n' +
        '**What a reader sees.** A key with the all-statuses right reads every version as recorded, withheld, canceled and under embargo. Every other reader (public reading too) sees a story as its latest released version, ' +
        'and a story whose latest released version is withheld or canceled as absent (404 `STORY_NOT_FOUND`, left out of lists); withheld versions are left out of a story’s history. ' +
        'A story under embargo is neither served nor streamed before its embargo time, and appears by itself then; a later version of it waits for it.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A consumer key from `copydesk consumers add NAME`.' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the document at /docs (the browsable UI) and /docs-json (the document itself). */
export function mountApiDocs(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildApiDocument(app), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
