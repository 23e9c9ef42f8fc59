import { randomUUID } from 'node:crypto';
import { TopicReader } from '../../testing';
import { KafkaConnection } from '../connection/kafka-connection';
import { KafkaPublisher } from '../publisher/kafka-publisher';
import { subscribe } from '../subscriber/subscribe';
import { TopicTailReader } from '../tail/topic-tail-reader';
import { KafkaAdmin } from './kafka-admin';

jest.setTimeout(120_000);

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

describe('KafkaAdmin and TopicTailReader against the real broker', () => {
  const kafka = new KafkaConnection({ brokers, clientId: 'admin-int-spec' });
  const admin = new KafkaAdmin(kafka);
  const tail = new TopicTailReader(kafka);
  const topic = `it.admin.${randomUUID()}`;
  let publisher: KafkaPublisher;

  beforeAll(async () => {
    expect(await admin.ensureTopics([{ name: topic, partitions: 2, config: { 'retention.ms': '3600000' } }])).toEqual([topic]);
    expect(await admin.ensureTopics([{ name: topic, partitions: 2, config: {} }])).toEqual([]);
    publisher = new KafkaPublisher(kafka);
    await publisher.connect();
    await publisher.publish(['a', 'b', 'c', 'd'].map((v, i) => ({ topic, key: `k${i}`, value: v, headers: { n: String(i) } })));
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await tail.close();
    await admin.close();
  });

  it('describes the cluster, the topic, its configuration and its watermarks', async () => {
    const cluster = await admin.describeCluster();
    expect(cluster.brokers.length).toBeGreaterThanOrEqual(1);
    expect(await admin.listTopics()).toContain(topic);
    const [meta] = await admin.describeTopics([topic]);
    expect(meta.partitions.map((p) => p.partition)).toEqual([0, 1]);
    expect((await admin.topicConfigs([topic]))[topic]['retention.ms']).toBe('3600000');
    const offsets = await admin.topicOffsets(topic);
    expect(offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0)).toBe(4);
    const atStart = await admin.topicOffsetsAt(topic, 0);
    expect(atStart.map((o) => o.offset)).toEqual(['0', '0']);
  });

  it('lists, describes, reads and resets a consumer group', async () => {
    const groupId = `it-admin-group-${randomUUID()}`;
    const seen: string[] = [];
    const sub = subscribe(kafka, { topics: [topic], groupId, fromBeginning: true }, (m) => {
      seen.push(m.value?.toString() ?? '');
    });
    await sub.ready;
    const end = Date.now() + 30_000;
    while (seen.length < 4 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect([...seen].sort()).toEqual(['a', 'b', 'c', 'd']);
    const [live] = await admin.describeGroups([groupId]);
    expect(live.state).toBe('Stable');
    expect(Object.values(live.members[0].assignment).flat().sort()).toEqual([0, 1]);
    expect((await admin.listGroups()).map((g) => g.groupId)).toContain(groupId);
    await sub.close();

    let committed = 0;
    while (committed < 4 && Date.now() < end) {
      committed = (await admin.groupOffsets(groupId, [topic])).reduce((n, o) => n + Math.max(0, Number(o.offset)), 0);
      if (committed < 4) await new Promise((r) => setTimeout(r, 200));
    }
    expect(committed).toBe(4);
    await admin.resetGroupOffsets(groupId, topic, 'earliest');
    expect((await admin.groupOffsets(groupId, [topic])).map((o) => o.offset)).toEqual(['0', '0']);
    await admin.deleteGroups([groupId]);
    expect((await admin.listGroups()).map((g) => g.groupId)).not.toContain(groupId);
  });

  it('finds which header values are at the tail of the topic, and leaves no group behind', async () => {
    const found = await tail.find(topic, 'n', new Set(['0', '3', 'absent']), 4);
    expect([...found].sort()).toEqual(['0', '3']);
    const groups = (await admin.listGroups()).map((g) => g.groupId);
    expect(groups.filter((g) => g.startsWith('admin-int-spec-tail-'))).toEqual([]);
    // The reader of the testing entry point sees the same four messages.
    const reader = await new TopicReader(kafka, topic).start();
    try {
      expect((await reader.waitFor(() => true, 4)).length).toBe(4);
    } finally {
      await reader.stop();
    }
  });
});
