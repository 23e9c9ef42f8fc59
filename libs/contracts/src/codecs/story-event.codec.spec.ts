import { ContractError } from '../errors/contract-error';
import { Header } from '../headers';
import { storyEvent, storyId, traceparent } from '../testing/contract-fixtures';
import { Topic } from '../topics';
import { codecFor } from './topic-codecs';

function decodeError(run: () => unknown): ContractError {
  try {
    run();
  } catch (e) {
    if (e instanceof ContractError) return e;
    throw e;
  }
  throw new Error('expected a ContractError');
}

describe.each([Topic.StoryPublished, Topic.StoryLatest] as const)('the %s codec', (topic) => {
  const codec = codecFor(topic);

  it('writes the CloudEvents binary binding, keyed by story, the ninjs document as the value, and reads it back', () => {
    const message = codec.encode(storyEvent, { traceparent });
    expect(message.topic).toBe(topic);
    expect(message.key).toBe(storyId);
    expect(message.headers).toMatchObject({
      [Header.CeSpecVersion]: '1.0',
      [Header.CeId]: `${storyId}:2`,
      [Header.CeSource]: 'urn:copydesk',
      [Header.CeType]: 'story.updated',
      [Header.CeTime]: '2025-03-21T10:00:02.000Z',
      [Header.CeSubject]: storyId,
      [Header.ContentType]: 'application/json',
      [Header.StoryId]: storyId,
      [Header.TraceParent]: traceparent,
      [Header.CeTraceParent]: traceparent,
    });
    expect(JSON.parse(String(message.value))).toEqual(storyEvent.data);
    expect(codec.decode(message)).toEqual(storyEvent);
  });

  it('refuses attributes of the wrong shape, and data that is not an object with a string uri, with INVALID_MESSAGE', () => {
    const message = codec.encode(storyEvent);
    const headers = { ...message.headers, [Header.CeType]: 'story.renamed', [Header.CeId]: storyId };
    delete (headers as Record<string, string>)[Header.CeSpecVersion];
    const error = decodeError(() => codec.decode({ ...message, headers, value: Buffer.from(JSON.stringify({ uri: 7 })) }));
    expect(error.code).toBe('INVALID_MESSAGE');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { part: 'headers', instancePath: '', message: `must have required property '${Header.CeSpecVersion}'` },
        { part: 'headers', instancePath: `/${Header.CeType}`, message: 'must be equal to one of the allowed values' },
        { part: 'headers', instancePath: `/${Header.CeId}`, message: expect.stringMatching(/^must match pattern/) },
        { part: 'value', instancePath: '/uri', message: 'must be string' },
      ]),
    );
  });

  it('refuses data that is not JSON with MALFORMED_MESSAGE', () => {
    const message = codec.encode(storyEvent);
    expect(decodeError(() => codec.decode({ ...message, value: Buffer.from('<ninjs/>') })).code).toBe('MALFORMED_MESSAGE');
  });
});
