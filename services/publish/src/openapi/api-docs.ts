import { INestApplication } from '@nestjs/common';
import { OpenAPIObject } from '@nestjs/swagger';
import { NinjsDocumentSchema, toJsonSchema } from '@copydesk/contracts';
import { buildApiDocument as build, mountApiDocs as mount } from '@copydesk/observability';
import { NINJS_COMPONENT } from '../stories/dto/story.dto';

/** The name of the consumer-key security scheme. */
export const CONSUMER_KEY = 'consumerKey';

/** The publish API's OpenAPI document; `ninjs` in its answers is typed by Copydesk's schema of the ninjs 3.1 it writes (`NinjsDocument`). */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  return build(app, {
    title: 'Copydesk publish API',
    description:
      'Canonical, versioned stories as IPTC ninjs 3.1, with Copydesk’s fields. Every story carries `updatedAt` and an `updatedLabel` rendered at request time. ' +
      'Errors answer with `{ "error": code, "message": text, "details": [...] }`.\n\n' +
      '**Authentication.** Send a consumer key (`copydesk consumers add NAME`) as `Authorization: Bearer <key>`; without one (unless the service allows public reading), or with a key that is unknown or disabled: 401 `UNAUTHORIZED`. ' +
      'Requests are rate-limited per key (per client address for public reading): 429 `RATE_LIMITED` with `Retry-After`.\n\n' +
      '**What a reader sees.** A key with the all-statuses right reads every version as recorded, withheld, canceled and under embargo. Every other reader (public reading too) sees a story as its latest released version, ' +
      'and a story whose latest released version is withheld or canceled as absent (404 `STORY_NOT_FOUND`, left out of lists); withheld versions are left out of a story’s history. ' +
      'A story under embargo is neither served nor streamed before its embargo time, and appears by itself then; a later version of it waits for it.\n\n' +
      '**ninjs.** `NinjsDocument` describes the subset of IPTC ninjs 3.1 that Copydesk writes; every such document is also valid against IPTC’s ninjs 3.1 schema (http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json).',
    configure: (b) => b.addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A consumer key from `copydesk consumers add NAME`.' }, CONSUMER_KEY),
    schemas: { [NINJS_COMPONENT]: toJsonSchema(NinjsDocumentSchema) },
  });
}

/** Serves the document at /docs (the browsable UI) and /docs-json (the document itself). */
export function mountApiDocs(app: INestApplication): void {
  mount(app, () => buildApiDocument(app));
}
