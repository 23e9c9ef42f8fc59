import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second, the unit of utime and stime in /proc/<pid>/stat. */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export interface ProcessUsage {
  name: string;
  pid: number;
  /** User plus system CPU seconds over the sampled span. */
  cpuSeconds: number;
  /** Highest resident set seen (VmHWM), MB. */
  peakRssMb: number;
}

interface Reading {
  cpu: number;
  hwmKb: number;
}

/** CPU seconds so far and peak RSS of a live process; undefined once it has gone. */
function read(pid: number): Reading | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS;
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpu, hwmKb: hwm ? Number(hwm[1]) : 0 };
  } catch {
    return undefined;
  }
}

/**
 * Samples processes once a second from /proc, so the figures of a process that exits before
 * the end of the span are those of its last second. `usage()` gives each process's CPU
 * seconds since `start()` (or since it was added) and its peak RSS.
 */
export class ProcessSampler {
  private readonly watched = new Map<string, { pid: number; first: Reading; last: Reading }>();
  private timer: NodeJS.Timeout | undefined;

  add(name: string, pid: number | undefined): void {
    if (pid === undefined) return;
    const r = read(pid);
    if (r) this.watched.set(name, { pid, first: r, last: r });
  }

  start(): this {
    this.timer = setInterval(() => this.sample(), 1000);
    this.timer.unref();
    return this;
  }

  /** From now on, CPU seconds count from here (the peak RSS stays the process's own). */
  rebase(): void {
    this.sample();
    for (const w of this.watched.values()) w.first = w.last;
  }

  usage(): ProcessUsage[] {
    this.sample();
    return [...this.watched].map(([name, w]) => ({
      name,
      pid: w.pid,
      cpuSeconds: w.last.cpu - w.first.cpu,
      peakRssMb: w.last.hwmKb / 1024,
    }));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    for (const w of this.watched.values()) {
      const r = read(w.pid);
      if (r) w.last = r;
    }
  }
}
