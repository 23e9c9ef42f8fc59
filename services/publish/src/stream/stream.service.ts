import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { PublishConfig } from '../config/publish.config';
import { ReadScope } from '../consumers/reader';
import { StructuredCloudEvent, toStructuredCloudEvent } from '../events/cloud-event';
import { statusNotice } from '../events/ninjs.mapper';
import { StoriesRepository, StreamedVersionRow } from '../stories/stories.repository';
import { StreamHead } from './stream-head';

const PAGE = 200;
/** Tries of one page read before the stream gives up (the client then reconnects with its Last-Event-ID). */
const PAGE_READ_ATTEMPTS = 6;

/** One event of the SSE stream: its id is the version's position in the published stream. */
export interface StreamEvent {
  position: string;
  event: StructuredCloudEvent;
}

export interface StreamSink {
  send(e: StreamEvent): Promise<void>;
  keepAlive(): Promise<void>;
}

/**
 * Follows the published versions in stream order from a position. Positions are handed out in
 * commit order (see PublishRepository.insertVersion), so resuming after the last position a
 * client saw misses nothing and repeats nothing. A version held under embargo has no position
 * until it is released, and gets the next one then: the stream is in the order versions were
 * released, which for a story is the order its versions came in.
 */
@Injectable()
export class StreamService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(StreamService.name);
  private readonly open = new Set<AbortController>();

  constructor(
    private readonly stories: StoriesRepository,
    private readonly head: StreamHead,
    private readonly config: PublishConfig,
  ) {}

  /** The newest position: where a client that names none starts. */
  start(): Promise<string> {
    return this.stories.headPosition();
  }

  /**
   * Sends every version after `position` and then each new one, until `signal` aborts or the
   * service stops. A reader without the all-statuses right (`released`) gets a withheld or
   * canceled version as a notice without its copy (`statusNotice`).
   */
  async follow(position: string, sink: StreamSink, signal: AbortSignal, scope: ReadScope = 'released'): Promise<void> {
    const stop = new AbortController();
    const abort = (): void => stop.abort();
    signal.addEventListener('abort', abort, { once: true });
    this.open.add(stop);
    let lastKeepAlive = Date.now();
    try {
      while (!stop.signal.aborted) {
        // Read the known head before the versions: a version recorded after the query moves the head past it.
        const seenHead = this.head.current();
        const rows = await this.pageAfter(position, stop.signal);
        for (const r of rows) {
          if (stop.signal.aborted) return;
          await sink.send({ position: r.seq, event: this.eventOf(r, scope) });
          position = r.seq;
        }
        if (rows.length === PAGE) continue;
        if (Date.now() - lastKeepAlive >= this.config.STREAM_HEARTBEAT_S * 1000) {
          await sink.keepAlive();
          lastKeepAlive = Date.now();
        }
        const untilKeepAlive = Math.max(0, this.config.STREAM_HEARTBEAT_S * 1000 - (Date.now() - lastKeepAlive));
        await this.head.waitBeyond(BigInt(seenHead) > BigInt(position) ? seenHead : position, untilKeepAlive, stop.signal);
      }
    } catch (e) {
      if (!stop.signal.aborted) this.logger.warn({ msg: 'stream ended by an error', err: e, position });
    } finally {
      signal.removeEventListener('abort', abort);
      this.open.delete(stop);
    }
  }

  /**
   * The next page of versions. A failed read (the read pool busy past its connection timeout,
   * the database restarting) is tried again, backing off, rather than ending the stream: a
   * client catching up should not have to notice a moment of load.
   */
  private async pageAfter(position: string, signal: AbortSignal): Promise<StreamedVersionRow[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.stories.versionsAfter(position, PAGE);
      } catch (e) {
        if (attempt >= PAGE_READ_ATTEMPTS || signal.aborted) throw e;
        this.logger.warn({ msg: 'stream page read failed, trying again', attempt, position, err: e });
        await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** attempt)));
      }
    }
  }

  private eventOf(r: StreamedVersionRow, scope: ReadScope): StructuredCloudEvent {
    const document = scope === 'all' || r.pubStatus === 'usable' ? r.document : statusNotice(r.document);
    return toStructuredCloudEvent({ ...r, document }, this.config.PUBLISH_URI_BASE);
  }

  /** Ends every open stream, so the HTTP server can close. */
  beforeApplicationShutdown(): void {
    this.open.forEach((s) => s.abort());
  }
}
