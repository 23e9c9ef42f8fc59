import { ContractError } from '../errors/contract-error';
import { Header } from '../headers';
import { deadLetter, itemId, sourceId, submissionId } from '../testing/contract-fixtures';
import { Topic } from '../topics';
import { codecFor } from './topic-codecs';

const codec = codecFor(Topic.WireDlq);

describe('the wire.dlq.v1 codec', () => {
  it('keeps the original key, value and headers, puts the reason in headers, the ids as they were, and reads it all back', () => {
    const message = codec.encode(deadLetter);
    expect(message).toMatchObject({ topic: Topic.WireDlq, key: sourceId, value: deadLetter.value });
    expect(message.headers).toMatchObject({
      [Header.DlqStage]: 'dedupe',
      [Header.DlqErrorCode]: 'INVALID_MESSAGE',
      [Header.DlqPartition]: '3',
      [Header.DlqOffset]: '42',
      [Header.DlqAttempts]: '1',
      [`${Header.DlqOriginalHeaderPrefix}${Header.ItemId}`]: itemId,
      [Header.SubmissionId]: submissionId,
      [Header.ItemId]: itemId,
    });
    expect(JSON.parse(message.headers[Header.DlqErrorDetails])).toEqual(deadLetter.errorDetails);
    expect(codec.decode(message)).toEqual(deadLetter);
  });

  it('takes a dead letter of a message that had no key and no value', () => {
    const message = codec.encode({ ...deadLetter, key: null, value: null, originalKey: undefined });
    expect(codec.decode(message)).toMatchObject({ key: null, value: null, originalKey: '' });
  });

  it('refuses a dead letter without its reason with INVALID_MESSAGE', () => {
    const message = codec.encode(deadLetter);
    const headers = { ...message.headers, [Header.DlqAttempts]: '0' };
    delete (headers as Record<string, string>)[Header.DlqErrorCode];
    let error: unknown;
    try {
      codec.decode({ ...message, headers });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe('INVALID_MESSAGE');
    expect((error as ContractError).details).toEqual(
      expect.arrayContaining([
        { part: 'headers', instancePath: '', message: `must have required property '${Header.DlqErrorCode}'` },
        { part: 'headers', instancePath: `/${Header.DlqAttempts}`, message: 'must match pattern "^[1-9][0-9]*$"' },
      ]),
    );
  });
});
