import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

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

/** utime + stime (and, with `children`, cutime + cstime) of a process, in seconds; undefined once it has gone. */
function cpuOf(pid: string, children: boolean): { cpu: number; comm: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    return { cpu: (children ? own + Number(fields[13]) + Number(fields[14]) : own) / TICKS, comm, ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/**
 * Every PostgreSQL process's CPU: the live ones, and those that have exited (counted in their
 * parent's children time). The server is shared, so this is all of its work, not one database's.
 */
function readPostgres(): Reading | undefined {
  let cpu = 0;
  let found = false;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const p = cpuOf(pid, false);
    if (!p || p.comm !== 'postgres') continue;
    found = true;
    const parent = cpuOf(String(p.ppid), false);
    // The postmaster (whose parent is not a postgres process) also holds the exited backends' time.
    cpu += parent?.comm === 'postgres' ? p.cpu : (cpuOf(pid, true)?.cpu ?? p.cpu);
  }
  return found ? { cpu, hwmKb: 0 } : undefined;
}

/** The machine's busy (or, with `idle`, idle) CPU seconds so far, over all cores, from /proc/stat. */
function readMachine(idle: boolean): Reading | undefined {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const [user, nice, system, idleTicks, iowait, irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  return { cpu: (idle ? idleTicks + iowait : user + nice + system + irq + softirq + steal) / TICKS, hwmKb: 0 };
}

/**
 * Samples processes once a second from /proc, so the figures of a process that exits before
 * the end of the span are those of its last second. `usage()` gives each process's CPU
 * seconds since `start()` (or since it was added) and its peak RSS.
 */
export class ProcessSampler {
  private readonly watched = new Map<string, { pid: number; read: () => Reading | undefined; first: Reading; last: Reading }>();
  private timer: NodeJS.Timeout | undefined;

  add(name: string, pid: number | undefined): void {
    if (pid === undefined) return;
    this.watch(name, pid, () => read(pid));
  }

  /** The PostgreSQL server's processes together, and the machine's busy and idle CPU (pid 0: not one process). */
  addShared(): void {
    this.watch('postgresql (all)', 0, readPostgres);
    this.watch('machine busy', 0, () => readMachine(false));
    this.watch('machine idle', 0, () => readMachine(true));
  }

  private watch(name: string, pid: number, reader: () => Reading | undefined): void {
    const r = reader();
    if (r) this.watched.set(name, { pid, read: reader, first: r, last: r });
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
      const r = w.read();
      if (r) w.last = r;
    }
  }
}
