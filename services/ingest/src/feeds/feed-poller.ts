import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ShutdownPhase, ShutdownSequence } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { submissionFailure } from '../pullers/submission-failure';
import { WireService } from '../wire/wire.service';
import { nextPollDelaySeconds } from './feed-backoff';
import { feedContentType } from './feed-document';
import { FeedErrorCode } from './feed-error-code';
import { fetchFeed, FetchLimits } from './feed-fetcher';
import { FeedPollError } from './feed-poll.error';
import { FeedsRepository, LeasedFeed, PollOutcome } from './feeds.repository';

/** A lease outlives the longest poll by this much: the submission after the fetch needs its time too. */
const LEASE_MARGIN_SECONDS = 60;

/**
 * Polls the due feeds (`copydesk feeds add`) every INGEST_FEED_SCAN_SECONDS, at most
 * INGEST_FEED_CONCURRENCY at once. A fetched document goes through WireService.submit, the
 * path of `POST /v1/wire`, as one raw submission of the feed's source, under the idempotency
 * key `feed:<sha256 of the document>`: a server that sends no validators and the same
 * document again is accepted once only. A 304 costs one request. A failure backs the feed
 * off (its interval doubled per failure in a row, capped) and is shown in its status.
 */
@Injectable()
export class FeedPoller implements OnApplicationBootstrap {
  private readonly logger = new Logger(FeedPoller.name);
  private readonly scanMs: number;
  private readonly limits: FetchLimits;
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly feeds: FeedsRepository,
    private readonly wire: WireService,
    private readonly config: IngestConfig,
    shutdown: ShutdownSequence,
  ) {
    this.scanMs = config.INGEST_FEED_SCAN_SECONDS * 1000;
    this.limits = {
      timeoutMs: config.INGEST_FEED_TIMEOUT_SECONDS * 1000,
      maxBytes: Math.min(config.INGEST_FEED_MAX_BYTES, config.INGEST_MAX_BODY_BYTES),
      signal: this.stopping.signal,
    };
    // Before the producer closes: a poll that has its document still submits it.
    shutdown.register(ShutdownPhase.Relays, 'feed poller', () => this.stop());
  }

  onApplicationBootstrap(): void {
    if (this.scanMs > 0) this.schedule(0);
  }

  /** Polls one leased feed and records what came of it. */
  async poll(feed: LeasedFeed): Promise<PollOutcome | undefined> {
    let outcome: PollOutcome;
    try {
      outcome = await this.fetchAndSubmit(feed);
    } catch (e) {
      if (!this.stopping.signal.aborted) throw e;
      await this.feeds.release(feed);
      return undefined;
    }
    const recorded = await this.feeds.record(feed, outcome);
    const log = { feedId: feed.id, sourceId: feed.sourceId, status: outcome.status, httpStatus: outcome.httpStatus, submissionId: outcome.submissionId };
    if (!recorded) this.logger.warn({ msg: 'feed poll outlived its lease; not recorded', ...log });
    else if (outcome.error)
      this.logger.warn({
        msg: 'feed poll failed',
        ...log,
        code: outcome.error.code,
        error: outcome.error.message,
        failures: outcome.failures,
        retryInSeconds: outcome.delaySeconds,
      });
    else this.logger.log({ msg: 'feed polled', ...log });
    return outcome;
  }

  private async fetchAndSubmit(feed: LeasedFeed): Promise<PollOutcome> {
    const ok = (status: PollOutcome['status'], httpStatus: number, rest: Partial<PollOutcome> = {}): PollOutcome => ({
      status,
      httpStatus,
      error: null,
      failures: 0,
      delaySeconds: feed.intervalSeconds,
      taken: false,
      ...rest,
    });
    let httpStatus: number | null = null;
    try {
      const fetched = await fetchFeed(feed.url, feed.validators, this.limits);
      httpStatus = fetched.httpStatus;
      if (fetched.kind === 'not-modified') return ok('not-modified', 304);
      const contentType = feedContentType(fetched.contentType, fetched.body);
      if (!contentType) {
        throw new FeedPollError(FeedErrorCode.NotAFeed, `the document is neither RSS nor Atom (Content-Type: ${fetched.contentType?.slice(0, 100) ?? 'none'})`);
      }
      const sha256 = createHash('sha256').update(fetched.body).digest('hex');
      const accepted = await this.wire.submit(
        { id: feed.sourceId, name: feed.sourceName },
        { contentType, idempotencyKey: `feed:${sha256}`, trace: {} },
        fetched.body,
      );
      return ok(accepted.replayed ? 'unchanged' : 'taken', 200, {
        validators: fetched.validators,
        submissionId: accepted.submissionId,
        taken: !accepted.replayed,
      });
    } catch (e) {
      if (this.stopping.signal.aborted) throw e;
      const failure = e instanceof FeedPollError ? e : submissionFailure(e);
      const failures = feed.failures + 1;
      return {
        status: 'error',
        httpStatus: e instanceof FeedPollError ? (e.httpStatus ?? null) : httpStatus,
        error: { code: failure.code, message: failure.message },
        failures,
        delaySeconds: nextPollDelaySeconds(feed.intervalSeconds, failures, this.config.INGEST_FEED_MAX_BACKOFF_SECONDS, failure.retryAfterSeconds),
        taken: false,
      };
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopping.signal.aborted) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.scan(), delayMs);
    this.timer.unref();
  }

  /** Leases as many due feeds as there are free slots and starts polling them; looks again at once when every slot was filled. */
  private async scan(): Promise<void> {
    const free = this.config.INGEST_FEED_CONCURRENCY - this.inFlight.size;
    let leased: LeasedFeed[] = [];
    if (free > 0) {
      try {
        leased = await this.feeds.lease(free, this.config.INGEST_FEED_TIMEOUT_SECONDS + LEASE_MARGIN_SECONDS);
      } catch (e) {
        this.logger.warn({ msg: 'due feeds not read', error: (e as Error).message });
      }
    }
    for (const feed of leased) {
      const run: Promise<void> = this.poll(feed)
        .then(
          () => undefined,
          (e: unknown) => this.logger.error({ msg: 'feed poll not recorded', feedId: feed.id, error: (e as Error).message }),
        )
        .finally(() => {
          this.inFlight.delete(run);
          // A slot came free: more feeds may be waiting for it.
          if (leased.length === free) this.schedule(0);
        });
      this.inFlight.add(run);
    }
    this.schedule(this.scanMs);
  }

  private async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.stopping.abort();
    await Promise.all(this.inFlight);
  }
}
