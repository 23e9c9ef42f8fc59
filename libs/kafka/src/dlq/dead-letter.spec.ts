import { Header, Topic } from '@copydesk/contracts';
import { buildDeadLetter, readDeadLetter } from './dead-letter';

describe('buildDeadLetter', () => {
  const original = {
    topic: Topic.WireRaw,
    partition: 3,
    offset: '42',
    key: 'source-1',
    value: Buffer.from([0, 1, 2, 255]),
    headers: { [Header.SubmissionId]: 'sub-1', 'content-type': 'text/plain' },
    timestamp: '0',
  };

  it('counts on from the attempts a replayed message carries', () => {
    const replayed = { ...original, headers: { ...original.headers, [Header.Attempts]: '2' } };
    const letter = buildDeadLetter('normalise', replayed, { kind: 'permanent', code: 'EMPTY_BODY', message: 'empty', details: [] }, 1);
    expect(readDeadLetter(letter.headers ?? {}).attempts).toBe(3);
    const plain = buildDeadLetter('normalise', original, { kind: 'permanent', code: 'EMPTY_BODY', message: 'empty', details: [] }, 1);
    expect(readDeadLetter(plain.headers ?? {}).attempts).toBe(1);
  });

  it('keeps the payload and key untouched and records the reason', () => {
    const letter = buildDeadLetter(
      'normalise',
      original,
      { kind: 'permanent', code: 'EMPTY_BODY', message: 'empty', details: [{ a: 1 }] },
      1,
      new Date('2025-01-01T00:00:00Z'),
    );
    expect(letter.topic).toBe(Topic.WireDlq);
    expect(letter.key).toBe('source-1');
    expect(letter.value).toBe(original.value);
    const view = readDeadLetter(letter.headers ?? {});
    expect(view).toEqual({
      stage: 'normalise',
      errorCode: 'EMPTY_BODY',
      errorMessage: 'empty',
      errorDetails: [{ a: 1 }],
      originalTopic: Topic.WireRaw,
      originalPartition: 3,
      originalOffset: '42',
      originalKey: 'source-1',
      attempts: 1,
      failedAt: '2025-01-01T00:00:00.000Z',
      originalHeaders: { [Header.SubmissionId]: 'sub-1', 'content-type': 'text/plain' },
    });
    expect(letter.headers?.[Header.SubmissionId]).toBe('sub-1');
  });
});
