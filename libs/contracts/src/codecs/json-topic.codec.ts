import { TSchema } from '@sinclair/typebox';
import { Header } from '../headers';
import { CORRELATION_HEADERS, CorrelationIds, MessageContext, traceHeaders } from '../message-context';
import { SchemaValidator } from '../schemas/schema-validator';
import { TOPIC_CONTRACTS, TopicContract } from '../topic-contracts';
import { Topic } from '../topics';
import { decodeJson, encodeJson } from './json-value';
import { KafkaRecord } from './kafka-record';
import { ContractValidators, TopicCodec } from './topic-codec';

/**
 * A topic whose value is one JSON document of the contract's payload schema, and whose
 * headers carry the ids the document holds (submission, source, item, story), the content
 * type and the trace context.
 */
export class JsonTopicCodec<T extends CorrelationIds> implements TopicCodec<T> {
  readonly contract: TopicContract;
  private readonly validators: ContractValidators;
  private readonly value: SchemaValidator<T>;

  constructor(
    readonly topic: Topic,
    /** The message key of a value. */
    private readonly keyOf: (value: T) => string,
  ) {
    this.contract = TOPIC_CONTRACTS[topic];
    this.validators = new ContractValidators(topic, this.contract);
    this.value = new SchemaValidator<T>(this.contract.payload as TSchema);
  }

  encode(value: T, context?: MessageContext): KafkaRecord {
    return {
      topic: this.topic,
      key: this.keyOf(value),
      value: encodeJson(value),
      headers: { ...CORRELATION_HEADERS.write(value), [Header.ContentType]: 'application/json', ...traceHeaders(context) },
    };
  }

  decode(message: KafkaRecord): T {
    const data = decodeJson(message.value);
    this.validators.check(message, { validator: this.value, data });
    return data as T;
  }
}
