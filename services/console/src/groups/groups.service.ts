import { Injectable } from '@nestjs/common';
import { KafkaAdmin, OffsetReader, OffsetTarget } from '@copydesk/kafka';
import { ConsoleError, ConsoleErrorCode } from '../errors/console-error';
import { partitionLags } from '../pipeline/lag';
import { PipelineMonitor } from '../pipeline/pipeline.monitor';
import { TopicsService } from '../topics/topics.service';

export type ResetTo = 'earliest' | 'latest' | 'time' | 'offsets';

/** Consumer groups: state, members and assignment, lag per partition in messages and seconds; offset resets. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly admin: KafkaAdmin,
    private readonly reader: OffsetReader,
    private readonly monitor: PipelineMonitor,
  ) {}

  async list() {
    const s = await this.monitor.current();
    return s.groups.map((g) => ({
      groupId: g.groupId,
      state: g.state,
      members: g.members.length,
      topics: s.topics
        .filter((t) => t.groups.some((x) => x.groupId === g.groupId))
        .map((t) => ({ topic: t.name, lag: t.groups.find((x) => x.groupId === g.groupId)?.lag ?? 0 })),
    }));
  }

  async get(groupId: string) {
    const [described] = await this.admin.describeGroups([groupId]);
    const committed = await this.admin.groupOffsets(groupId);
    if (!described || (described.state === 'Dead' && committed.every((c) => c.offset === '-1'))) {
      throw new ConsoleError(ConsoleErrorCode.UnknownGroup, `no consumer group ${groupId}`);
    }
    const topics = [...new Set(committed.map((c) => c.topic))].sort();
    const lags = await Promise.all(topics.map(async (topic) => ({ topic, partitions: partitionLags(await this.admin.topicOffsets(topic), committed, topic) })));
    const waiting = lags.flatMap((t) =>
      t.partitions.filter((p) => p.lag > 0).map((p) => ({ topic: t.topic, partition: p.partition, offset: p.next, limit: 1 })),
    );
    const read = waiting.length > 0 ? await this.reader.read(waiting) : new Map();
    const now = Date.now();
    return {
      groupId,
      state: described.state,
      protocolType: described.protocolType,
      members: described.members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, clientHost: m.clientHost, assignment: m.assignment })),
      topics: lags.map((t) => ({
        topic: t.topic,
        lag: t.partitions.reduce((n, p) => n + p.lag, 0),
        partitions: t.partitions.map((p) => {
          const oldest = read.get(`${t.topic}/${p.partition}`)?.[0];
          return { ...p, lagSeconds: p.lag === 0 ? 0 : oldest ? Math.max(0, (now - Number(oldest.timestamp)) / 1000) : null };
        }),
      })),
    };
  }

  /** Moves the group's offsets on one topic; the group must have no members. Answers the offsets before and after. */
  async reset(groupId: string, topic: string, to: ResetTo, options: { time?: string; offsets?: { partition: number; offset: string }[] }) {
    TopicsService.assertKnown(topic);
    const [described] = await this.admin.describeGroups([groupId]);
    if (described && described.members.length > 0) {
      throw new ConsoleError(ConsoleErrorCode.GroupActive, `${groupId} has ${described.members.length} active members; stop them first`, [
        { state: described.state },
      ]);
    }
    const before = (await this.admin.groupOffsets(groupId, [topic])).map((o) => ({ partition: o.partition, offset: o.offset }));
    let target: OffsetTarget;
    if (to === 'earliest' || to === 'latest') target = to;
    else if (to === 'time') {
      const at = Date.parse(options.time ?? '');
      if (Number.isNaN(at)) throw new ConsoleError(ConsoleErrorCode.InvalidRequest, 'time must be an ISO 8601 instant');
      target = await this.admin.topicOffsetsAt(topic, at);
    } else {
      if (!options.offsets?.length) throw new ConsoleError(ConsoleErrorCode.InvalidRequest, 'offsets must name at least one partition');
      target = options.offsets;
    }
    await this.admin.resetGroupOffsets(groupId, topic, target);
    const after = (await this.admin.groupOffsets(groupId, [topic])).map((o) => ({ partition: o.partition, offset: o.offset }));
    return { groupId, topic, to, before, after };
  }
}
