import { decodeTopicMessage, encodeJson } from './codecs';
import { Header } from './headers';
import { rawSubmissionHeaders } from './raw-submission';
import { Topic, TOPICS } from './topics';

describe('topic codecs', () => {
  const meta = {
    submissionId: 's-1',
    sourceId: 'src-1',
    receivedAt: '2025-03-21T10:00:01.000Z',
    capturedAt: '2025-03-21T10:00:00.000Z',
    contentType: 'text/plain; charset=iso-8859-1',
    charset: 'iso-8859-1',
    size: 3,
    sha256: 'ab'.repeat(32),
  };

  it('reads a raw submission back from its headers, with the body untouched', () => {
    const body = Buffer.from([0xe9, 0x0a, 0x00]);
    expect(decodeTopicMessage({ topic: Topic.WireRaw, key: 'src-1', value: body, headers: rawSubmissionHeaders(meta) })).toEqual({ ...meta, body });
  });

  it('refuses a raw submission without its ids, and JSON topics without JSON, with stable codes', () => {
    const headers = rawSubmissionHeaders(meta);
    delete headers[Header.SubmissionId];
    expect(() => decodeTopicMessage({ topic: Topic.WireRaw, key: null, value: Buffer.from('x'), headers })).toThrow(
      expect.objectContaining({ code: 'MALFORMED_MESSAGE' }),
    );
    expect(() => decodeTopicMessage({ topic: Topic.WireNormalised, key: null, value: Buffer.from('{oops'), headers: {} })).toThrow(
      expect.objectContaining({ code: 'MALFORMED_MESSAGE' }),
    );
    expect(() => decodeTopicMessage({ topic: 'elsewhere', key: null, value: null, headers: {} })).toThrow(expect.objectContaining({ code: 'UNKNOWN_TOPIC' }));
  });

  it('decodes JSON topics', () => {
    expect(decodeTopicMessage({ topic: Topic.StoryVersions, key: 'k', value: encodeJson({ a: 1 }), headers: {} })).toEqual({ a: 1 });
  });

  it('defines every topic once, with a version suffix and a compacted latest-story topic', () => {
    const names = TOPICS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => /\.v\d+$/.test(n))).toBe(true);
    expect(TOPICS.find((t) => t.name === Topic.StoryLatest)?.config['cleanup.policy']).toBe('compact');
  });
});
