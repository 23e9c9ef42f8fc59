/** A Kafka message as codecs write and read it, free of any client library's types. */
export interface KafkaRecord {
  topic: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}
