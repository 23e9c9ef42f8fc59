import { ContractError, readRawSubmission } from './raw-submission';
import { Topic } from './topics';

export interface EncodedMessage {
  topic: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export function encodeJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

export function decodeJson(value: Buffer | null): unknown {
  if (!value || value.length === 0) throw new ContractError('MALFORMED_MESSAGE', 'message has no value');
  try {
    return JSON.parse(value.toString('utf8'));
  } catch (e) {
    throw new ContractError('MALFORMED_MESSAGE', `message value is not JSON: ${(e as Error).message}`);
  }
}

/** The payload a consumer of `topic` sees: JSON topics decode to objects, raw copy to a RawSubmission. */
export function decodeTopicMessage(message: EncodedMessage): unknown {
  switch (message.topic) {
    case Topic.WireRaw:
      return readRawSubmission(message.headers, message.value);
    case Topic.WireDlq:
      return { headers: message.headers, key: message.key, value: message.value };
    case Topic.WireNormalised:
    case Topic.StoryVersions:
    case Topic.StoryPublished:
    case Topic.StoryLatest:
      return decodeJson(message.value);
    default:
      throw new ContractError('UNKNOWN_TOPIC', `no codec for topic ${message.topic}`);
  }
}
