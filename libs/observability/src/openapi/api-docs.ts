import { applyDecorators, INestApplication } from '@nestjs/common';
import { ApiResponse, DocumentBuilder, OpenAPIObject, SchemaObject, SwaggerModule } from '@nestjs/swagger';

/** What a service's OpenAPI document says about itself. */
export interface ApiDocumentSpec {
  title: string;
  description: string;
  /** Security schemes and anything else the builder sets. */
  configure?: (builder: DocumentBuilder) => DocumentBuilder;
  /** Named schemas the routes refer to by `#/components/schemas/<name>` (e.g. the embedded ninjs schema). */
  schemas?: Record<string, unknown>;
}

/**
 * A service's OpenAPI 3.1 document, from its controllers' decorators. 3.1 because its schemas
 * are JSON Schema 2020-12, the dialect of every Copydesk contract and of IPTC's ninjs schema.
 */
export function buildApiDocument(app: INestApplication, spec: ApiDocumentSpec): OpenAPIObject {
  let builder = new DocumentBuilder().setOpenAPIVersion('3.1.0').setTitle(spec.title).setDescription(spec.description).setVersion('1');
  if (spec.configure) builder = spec.configure(builder);
  const document = SwaggerModule.createDocument(app, builder.build());
  if (spec.schemas)
    document.components = { ...document.components, schemas: { ...document.components?.schemas, ...(spec.schemas as Record<string, SchemaObject>) } };
  return document;
}

/** Serves the document at /docs (the browsable UI), /docs-json and /docs-yaml, built at the first request. */
export function mountApiDocs(app: INestApplication, build: () => OpenAPIObject): void {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup('docs', app, () => (document ??= build()), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}

/** One error answer of a route: its status, the stable codes it may carry, and when to retry. */
export interface ApiErrorAnswer {
  status: number;
  codes: readonly string[];
  description: string;
  /** The answer carries `Retry-After` (seconds). */
  retryAfter?: boolean;
}

/** The JSON error body `{ error, message, details }`, its `error` limited to `codes`. */
export function errorBodySchema(codes: readonly string[]): SchemaObject {
  return {
    type: 'object',
    required: ['error', 'message', 'details'],
    properties: {
      error: { type: 'string', enum: [...codes], description: 'A stable code: branch on it, not on the message.' },
      message: { type: 'string', description: 'For people; may change.' },
      details: { type: 'array', items: {}, description: 'What was wrong, where the code has more to say.' },
    },
  };
}

/** Documents each error answer of a route (or of every route of a controller), with its codes. */
export function ApiErrorAnswers(...answers: ApiErrorAnswer[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...answers.map((a) =>
      ApiResponse({
        status: a.status,
        description: `${a.description} (${a.codes.map((c) => `\`${c}\``).join(', ')})`,
        schema: errorBodySchema(a.codes),
        ...(a.retryAfter ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } } } } : {}),
      }),
    ),
  );
}
