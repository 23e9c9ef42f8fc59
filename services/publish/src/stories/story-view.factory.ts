import { Injectable } from '@nestjs/common';
import { TimePrecision } from '@copydesk/contracts';
import { formatUpdatedLabel } from '@copydesk/updated-label';
import { PublishConfig } from '../config/publish.config';
import { eventType } from '../events/cloud-event';
import { storyUri } from '../events/ninjs.mapper';
import { StoryDto, VersionDto } from './dto/story.dto';
import { StoryRow, VersionRow } from './stories.repository';

const DAY_MS = 86_400_000;

/** Turns read-model rows into API views, with the "Updated …" label rendered at `now`. */
@Injectable()
export class StoryViewFactory {
  constructor(private readonly config: PublishConfig) {}

  story(r: StoryRow, now: Date): StoryDto {
    return {
      id: r.id,
      uri: storyUri(this.config.PUBLISH_URI_BASE, r.id),
      sourceId: r.sourceId,
      version: r.currentVersion,
      versionCount: r.versionCount,
      kind: r.kind,
      pubStatus: r.pubStatus,
      headline: r.headline,
      updatedAt: r.updatedAt.toISOString(),
      updatedPrecision: r.updatedPrecision,
      updatedLabel: this.label(r.updatedAt, r.updatedPrecision, now),
      firstSeenAt: r.createdAt.toISOString(),
      submissionId: r.submissionId,
      itemIndex: r.itemIndex,
      ninjs: r.document,
    };
  }

  version(r: VersionRow, now: Date): VersionDto {
    return {
      storyId: r.storyId,
      version: r.version,
      kind: r.kind,
      current: r.current,
      pubStatus: r.pubStatus,
      released: r.seq !== null,
      eventId: r.eventId,
      eventType: eventType(r.kind),
      updatedAt: r.updatedAt.toISOString(),
      updatedPrecision: r.updatedPrecision,
      updatedLabel: this.label(r.updatedAt, r.updatedPrecision, now),
      publishedAt: r.publishedAt.toISOString(),
      submissionId: r.submissionId,
      itemIndex: r.itemIndex,
      match: r.match,
      ninjs: r.document,
    };
  }

  /** A time known only to the day reads as its date, however recent. */
  label(updatedAt: Date, precision: TimePrecision, now: Date): string {
    const timeZone = this.config.LABEL_TIME_ZONE;
    if (precision === 'day') return formatUpdatedLabel(updatedAt, new Date(Math.max(now.getTime(), updatedAt.getTime() + 2 * DAY_MS)), { timeZone });
    return formatUpdatedLabel(updatedAt, now, { timeZone });
  }
}
