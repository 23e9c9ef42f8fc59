import { Header, Topic } from '@copydesk/contracts';
import { buildDeadLetter } from './dead-letter';
import { replayMessage } from './replay';

describe('replayMessage', () => {
  it('sends the original key, value and headers back to the original topic, marked as a replay with the attempts spent', () => {
    const original = {
      topic: Topic.WireRaw,
      partition: 2,
      offset: '9',
      key: 'src',
      value: Buffer.from('copy'),
      headers: { [Header.SubmissionId]: 's1' },
      timestamp: '0',
    };
    const letter = buildDeadLetter('normalise', original, { kind: 'permanent', code: 'EMPTY_BODY', message: 'empty', details: [] }, 1);
    const out = replayMessage({
      topic: Topic.WireDlq,
      partition: 0,
      offset: '4',
      key: letter.key,
      value: letter.value as Buffer,
      headers: letter.headers ?? {},
      timestamp: '0',
    });
    expect(out).toEqual({
      topic: Topic.WireRaw,
      key: 'src',
      value: original.value,
      headers: { [Header.SubmissionId]: 's1', [Header.Attempts]: '1', [Header.ReplayOf]: `${Topic.WireDlq}/0/4` },
    });
  });

  it('refuses a dead letter without an original topic', () => {
    expect(() => replayMessage({ topic: Topic.WireDlq, partition: 0, offset: '1', key: null, value: null, headers: {}, timestamp: '0' })).toThrow(/no topic/);
  });
});
