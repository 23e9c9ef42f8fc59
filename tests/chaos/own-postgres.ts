import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** util-linux's runuser lives in sbin, which a non-login shell's PATH may lack. */
const RUNUSER = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p)) ?? 'runuser';

/** The newest PostgreSQL server binaries installed the Debian way (/usr/lib/postgresql/N/bin). */
function serverBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, 'bin', 'pg_ctl'))) : [];
  if (versions.length === 0) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)');
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/**
 * A PostgreSQL cluster of the fault suite's own, in a folder of its own on a port of its own,
 * so it can be stopped and started without touching anything else on the machine. The
 * server refuses to run as root, so as root it runs as the `postgres` user; its folder is
 * under the system's temporary directory, which that user can reach wherever the checkout is.
 */
export class OwnPostgres {
  readonly url: string;
  private readonly bin = serverBinDir();
  private readonly asPostgres = userInfo().uid === 0;

  constructor(
    private readonly dir: string,
    readonly port: number,
  ) {
    this.url = `postgres://postgres@127.0.0.1:${port}/copydesk`;
  }

  /** A fresh cluster (the folder is recreated), started. */
  async init(): Promise<void> {
    this.stopQuietly();
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    if (this.asPostgres) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(this.dir, id('-u'), id('-g'));
    }
    await this.run('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    await this.start();
  }

  start(): Promise<void> {
    return this.run('pg_ctl', [
      '-D',
      this.data,
      '-l',
      path.join(this.dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.dir} -c fsync=off -c max_connections=200`,
      'start',
    ]);
  }

  /** A fast shutdown: open connections are cut, as in a database restart. */
  stop(): Promise<void> {
    return this.run('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  stopQuietly(): void {
    if (existsSync(path.join(this.data, 'postmaster.pid')))
      spawnSync(...this.command('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
  }

  private get data(): string {
    return path.join(this.dir, 'data');
  }

  private command(tool: string, args: string[]): [string, string[]] {
    const binary = path.join(this.bin, tool);
    return this.asPostgres ? [RUNUSER, ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  }

  private async run(tool: string, args: string[]): Promise<void> {
    const [cmd, argv] = this.command(tool, args);
    await exec(cmd, argv);
  }
}
