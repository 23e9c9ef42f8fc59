import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The publish API's OpenAPI document. */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Copydesk publish API')
    .setDescription(
      'Canonical, versioned stories as IPTC ninjs 3.1, with Copydesk’s fields. Every story carries `updatedAt` and an `updatedLabel` rendered at request time. ' +
        'Errors answer with `{ "error": code, "message": text, "details": [...] }`.',
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
