import { Header } from '../headers';
import { cloudEventTraceHeaders, MessageContext } from '../message-context';
import { SchemaValidator } from '../schemas/schema-validator';
import { PublishedStoryDocumentSchema, STORY_EVENT_HEADERS, StoryEvent } from '../story-event';
import { TOPIC_CONTRACTS, TopicContract } from '../topic-contracts';
import { Topic } from '../topics';
import { decodeJson, encodeJson } from './json-value';
import { KafkaRecord } from './kafka-record';
import { ContractValidators, TopicCodec } from './topic-codec';

/**
 * `story.published.v1` and `story.latest.v1`: a CloudEvent in the Kafka binary binding (its
 * attributes in `ce_*` headers), whose data, the value, is an IPTC ninjs 3.1 document; keyed
 * by story id. Its trace context travels twice: in the W3C `traceparent` header for Kafka
 * tracing, and as the distributed tracing extension (`ce_traceparent`) for CloudEvents tooling.
 */
export class StoryEventCodec implements TopicCodec<StoryEvent> {
  readonly contract: TopicContract;
  private readonly validators: ContractValidators;
  /** Decoding checks the ninjs document only as an object with a string uri (see PublishedStoryDocumentSchema). */
  private readonly document = new SchemaValidator(PublishedStoryDocumentSchema);

  constructor(readonly topic: Topic.StoryPublished | Topic.StoryLatest) {
    this.contract = TOPIC_CONTRACTS[topic];
    this.validators = new ContractValidators(topic, this.contract);
  }

  encode(event: StoryEvent, context?: MessageContext): KafkaRecord {
    return {
      topic: this.topic,
      key: event.storyId,
      value: encodeJson(event.data),
      headers: { ...STORY_EVENT_HEADERS.write(event), [Header.ContentType]: 'application/json', ...cloudEventTraceHeaders(context) },
    };
  }

  decode(message: KafkaRecord): StoryEvent {
    const data = decodeJson(message.value);
    this.validators.check(message, { validator: this.document, data });
    return { ...STORY_EVENT_HEADERS.read(message.headers), data: data as StoryEvent['data'] };
  }
}
