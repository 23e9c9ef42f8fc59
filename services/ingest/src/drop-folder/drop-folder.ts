import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { FSWatcher, watch } from 'chokidar';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ShutdownPhase, ShutdownSequence } from '@copydesk/observability';
import { IngestConfig } from '../config/ingest.config';
import { SubmissionFailure, submissionFailure } from '../pullers/submission-failure';
import { Source } from '../sources/sources.service';
import { SourcesRepository } from '../sources/sources.repository';
import { IngestErrorCode } from '../wire/ingest-error-code';
import { WireService } from '../wire/wire.service';
import { contentTypeOfFile, freeName, isIgnoredName } from './dropped-file';
import { DropFolderErrorCode } from './drop-folder-error-code';

const PROCESSED = 'processed';
const FAILED = 'failed';
/** A file the broker or the database could not take is tried again after this, doubling up to the cap. */
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

/**
 * The drop folder (INGEST_DROP_DIR): every file moved or copied into it (not into its
 * sub-folders) is submitted once through WireService.submit, the path of `POST /v1/wire`,
 * as copy of INGEST_DROP_SOURCE, then moved to `processed/`; a file refused for good (empty,
 * too large, unreadable) is moved to `failed/` beside `<name>.error.json` with the code and
 * message. Files already there at start-up are taken first.
 *
 * chokidar watches the folder and reports a file only once its size has stayed the same for
 * INGEST_DROP_STABLE_MS, so a file still being copied is not read half-written. The
 * idempotency key is `file:<sha256 of the content>`: after a crash between the submission and
 * the move, the file is submitted again at start-up and answered with the first submission.
 * When the broker or the database is down the file stays where it is and is tried again later.
 */
