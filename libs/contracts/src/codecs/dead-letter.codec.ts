import { DEAD_LETTER_HEADERS, DeadLetter, MAX_DEAD_LETTER_TEXT } from '../dead-letter';
import { Header } from '../headers';
import { CORRELATION_HEADERS } from '../message-context';
import { TOPIC_CONTRACTS } from '../topic-contracts';
import { Topic } from '../topics';
import { KafkaRecord } from './kafka-record';
import { ContractValidators, TopicCodec } from './topic-codec';

/**
 * `wire.dlq.v1`: the original key and value untouched; the reason, the original coordinates
 * and headers in headers, with the original's ids kept as they were so dead letters can be
 * searched by them.
 */
export class DeadLetterCodec implements TopicCodec<DeadLetter> {
  readonly topic = Topic.WireDlq;
  readonly contract = TOPIC_CONTRACTS[Topic.WireDlq];
  private readonly validators = new ContractValidators(this.topic, this.contract, true);

  encode(letter: DeadLetter): KafkaRecord {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(letter.originalHeaders)) headers[`${Header.DlqOriginalHeaderPrefix}${k}`] = v;
    Object.assign(
      headers,
      DEAD_LETTER_HEADERS.write({ ...letter, errorMessage: letter.errorMessage.slice(0, MAX_DEAD_LETTER_TEXT), originalKey: letter.originalKey ?? '' }),
      { [Header.DlqErrorDetails]: JSON.stringify(letter.errorDetails).slice(0, MAX_DEAD_LETTER_TEXT) },
      CORRELATION_HEADERS.write(CORRELATION_HEADERS.read(letter.originalHeaders)),
    );
    return { topic: this.topic, key: letter.key, value: letter.value, headers };
  }

  decode(message: KafkaRecord): DeadLetter {
    this.validators.check(message);
    const originalHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(message.headers)) {
      if (k.startsWith(Header.DlqOriginalHeaderPrefix)) originalHeaders[k.slice(Header.DlqOriginalHeaderPrefix.length)] = v;
    }
    return {
      ...DEAD_LETTER_HEADERS.read(message.headers),
      errorDetails: readDetails(message.headers[Header.DlqErrorDetails]),
      originalHeaders,
      key: message.key,
      value: message.value,
    };
  }
}

/** The details header: a JSON array, unless it was cut at its length limit (then the text as it is). */
function readDetails(text: string | undefined): unknown[] {
  if (!text) return [];
  try {
    const details: unknown = JSON.parse(text);
    return Array.isArray(details) ? details : [details];
  } catch {
    return [text];
  }
}
