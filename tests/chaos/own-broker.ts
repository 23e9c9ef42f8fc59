import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A Kafka broker of the fault suite's own (infra/kafka/kafka.sh on ports and a data folder of its own). */
export class OwnBroker {
  readonly address: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly root: string,
    private readonly dataDir: string,
    port: number,
  ) {
    this.address = `127.0.0.1:${port}`;
    this.env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(port + 1), KAFKA_DATA_DIR: dataDir };
  }

  /** A fresh broker: no topics, no offsets. */
  async init(): Promise<void> {
    await this.script('stop');
    rmSync(this.dataDir, { recursive: true, force: true });
    await this.start();
  }

  /** Starts it and resolves once it answers (the script waits for that). */
  start(): Promise<void> {
    return this.script('start');
  }

  stop(): Promise<void> {
    return this.script('stop');
  }

  /** SIGKILL: the broker dies without flushing or telling anyone. */
  async kill(): Promise<void> {
    const pid = Number(readFileSync(path.join(this.dataDir, 'kafka.pid'), 'utf8').trim());
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async script(command: string): Promise<void> {
    await run('bash', [path.join(this.root, 'infra/kafka/kafka.sh'), command], { env: this.env });
  }
}
