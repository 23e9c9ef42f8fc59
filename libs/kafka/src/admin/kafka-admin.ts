import { Logger } from '@nestjs/common';
import { Admin, AssignerProtocol, ConfigResourceTypes } from 'kafkajs';
import { KafkaConnection } from '../connection/kafka-connection';
import { clientOf } from '../connection/kafkajs-client';

export interface TopicSpec {
  name: string;
  partitions: number;
  config: Record<string, string>;
}

export interface PartitionOffsets {
  partition: number;
  /** Earliest offset still held. */
  low: string;
  /** The next offset to be written (the high watermark). */
  high: string;
}

export interface PartitionMetadata {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
}

export interface TopicMetadata {
  name: string;
  partitions: PartitionMetadata[];
}

export interface ClusterDescription {
  clusterId: string;
  controller: number | null;
  brokers: { nodeId: number; host: string; port: number }[];
}

export interface GroupMember {
  memberId: string;
  clientId: string;
  clientHost: string;
  /** Topic → partitions assigned to the member. */
  assignment: Record<string, number[]>;
}

export interface GroupDescription {
  groupId: string;
  /** Stable, PreparingRebalance, CompletingRebalance, Empty, Dead. */
  state: string;
  protocolType: string;
  members: GroupMember[];
}

export interface CommittedOffset {
  topic: string;
  partition: number;
  /** "-1" when the group has committed nothing for the partition. */
  offset: string;
}

/** Where to move a group's offsets: the start or end of each partition, or given offsets. */
export type OffsetTarget = 'earliest' | 'latest' | { partition: number; offset: string }[];

export interface KafkaAdminOptions {
  /** Retries per call (0 for health checks, which must answer fast). */
  retries?: number;
}

/**
 * The admin operations Copydesk needs — topics, offsets, consumer groups, configuration —
 * on one long-lived admin connection, opened at the first call and reopened after a failure.
 */
export class KafkaAdmin {
  private readonly logger = new Logger(KafkaAdmin.name);
  private admin: Admin | undefined;
  private connecting: Promise<Admin> | undefined;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly options: KafkaAdminOptions = {},
  ) {}

  /** Creates the topics that are missing, with their partitions and configuration; returns the names created. */
  async ensureTopics(specs: readonly TopicSpec[]): Promise<string[]> {
    return this.call(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const missing = specs.filter((s) => !existing.has(s.name));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((s) => ({
            topic: s.name,
            numPartitions: s.partitions,
            replicationFactor: -1,
            configEntries: Object.entries(s.config).map(([name, value]) => ({ name, value })),
          })),
        });
        this.logger.log({ msg: 'created topics', topics: missing.map((s) => s.name).join(',') });
      }
      return missing.map((s) => s.name);
    });
  }

  listTopics(): Promise<string[]> {
    return this.call((admin) => admin.listTopics());
  }

  describeCluster(): Promise<ClusterDescription> {
    return this.call(async (admin) => {
      const c = await admin.describeCluster();
      return { clusterId: c.clusterId, controller: c.controller, brokers: c.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })) };
    });
  }

  describeTopics(topics: string[]): Promise<TopicMetadata[]> {
    return this.call(async (admin) => {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      return found.map((t) => ({
        name: t.name,
        partitions: t.partitions
          .map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr }))
          .sort((a, b) => a.partition - b.partition),
      }));
    });
  }

  /** Each topic's configuration as the broker reports it (defaults included). */
  topicConfigs(topics: string[]): Promise<Record<string, Record<string, string>>> {
    return this.call(async (admin) => {
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
      });
      const out: Record<string, Record<string, string>> = {};
      for (const r of resources) {
        out[r.resourceName] = Object.fromEntries(r.configEntries.map((e) => [e.configName, e.configValue]));
      }
      return out;
    });
  }

  topicOffsets(topic: string): Promise<PartitionOffsets[]> {
    return this.call(async (admin) => {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.map((o) => ({ partition: o.partition, low: o.low, high: o.high })).sort((a, b) => a.partition - b.partition);
    });
  }

  /** The first offset of each partition at or after `time` (ms since the epoch). */
  topicOffsetsAt(topic: string, time: number): Promise<{ partition: number; offset: string }[]> {
    return this.call(async (admin) => {
      const offsets = await admin.fetchTopicOffsetsByTimestamp(topic, time);
      return offsets.map((o) => ({ partition: o.partition, offset: o.offset })).sort((a, b) => a.partition - b.partition);
    });
  }

  listGroups(): Promise<{ groupId: string; protocolType: string }[]> {
    return this.call(async (admin) => (await admin.listGroups()).groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType })));
  }

  describeGroups(groupIds: string[]): Promise<GroupDescription[]> {
    return this.call(async (admin) => {
      const { groups } = await admin.describeGroups(groupIds);
      return groups.map((g) => ({
        groupId: g.groupId,
        state: g.state,
        protocolType: g.protocolType,
        members: g.members.map((m) => ({
          memberId: m.memberId,
          clientId: m.clientId,
          clientHost: m.clientHost,
          assignment: decodeAssignment(m.memberAssignment),
        })),
      }));
    });
  }

  /** The group's committed offsets for `topics` (every topic it committed to when omitted). */
  groupOffsets(groupId: string, topics?: string[]): Promise<CommittedOffset[]> {
    return this.call(async (admin) => {
      const entries = await admin.fetchOffsets({ groupId, topics });
      return entries.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, offset: p.offset })));
    });
  }

  /**
   * Moves a group's offsets on one topic; the group must have no active members. The start and
   * the end are resolved to the partitions' actual offsets, so what is committed (and shown
   * afterwards) is a real position, not a sentinel.
   */
  resetGroupOffsets(groupId: string, topic: string, to: OffsetTarget): Promise<void> {
    return this.call(async (admin) => {
      const partitions =
        to === 'earliest' || to === 'latest'
          ? (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, offset: to === 'earliest' ? o.low : o.high }))
          : to.map((p) => ({ partition: p.partition, offset: p.offset }));
      await admin.setOffsets({ groupId, topic, partitions });
    });
  }

  deleteGroups(groupIds: string[]): Promise<void> {
    return this.call(async (admin) => {
      if (groupIds.length > 0) await admin.deleteGroups(groupIds);
    });
  }

  async close(): Promise<void> {
    const admin = this.admin ?? (await this.connecting?.catch(() => undefined));
    this.admin = undefined;
    this.connecting = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async call<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = await this.connect();
    try {
      return await work(admin);
    } catch (e) {
      // A broken connection is dropped, so the next call opens a fresh one.
      if (this.admin === admin) {
        this.admin = undefined;
        await admin.disconnect().catch(() => undefined);
      }
      throw e;
    }
  }

  private async connect(): Promise<Admin> {
    if (this.admin) return this.admin;
    if (!this.connecting) {
      const retries = this.options.retries;
      const admin = clientOf(this.connection).admin(retries === undefined ? undefined : { retry: { retries } });
      this.connecting = admin
        .connect()
        .then(() => {
          this.admin = admin;
          return admin;
        })
        .finally(() => {
          this.connecting = undefined;
        });
    }
    return this.connecting;
  }
}

function decodeAssignment(raw: Buffer): Record<string, number[]> {
  if (!raw || raw.length === 0) return {};
  try {
    return AssignerProtocol.MemberAssignment.decode(raw)?.assignment ?? {};
  } catch {
    return {};
  }
}
