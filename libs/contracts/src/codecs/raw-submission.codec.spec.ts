import { ContractError } from '../errors/contract-error';
import { Header } from '../headers';
import { rawSubmission, sourceId, submissionId, traceparent } from '../testing/contract-fixtures';
import { Topic } from '../topics';
import { codecFor } from './topic-codecs';

const codec = codecFor(Topic.WireRaw);

function decodeError(run: () => unknown): ContractError {
  try {
    run();
  } catch (e) {
    if (e instanceof ContractError) return e;
    throw e;
  }
  throw new Error('expected a ContractError');
}

describe('the wire.raw.v1 codec', () => {
  it('writes the copy untouched, keyed by source, its metadata and trace context in headers, and reads it back', () => {
    const message = codec.encode(rawSubmission, { traceparent, tracestate: 'vendor=1' });
    expect(message).toEqual({
      topic: Topic.WireRaw,
      key: sourceId,
      value: rawSubmission.body,
      headers: {
        [Header.SubmissionId]: submissionId,
        [Header.SourceId]: sourceId,
        [Header.ReceivedAt]: rawSubmission.receivedAt,
        [Header.CapturedAt]: rawSubmission.capturedAt,
        [Header.ContentType]: 'text/plain; charset=iso-8859-1',
        [Header.Size]: String(rawSubmission.body.length),
        [Header.Sha256]: rawSubmission.sha256,
        [Header.TraceParent]: traceparent,
        [Header.TraceState]: 'vendor=1',
      },
    });
    expect(codec.decode(message)).toEqual(rawSubmission);
  });

  it('passes on only a well-formed traceparent', () => {
    expect(codec.encode(rawSubmission, { traceparent: 'not-a-trace', tracestate: 'vendor=1' }).headers).not.toHaveProperty(Header.TraceParent);
    expect(codec.encode(rawSubmission).headers).not.toHaveProperty(Header.TraceState);
  });

  it('takes any bytes as the value: raw copy is not JSON', () => {
    const body = Buffer.from([0xff, 0xfe, 0x00, 0x7b]);
    const message = codec.encode({ ...rawSubmission, body, size: body.length });
    expect(codec.decode(message).body).toEqual(body);
  });

  it('refuses headers of the wrong shape with INVALID_MESSAGE and every reason in the details', () => {
    const message = codec.encode(rawSubmission);
    delete message.headers[Header.SubmissionId];
    message.headers[Header.ReceivedAt] = 'yesterday';
    message.headers[Header.Size] = 'three';
    const error = decodeError(() => codec.decode({ ...message, key: null }));
    expect(error.code).toBe('INVALID_MESSAGE');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { part: 'key', instancePath: '', message: 'must be string' },
        { part: 'headers', instancePath: '', message: `must have required property '${Header.SubmissionId}'` },
        { part: 'headers', instancePath: `/${Header.ReceivedAt}`, message: 'must match format "date-time"' },
        { part: 'headers', instancePath: `/${Header.Size}`, message: 'must match pattern "^[0-9]+$"' },
      ]),
    );
    expect(error.message).toMatch(/^wire\.raw\.v1 message does not match its contract: /);
  });

  it('refuses a message without its copy, or whose copy is not as long as its size says', () => {
    const message = codec.encode(rawSubmission);
    expect(decodeError(() => codec.decode({ ...message, value: null })).details).toEqual([
      { part: 'value', instancePath: '', message: 'must be present: the copy as sent' },
    ]);
    expect(decodeError(() => codec.decode({ ...message, value: Buffer.from('x') })).details).toEqual([
      { part: 'headers', instancePath: `/${Header.Size}`, message: 'must equal the length of the value, 1' },
    ]);
  });
});
