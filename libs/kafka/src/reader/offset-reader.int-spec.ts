import { randomUUID } from 'node:crypto';
import { KafkaAdmin } from '../admin/kafka-admin';
import { KafkaConnection } from '../connection/kafka-connection';
import { KafkaPublisher } from '../publisher/kafka-publisher';
import { OffsetReader } from './offset-reader';

jest.setTimeout(120_000);

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

describe('OffsetReader against the real broker', () => {
  const kafka = new KafkaConnection({ brokers, clientId: 'offset-reader-int-spec' });
  const admin = new KafkaAdmin(kafka);
  const reader = new OffsetReader(kafka, admin);
  const topic = `it.reader.${randomUUID()}`;
  let publisher: KafkaPublisher;

  beforeAll(async () => {
    await admin.ensureTopics([{ name: topic, partitions: 2, config: {} }]);
    publisher = new KafkaPublisher(kafka);
    await publisher.connect();
    // Twelve keys spread over both partitions by the client's partitioner; the specs read back what landed where.
    await publisher.publish(Array.from({ length: 12 }, (_, i) => ({ topic, key: `k${i}`, value: `v${i}`, headers: { n: String(i) } })));
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await admin.close();
  });

  it('reads the messages from an offset on, at most the limit, on the partitions asked for only', async () => {
    const offsets = await admin.topicOffsets(topic);
    const busy = offsets.filter((o) => Number(o.high) >= 2);
    expect(busy.length).toBeGreaterThan(0);
    const target = busy[0];
    const read = await reader.read([{ topic, partition: target.partition, offset: '1', limit: 2 }]);
    expect([...read.keys()]).toEqual([`${topic}/${target.partition}`]);
    const got = read.get(`${topic}/${target.partition}`) ?? [];
    expect(got.map((m) => m.offset)).toEqual(['1', '2'].filter((o) => Number(o) < Number(target.high)));
    expect(got.every((m) => m.topic === topic && m.partition === target.partition && /^v\d+$/.test(m.value?.toString() ?? ''))).toBe(true);
  });

  it('reads nothing past the end, and leaves no consumer group behind', async () => {
    const [first] = await admin.topicOffsets(topic);
    const read = await reader.read([{ topic, partition: first.partition, offset: first.high, limit: 5 }]);
    expect(read.get(`${topic}/${first.partition}`)).toEqual([]);
    const groups = (await admin.listGroups()).map((g) => g.groupId);
    expect(groups.filter((g) => g.startsWith('offset-reader-int-spec-read-'))).toEqual([]);
  });
});
