import { NinjsDocumentSchema, toJsonSchema } from '@copydesk/contracts';
import { refsOf } from '@copydesk/testing';
import { RunningPublishApp, startPublishApp } from '../testing/publish-app';
import { mountApiDocs } from './api-docs';

jest.setTimeout(60_000);

interface Document {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, { properties?: Record<string, unknown>; allOf?: unknown }> };
}

describe('the publish OpenAPI document at /docs', () => {
  let running: RunningPublishApp;
  let doc: Document;

  beforeAll(async () => {
    running = await startPublishApp(process.env, mountApiDocs);
    doc = (await (await fetch(`${running.url}/docs-json`)).json()) as Document;
  });

  afterAll(async () => {
    await running?.close();
  });

  it('declares the consumer key and asks for it on every story route, with the error answers', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.consumerKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const path of ['/v1/stories', '/v1/stories/{id}', '/v1/stories/{id}/versions', '/v1/stream']) {
      const get = doc.paths[path].get;
      expect([path, get.security]).toEqual([path, [{ consumerKey: [] }]]);
      expect([path, Object.keys(get.responses)]).toEqual([path, expect.arrayContaining(['200', '401', '429'])]);
    }
  });

  it('types ninjs by Copydesk’s own ninjs schema, with no reference leaving the document', () => {
    expect(doc.components.schemas.StoryDto.properties?.ninjs).toMatchObject({ allOf: [{ $ref: '#/components/schemas/NinjsDocument' }] });
    expect(doc.components.schemas.VersionDto.properties?.ninjs).toMatchObject({ allOf: [{ $ref: '#/components/schemas/NinjsDocument' }] });
    expect(doc.components.schemas.NinjsDocument).toEqual(toJsonSchema(NinjsDocumentSchema));
    expect(Object.keys(doc.components.schemas.NinjsDocument.properties ?? {})).toEqual(
      expect.arrayContaining([
        'uri',
        'headlines',
        'bodies',
        'associations',
        'slugline',
        'edNote',
        'usageTerms',
        'expires',
        'subjects',
        'people',
        'places',
        'genres',
      ]),
    );
    const refs = refsOf(doc);
    expect(refs.filter((r) => !r.startsWith('#/components/schemas/'))).toEqual([]);
    const missing = refs.map((r) => r.slice('#/components/schemas/'.length).split('/')[0]).filter((name) => !(name in doc.components.schemas));
    expect(missing).toEqual([]);
  });
});
