import { ValidationIssue } from '../errors/contract-error';
import { Header } from '../headers';
import { MessageContext, traceHeaders } from '../message-context';
import { RAW_SUBMISSION_HEADERS, RawSubmission } from '../raw-submission';
import { TOPIC_CONTRACTS } from '../topic-contracts';
import { Topic } from '../topics';
import { KafkaRecord } from './kafka-record';
import { ContractValidators, TopicCodec } from './topic-codec';

/** `wire.raw.v1`: the copy as the value, byte for byte; the submission's metadata in headers; keyed by source. */
export class RawSubmissionCodec implements TopicCodec<RawSubmission> {
  readonly topic = Topic.WireRaw;
  readonly contract = TOPIC_CONTRACTS[Topic.WireRaw];
  private readonly validators = new ContractValidators(this.topic, this.contract);

  encode(submission: RawSubmission, context?: MessageContext): KafkaRecord {
    return {
      topic: this.topic,
      key: submission.sourceId,
      value: submission.body,
      headers: { ...RAW_SUBMISSION_HEADERS.write(submission), ...traceHeaders(context) },
    };
  }

  decode(message: KafkaRecord): RawSubmission {
    this.validators.check(message, undefined, valueIssues(message));
    return { ...RAW_SUBMISSION_HEADERS.read(message.headers), body: message.value ?? Buffer.alloc(0) };
  }
}

/** The copy must be there, and be as long as its size header says. */
function valueIssues(message: KafkaRecord): ValidationIssue[] {
  if (message.value === null) return [{ part: 'value', instancePath: '', message: 'must be present: the copy as sent' }];
  const size = message.headers[Header.Size];
  if (size !== undefined && /^[0-9]+$/.test(size) && Number(size) !== message.value.length) {
    return [{ part: 'headers', instancePath: `/${Header.Size}`, message: `must equal the length of the value, ${message.value.length}` }];
  }
  return [];
}
