import { toJsonSchema } from '../schemas/json-schema';
import { TOPIC_CONTRACTS } from '../topic-contracts';
import { TOPICS } from '../topics';
import { buildAsyncApiDocument } from './asyncapi-document';
import { ASYNCAPI_DOCUMENT } from './index';

describe('the AsyncAPI document', () => {
  // After changing a topic or a schema, regenerate the file:
  //   npm run build && node -e "require('fs').writeFileSync('libs/contracts/src/asyncapi/copydesk.asyncapi.json',
  //     JSON.stringify(require('./dist/libs/contracts/src/asyncapi/asyncapi-document.js').buildAsyncApiDocument(), null, 2) + '\n')"
  it('is committed exactly as the topics and schemas make it', () => {
    expect(ASYNCAPI_DOCUMENT).toEqual(JSON.parse(JSON.stringify(buildAsyncApiDocument())));
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
  });
});
