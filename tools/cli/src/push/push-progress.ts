import { Presets, SingleBar } from 'cli-progress';

/** How the push reports its progress on stderr: a bar on a terminal, else a plain line now and then. */
export interface PushProgress {
  start(total: number): void;
  done(): void;
  stop(): void;
}

/** Items per second since `startedAt`, and the seconds left at that rate. */
export function rate(done: number, total: number, elapsedMs: number): { perSecond: number; secondsLeft: number | undefined } {
  const perSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  return { perSecond, secondsLeft: perSecond > 0 ? Math.ceil((total - done) / perSecond) : undefined };
}

class BarProgress implements PushProgress {
  private readonly bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'push {bar} {percentage}% | {value}/{total} items | {speed} items/s | {eta_formatted} left',
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  private startedAt = 0;
  private count = 0;
  private total = 0;

  start(total: number): void {
    this.startedAt = Date.now();
    this.total = total;
    this.bar.start(total, 0, { speed: '0.0' });
  }

  done(): void {
    this.count++;
    this.bar.increment(1, { speed: rate(this.count, this.total, Date.now() - this.startedAt).perSecond.toFixed(1) });
  }

  stop(): void {
    this.bar.stop();
  }
}

/** Without a terminal (a log, a pipe): one line every `everyMs`, so a long push still shows it moves. */
class LineProgress implements PushProgress {
  private startedAt = 0;
  private count = 0;
  private total = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly everyMs: number) {}

  start(total: number): void {
    this.startedAt = Date.now();
    this.total = total;
    this.timer = setInterval(() => this.line(), this.everyMs);
    this.timer.unref();
  }

  done(): void {
    this.count++;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private line(): void {
    const { perSecond, secondsLeft } = rate(this.count, this.total, Date.now() - this.startedAt);
    const left = secondsLeft === undefined ? '' : `, about ${secondsLeft} s left`;
    process.stderr.write(`push: ${this.count}/${this.total} items, ${perSecond.toFixed(1)} items/s${left}\n`);
  }
}

export function pushProgress(): PushProgress {
  return process.stderr.isTTY ? new BarProgress() : new LineProgress(5000);
}
