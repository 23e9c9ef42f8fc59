import { Injectable } from '@nestjs/common';
import { TOPICS } from '@copydesk/contracts';
import { KafkaAdmin } from '@copydesk/kafka';
import { ConsoleError, ConsoleErrorCode } from '../errors/console-error';
import { PipelineMonitor } from '../pipeline/pipeline.monitor';

const CONFIG_TTL_MS = 60_000;

/** Every topic with its settings, watermarks, produce rate and the groups reading it. */
@Injectable()
export class TopicsService {
  private configs: { at: number; value: Record<string, Record<string, string>> } | undefined;

  constructor(
    private readonly admin: KafkaAdmin,
    private readonly monitor: PipelineMonitor,
  ) {}

  static assertKnown(topic: string): void {
    if (!TOPICS.some((t) => t.name === topic)) {
      throw new ConsoleError(ConsoleErrorCode.UnknownTopic, `no topic ${topic}`, [{ known: TOPICS.map((t) => t.name) }]);
    }
  }

  private async topicConfigs(): Promise<Record<string, Record<string, string>>> {
    if (!this.configs || Date.now() - this.configs.at > CONFIG_TTL_MS) {
      this.configs = { at: Date.now(), value: await this.admin.topicConfigs(TOPICS.map((t) => t.name)) };
    }
    return this.configs.value;
  }

  async list() {
    const [snapshot, configs] = await Promise.all([this.monitor.current(), this.topicConfigs()]);
    return snapshot.topics.map((t) => {
      const config = configs[t.name] ?? {};
      const definition = TOPICS.find((d) => d.name === t.name);
      return {
        name: t.name,
        description: definition?.description ?? '',
        key: definition?.key ?? '',
        partitions: t.offsets.length,
        retentionMs: config['retention.ms'] === undefined ? null : Number(config['retention.ms']),
        cleanupPolicy: config['cleanup.policy'] ?? null,
        // For a compacted topic this counts offsets held, which may exceed the live messages.
        messages: t.offsets.reduce((n, o) => n + (Number(o.high) - Number(o.low)), 0),
        watermarks: t.offsets,
        rate: t.rate,
        groups: t.groups.map((g) => ({ groupId: g.groupId, state: g.state, members: g.members, lag: g.lag })),
      };
    });
  }
}
