import { ContractError } from '../errors/contract-error';
import { Header } from '../headers';
import { normalisedItem, sourceId, storyId, storyVersion, submissionId, itemId, traceparent } from '../testing/contract-fixtures';
import { Topic } from '../topics';
import { MAX_ISSUES } from './topic-codec';
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

describe('the wire.normalised.v1 codec', () => {
  const codec = codecFor(Topic.WireNormalised);

  it('keys by source, carries the ids and the trace context in headers, and reads the item back', () => {
    const message = codec.encode(normalisedItem, { traceparent });
    expect(message.key).toBe(sourceId);
    expect(message.headers).toEqual({
      [Header.SubmissionId]: submissionId,
      [Header.SourceId]: sourceId,
      [Header.ItemId]: itemId,
      [Header.ContentType]: 'application/json',
      [Header.TraceParent]: traceparent,
    });
    expect(codec.decode(message)).toEqual(normalisedItem);
  });

  it('refuses a value of the wrong shape with INVALID_MESSAGE and the validation errors', () => {
    const message = codec.encode(normalisedItem);
    const wrong = { ...normalisedItem, itemIndex: -1, item: { ...normalisedItem.item, headline: 42, dateline2: 'x' } };
    const error = decodeError(() => codec.decode({ ...message, value: Buffer.from(JSON.stringify(wrong)) }));
    expect(error.code).toBe('INVALID_MESSAGE');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { part: 'value', instancePath: '/itemIndex', message: 'must be >= 0' },
        { part: 'value', instancePath: '/item/headline', message: 'must be string' },
        { part: 'value', instancePath: '/item', message: 'must NOT have additional property "dateline2"' },
      ]),
    );
  });

  it('refuses headers without the ids', () => {
    const message = codec.encode(normalisedItem);
    const error = decodeError(() => codec.decode({ ...message, headers: { [Header.SourceId]: 'not-a-uuid' } }));
    expect(error.code).toBe('INVALID_MESSAGE');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { part: 'headers', instancePath: '', message: `must have required property '${Header.ItemId}'` },
        { part: 'headers', instancePath: `/${Header.SourceId}`, message: 'must match format "uuid"' },
      ]),
    );
  });

  it('refuses a value that is not JSON, or none, with MALFORMED_MESSAGE', () => {
    const message = codec.encode(normalisedItem);
    expect(decodeError(() => codec.decode({ ...message, value: Buffer.from('{oops') })).code).toBe('MALFORMED_MESSAGE');
    expect(decodeError(() => codec.decode({ ...message, value: null })).code).toBe('MALFORMED_MESSAGE');
  });

  it('lists a bounded number of issues however many there are', () => {
    const message = codec.encode(normalisedItem);
    const body = Array.from({ length: 500 }, () => ({ kind: 'chapter', text: 1 }));
    const error = decodeError(() =>
      codec.decode({ ...message, value: Buffer.from(JSON.stringify({ ...normalisedItem, item: { ...normalisedItem.item, body } })) }),
    );
    expect(error.details).toHaveLength(MAX_ISSUES);
    expect(error.message).toContain(`${MAX_ISSUES} of 1000 issues listed`);
  });
});

describe('the story.versions.v1 codec', () => {
  const codec = codecFor(Topic.StoryVersions);

  it('keys by story, carries all four ids in headers, and reads the version back', () => {
    const message = codec.encode(storyVersion);
    expect(message.key).toBe(storyId);
    expect(message.headers).toEqual({
      [Header.StoryId]: storyId,
      [Header.SubmissionId]: submissionId,
      [Header.SourceId]: sourceId,
      [Header.ItemId]: itemId,
      [Header.ContentType]: 'application/json',
    });
    expect(codec.decode(message)).toEqual(storyVersion);
  });

  it('accepts fields added later beside the ones it names, but not in the canonical item', () => {
    const message = codec.encode(storyVersion);
    const later = { ...storyVersion, reviewedBy: 'desk' };
    expect(codec.decode({ ...message, value: Buffer.from(JSON.stringify(later)) })).toEqual(later);
    const strayInItem = { ...storyVersion, item: { ...storyVersion.item, reviewedBy: 'desk' } };
    expect(decodeError(() => codec.decode({ ...message, value: Buffer.from(JSON.stringify(strayInItem)) })).code).toBe('INVALID_MESSAGE');
  });

  it('refuses a version of the wrong shape with INVALID_MESSAGE and the validation errors', () => {
    const message = codec.encode(storyVersion);
    const wrong = { ...storyVersion, version: 0, kind: 'rewritten', match: { basis: 'guess' } };
    const error = decodeError(() => codec.decode({ ...message, key: 'story-7', value: Buffer.from(JSON.stringify(wrong)) }));
    expect(error.code).toBe('INVALID_MESSAGE');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { part: 'key', instancePath: '', message: 'must match format "uuid"' },
        { part: 'value', instancePath: '/version', message: 'must be >= 1' },
        { part: 'value', instancePath: '/kind', message: 'must be equal to one of the allowed values' },
        { part: 'value', instancePath: '/match', message: "must have required property 'reason'" },
        { part: 'value', instancePath: '/match/basis', message: 'must be equal to one of the allowed values' },
      ]),
    );
  });

  it('refuses a value that is not JSON with MALFORMED_MESSAGE', () => {
    const message = codec.encode(storyVersion);
    expect(decodeError(() => codec.decode({ ...message, value: Buffer.from('not json') })).code).toBe('MALFORMED_MESSAGE');
  });
});