@Injectable()
export class DropFolder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DropFolder.name);
  private readonly dir: string;
  private watcher: FSWatcher | undefined;
  private source: Source | undefined;
  /** Files waiting to be taken, one at a time, in the order they were reported. */
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly retries = new Map<string, { timer: NodeJS.Timeout; delayMs: number }>();
  private draining: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly wire: WireService,
    private readonly sources: SourcesRepository,
    private readonly config: IngestConfig,
    shutdown: ShutdownSequence,
  ) {
    this.dir = config.INGEST_DROP_DIR.trim() ? path.resolve(config.INGEST_DROP_DIR.trim()) : '';
    shutdown.register(ShutdownPhase.Relays, 'drop folder', () => this.stop());
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.dir) return;
    const name = this.config.INGEST_DROP_SOURCE.trim();
    const found = await this.sources.findByName(name);
    if (!found || found.disabledAt) {
      throw new Error(`INGEST_DROP_SOURCE "${name}" is not an active registered source (register it with: copydesk sources add ${name})`);
    }
    this.source = { id: found.id, name: found.name };
    await mkdir(path.join(this.dir, PROCESSED), { recursive: true });
    await mkdir(path.join(this.dir, FAILED), { recursive: true });
    const watcher = watch(this.dir, {
      depth: 0,
      ignoreInitial: false,
      awaitWriteFinish: { stabilityThreshold: this.config.INGEST_DROP_STABLE_MS, pollInterval: Math.min(100, this.config.INGEST_DROP_STABLE_MS) },
      ignored: (file, stats) => file !== this.dir && (isIgnoredName(path.basename(file)) || stats?.isDirectory() === true),
    });
    watcher.on('add', (file) => this.enqueue(file));
    watcher.on('error', (e) => this.logger.error({ msg: 'drop folder watch failed', dir: this.dir, error: e instanceof Error ? e.message : String(e) }));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.watcher = watcher;
    this.logger.log({ msg: 'watching the drop folder', dir: this.dir, sourceId: this.source.id });
  }

  private enqueue(file: string): void {
    if (this.stopped || this.queued.has(file) || path.dirname(file) !== this.dir) return;
    this.queued.add(file);
    this.queue.push(file);
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  private async drain(): Promise<void> {
    for (let file = this.queue.shift(); file !== undefined && !this.stopped; file = this.queue.shift()) {
      try {
        await this.take(file);
      } catch (e) {
        this.logger.error({ msg: 'dropped file not handled; trying again later', file: path.basename(file), error: (e as Error).message });
        this.retryLater(file);
      } finally {
        this.queued.delete(file);
      }
    }
  }

  /** Submits one file and moves it on. */
  private async take(file: string): Promise<void> {
    const name = path.basename(file);
    const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
    if (!info?.isFile()) {
      // Moved away meanwhile: nothing to do.
      this.forgetRetry(file);
      return;
    }
    if (info.size > this.config.INGEST_MAX_BODY_BYTES) {
      return this.fail(file, {
        code: IngestErrorCode.PayloadTooLarge,
        message: `the file has ${info.size} bytes; at most ${this.config.INGEST_MAX_BODY_BYTES} are taken (INGEST_MAX_BODY_BYTES)`,
      });
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return this.forgetRetry(file);
      return this.fail(file, { code: DropFolderErrorCode.FileNotReadable, message: `the file cannot be read: ${code ?? (e as Error).message}` });
    }
    const sha256 = createHash('sha256').update(body).digest('hex');
    let accepted;
    try {
      accepted = await this.wire.submit(
        this.source as Source,
        { contentType: contentTypeOfFile(name), capturedAt: this.capturedAt(info.mtime), idempotencyKey: `file:${sha256}`, trace: {} },
        body,
      );
    } catch (e) {
      const failure = submissionFailure(e);
      if (failure.permanent) return this.fail(file, failure);
      this.logger.warn({ msg: 'dropped file not taken now; trying again later', file: name, code: failure.code, error: failure.message });
      this.retryLater(file, failure.retryAfterSeconds);
      return;
    }
    const moved = await this.moveInto(PROCESSED, file);
    this.forgetRetry(file);
    this.logger.log({
      msg: 'dropped file taken',
      file: name,
      movedTo: moved,
      submissionId: accepted.submissionId,
      sourceId: accepted.sourceId,
      replayed: accepted.replayed,
    });
  }

  /**
   * A file written by a capture tool carries its capture time as its modification time; one
   * whose time lies outside what `X-Captured-At` may say (ahead of now, absurdly old) is taken
   * as captured when it was received.
   */
  private capturedAt(mtime: Date): Date | undefined {
    const now = Date.now();
    const ahead = this.config.INGEST_CAPTURED_AT_MAX_AHEAD_SECONDS * 1000;
    const age = this.config.INGEST_CAPTURED_AT_MAX_AGE_DAYS * 86_400_000;
    return mtime.getTime() <= now + ahead && mtime.getTime() >= now - age ? mtime : undefined;
  }

  /** Moves a refused file to failed/, its reason beside it as `<name>.error.json`. */
  private async fail(file: string, failure: Pick<SubmissionFailure, 'code' | 'message'>): Promise<void> {
    const target = freeName(
      path.basename(file),
      (n) => existsSync(path.join(this.dir, FAILED, n)) || existsSync(path.join(this.dir, FAILED, `${n}.error.json`)),
    );
    const reason = { code: failure.code, message: failure.message, file: path.basename(file), failedAt: new Date().toISOString() };
    // The reason first: a crash before the move leaves the file to be tried again, which writes it again.
    await writeFile(path.join(this.dir, FAILED, `${target}.error.json`), JSON.stringify(reason, null, 2) + '\n');
    await rename(file, path.join(this.dir, FAILED, target));
    this.forgetRetry(file);
    this.logger.warn({ msg: 'dropped file refused', file: path.basename(file), movedTo: `${FAILED}/${target}`, code: failure.code, error: failure.message });
  }

  private async moveInto(folder: string, file: string): Promise<string> {
    const target = freeName(path.basename(file), (n) => existsSync(path.join(this.dir, folder, n)));
    await rename(file, path.join(this.dir, folder, target));
    return `${folder}/${target}`;
  }

  private retryLater(file: string, retryAfterSeconds?: number): void {
    if (this.stopped) return;
    const previous = this.retries.get(file);
    const delayMs = Math.max(previous ? Math.min(MAX_RETRY_MS, previous.delayMs * 2) : FIRST_RETRY_MS, (retryAfterSeconds ?? 0) * 1000);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => this.enqueue(file), delayMs);
    timer.unref();
    this.retries.set(file, { timer, delayMs });
  }

  private forgetRetry(file: string): void {
    const retry = this.retries.get(file);
    if (retry) clearTimeout(retry.timer);
    this.retries.delete(file);
  }

  private async stop(): Promise<void> {
    this.stopped = true;
    for (const retry of this.retries.values()) clearTimeout(retry.timer);
    this.retries.clear();
    await this.watcher?.close();
    // The file being submitted now is finished; those still queued are taken at the next start.
    await this.draining;
  }
}
