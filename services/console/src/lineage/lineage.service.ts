import { Injectable } from '@nestjs/common';
import { Header, Topic } from '@copydesk/contracts';
import { ConsoleError, ConsoleErrorCode } from '../errors/console-error';
import { Located, MessageLocator } from './message-locator';
import { PublishStory, UpstreamClient } from './upstream.client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOUR_MS = 3600_000;

function where(l: Located | undefined) {
  return l ? { topic: l.topic, partition: l.partition, offset: l.offset, timestamp: l.timestamp } : null;
}

function earliest(times: string[]): Date {
  return new Date(Math.min(...times.map((t) => Date.parse(t)).filter((t) => !Number.isNaN(t)), Date.now()));
}

/**
 * A story's lineage, from what its owners expose: publish's story API (story, versions, diff),
 * dedupe's decisions endpoint, and the topics themselves for where each message sits.
 */
@Injectable()
export class LineageService {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly locator: MessageLocator,
  ) {}

  /** Stories by id, submission id, source id or headline words. */
  async search(q: string): Promise<{ matchedBy: string; stories: PublishStory[] }> {
    const text = q.trim();
    if (!text) throw new ConsoleError(ConsoleErrorCode.InvalidRequest, 'give a story id, submission id, source id or headline words');
    if (UUID.test(text)) {
      const story = await this.upstream.story(text);
      if (story) return { matchedBy: 'story', stories: [story] };
      const decided = await this.upstream.decisions({ submissionId: text });
      const ids = [...new Set(decided.map((d) => d.storyId).filter((s): s is string => s !== null))];
      if (ids.length > 0) {
        const stories = (await Promise.all(ids.map((id) => this.upstream.story(id)))).filter((s): s is PublishStory => s !== null);
        return { matchedBy: 'submission', stories };
      }
      return { matchedBy: 'source', stories: await this.upstream.stories({ source: text }) };
    }
    return { matchedBy: 'headline', stories: await this.upstream.stories({ q: text.slice(0, 200) }) };
  }

  async lineage(storyId: string) {
    if (!UUID.test(storyId)) throw new ConsoleError(ConsoleErrorCode.InvalidRequest, 'a story id is a UUID');
    const story = await this.upstream.story(storyId);
    if (!story) throw new ConsoleError(ConsoleErrorCode.StoryNotFound, `no story ${storyId} (or the console's key may not read it)`);
    const [versions, decisions] = await Promise.all([this.upstream.versions(storyId), this.upstream.decisions({ storyId })]);
    const submissions = new Set([...decisions.map((d) => d.submissionId), ...versions.map((v) => v.submissionId)]);
    const items = new Set(decisions.map((d) => d.itemId));
    const events = new Set(versions.map((v) => v.eventId));
    const firstDecision = earliest(decisions.map((d) => d.decidedAt));
    const firstPublished = earliest(versions.map((v) => v.publishedAt));
    // The raw copy was received, and its items normalised, before dedupe decided; an hour's margin covers a backlog.
    const [raw, normalised, published] = await Promise.all([
      this.locator.locate(Topic.WireRaw, Header.SubmissionId, submissions, new Date(firstDecision.getTime() - HOUR_MS)),
      this.locator.locate(Topic.WireNormalised, Header.ItemId, items, new Date(firstDecision.getTime() - HOUR_MS)),
      this.locator.locate(Topic.StoryPublished, Header.CeId, events, new Date(firstPublished.getTime() - 60_000)),
    ]);
    return {
      story,
      submissions: [...submissions].map((id) => ({ submissionId: id, raw: where(raw.find((r) => r.value === id)) })),
      items: decisions.map((d) => ({
        itemId: d.itemId,
        submissionId: d.submissionId,
        normalised: where(normalised.find((n) => n.value === d.itemId)),
        decision: { outcome: d.outcome, version: d.version, decidedAt: d.decidedAt, ...d.evidence },
      })),
      versions: versions.map((v) => ({ ...v, event: where(published.find((p) => p.value === v.eventId)) })),
    };
  }

  async diff(storyId: string, from: number, to: number): Promise<unknown> {
    const diff = await this.upstream.diff(storyId, from, to);
    if (!diff) throw new ConsoleError(ConsoleErrorCode.StoryNotFound, `no versions ${from} and ${to} of story ${storyId}`);
    return diff;
  }
}
