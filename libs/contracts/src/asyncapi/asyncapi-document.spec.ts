import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { refsOf } from '@copydesk/testing';
import { NinjsDocumentSchema } from '../ninjs-document';
import { toJsonSchema } from '../schemas/json-schema';
import { TOPIC_CONTRACTS } from '../topic-contracts';
import { TOPICS } from '../topics';
import { buildAsyncApiDocument } from './asyncapi-document';
import { ASYNCAPI_DOCUMENT, ASYNCAPI_DOCUMENT_FILE } from './index';

const TEXT = readFileSync(path.resolve(__dirname, '../../../..', ASYNCAPI_DOCUMENT_FILE), 'utf8');

describe('the AsyncAPI document', () => {
  // After changing a topic or a schema, regenerate the file:
  //   npm run build && node -e "require('fs').writeFileSync('libs/contracts/src/asyncapi/copydesk.asyncapi.json',
  //     JSON.stringify(require('./dist/libs/contracts/src/asyncapi/asyncapi-document.js').buildAsyncApiDocument(), null, 2) + '\n')"
  it('is committed exactly as the topics and schemas make it', () => {
    expect(ASYNCAPI_DOCUMENT).toEqual(JSON.parse(JSON.stringify(buildAsyncApiDocument())));
    expect(JSON.parse(TEXT)).toEqual(ASYNCAPI_DOCUMENT);
  });

  it('has one channel per topic, with the key, headers and payload schemas its codec validates by', () => {
    const channels = Object.values(ASYNCAPI_DOCUMENT.channels as Record<string, { address: string; messages: Record<string, { $ref: string }> }>);
    expect(channels.map((c) => c.address).sort()).toEqual(TOPICS.map((t) => t.name).sort());
    const messages = (ASYNCAPI_DOCUMENT.components as { messages: Record<string, Record<string, unknown>> }).messages;
    for (const t of TOPICS) {
      const contract = TOPIC_CONTRACTS[t.name];
      const message = messages[contract.messageName];
      expect(message).toMatchObject({
        contentType: contract.contentType,
        headers: { schema: toJsonSchema(contract.headers) },
        payload: { schema: toJsonSchema(contract.payload) },
        bindings: { kafka: { key: toJsonSchema(contract.key) } },
      });
    }
    expect(messages.StoryPublished.payload).toEqual(expect.objectContaining({ schema: toJsonSchema(NinjsDocumentSchema) }));
  });

  it('refers to nothing outside itself', () => {
    const refs = refsOf(ASYNCAPI_DOCUMENT);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !r.startsWith('#/'))).toEqual([]);
  });

  it('is read by the stock AsyncAPI parser, offline, with no error', async () => {
    // No custom schema parser and no resolver: a remote reference would be fetched and fail here.
    const { document, diagnostics } = await new Parser().parse(TEXT);
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`)).toEqual([]);
    expect(document?.channels().all().length).toBe(TOPICS.length);
    const payload = document
      ?.messages()
      .all()
      .find((m) => m.id() === 'StoryPublished')
      ?.payload();
    expect(Object.keys(payload?.properties() ?? {})).toEqual(expect.arrayContaining(['uri', 'headlines', 'bodies', 'pubStatus', 'associations']));
  });
});
