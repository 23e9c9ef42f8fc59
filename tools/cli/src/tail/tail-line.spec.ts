import { codecFor, Header, Topic } from '@copydesk/contracts';
import { headerFilter, matchesTail, tailLine } from './tail-line';

const submission = {
  submissionId: '0b7f6c8e-6a55-4f7e-9d55-0b3c1c2f8a11',
  sourceId: '5d1a9f3e-1c2b-4a5d-8e7f-9a0b1c2d3e4f',
  receivedAt: '2025-03-21T10:00:00.000Z',
  capturedAt: '2025-03-21T09:59:00.000Z',
  contentType: 'text/plain',
  size: 5,
  sha256: '185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969',
  body: Buffer.from('Hello'),
};

describe('copydesk tail, one line per message', () => {
  const record = codecFor(Topic.WireRaw).encode(submission);
  const message = { ...record, partition: 3, offset: '17', timestamp: String(Date.parse('2025-03-21T10:00:01Z')) };

  it('prints where the message sits, its key and headers, and its value as the topic’s codec decodes it (bytes as text)', () => {
    const line = JSON.parse(tailLine(message));
    expect(line).toMatchObject({ topic: Topic.WireRaw, partition: 3, offset: '17', timestamp: '2025-03-21T10:00:01.000Z', key: submission.sourceId });
    expect(line.headers[Header.SubmissionId]).toBe(submission.submissionId);
    expect(line.value).toEqual({ ...submission, body: 'Hello' });
  });

  it('shows a message that breaks its contract with the error code and the raw value, not a crash', () => {
    const line = JSON.parse(tailLine({ ...message, value: Buffer.from([0xff, 0xfe]), headers: {} }));
    expect(line.error.code).toBe('INVALID_MESSAGE');
    expect(line.value).toEqual({ base64: '//4=' });
  });

  it('filters by key and by every header given', () => {
    const headers = headerFilter([`${Header.SourceId}=${submission.sourceId}`, 'content-type=text/plain']);
    expect(matchesTail(message, { headers })).toBe(true);
    expect(matchesTail(message, { key: 'other', headers: {} })).toBe(false);
    expect(matchesTail(message, { headers: { ...headers, 'content-type': 'application/xml' } })).toBe(false);
    expect(headerFilter(['a=b=c'])).toEqual({ a: 'b=c' });
    expect(() => headerFilter(['=x'])).toThrow(/NAME=VALUE/);
  });
});
