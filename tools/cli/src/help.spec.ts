import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

// These run the built command (the test command builds before jest), as a person runs it.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'node_modules', '.bin', 'copydesk');
const { COPYDESK_API_KEY: _key, ...inherited } = process.env;
const env = { ...inherited, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };

function copydesk(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const COMMANDS = [
  '',
  'sources',
  'sources add',
  'sources list',
  'sources disable',
  'sources rotate',
  'feeds',
  'feeds add',
  'feeds list',
  'feeds remove',
  'push',
  'parse',
  'tail',
  'dlq',
  'dlq list',
  'dlq replay',
  'topics',
  'topics create',
  'db',
  'db migrate',
  'setup',
  'consumers',
  'consumers add',
  'consumers list',
  'consumers disable',
  'users',
  'users add',
  'users list',
];

describe('copydesk --help', () => {
  jest.setTimeout(60_000);

  it('documents every command and subcommand: usage, a description and examples', () => {
    // Every command's help in one process (one start of Node instead of one per command).
    const walker = `
      const { buildProgram } = require(${JSON.stringify(path.join(ROOT, 'dist/tools/cli/src/program.js'))});
      const out = [];
      const walk = (cmd, words) => {
        let text = '';
        cmd.configureOutput({ writeOut: (s) => (text += s) });
        cmd.outputHelp();
        out.push({ path: words.join(' '), description: cmd.description(), text });
        for (const sub of cmd.commands) walk(sub, [...words, sub.name()]);
      };
      walk(buildProgram(), []);
      process.stdout.write(JSON.stringify(out));`;
    const run = spawnSync(process.execPath, ['-r', path.join(ROOT, 'tools/register-paths.js'), '-e', walker], { env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const helps = JSON.parse(run.stdout) as { path: string; description: string; text: string }[];
    expect(helps.map((h) => h.path).sort()).toEqual([...COMMANDS].sort());
    for (const h of helps) {
      expect(h.text).toContain(`Usage: copydesk${h.path ? ` ${h.path}` : ''}`);
      expect(h.description.length).toBeGreaterThan(10);
      expect(h.text).toMatch(/Examples?:\n {2}\$ .*copydesk /);
    }
    const help = (words: string) => helps.find((h) => h.path === words)?.text ?? '';
    expect(help('dlq replay')).toMatch(/--offset <offset>[\s\S]*--all[\s\S]*--dry-run/);
    expect(help('tail')).toMatch(/--from-beginning[\s\S]*--key <key>[\s\S]*--header <name=value>[\s\S]*--limit <n>/);
    expect(help('feeds add')).toContain('--source <name>');
  });

  it('prints help on stdout with exit status 0, the way a person asks for it', async () => {
    const [top, viaHelp] = await Promise.all([copydesk('--help'), copydesk('help', 'push')]);
    expect(top.status).toBe(0);
    expect(viaHelp.status).toBe(0);
    expect(top.stdout).toMatch(/Commands:[\s\S]*feeds[\s\S]*push[\s\S]*tail[\s\S]*dlq/);
    expect(top.stdout).toContain('COPYDESK_INGEST_URL');
    expect(viaHelp.stdout).toContain('Usage: copydesk push [options] <paths...>');
    expect(viaHelp.stdout).toContain('--concurrency <n>');
    expect(viaHelp.stdout).toContain('Idempotency-Key');
  });

  it('answers a command used wrongly with a stable code and exit status 2', async () => {
    const [unknownTopic, missingArgument, noKey, nothing] = await Promise.all([
      copydesk('tail', 'no.such.topic'),
      copydesk('sources', 'rotate'),
      copydesk('push', ROOT, '--key', ''),
      copydesk('dlq', 'replay'),
    ]);
    expect(unknownTopic).toMatchObject({ status: 2, stderr: expect.stringContaining('UNKNOWN_TOPIC: no topic no.such.topic') });
    expect(missingArgument).toMatchObject({ status: 2, stderr: expect.stringContaining("missing required argument 'name-or-id'") });
    expect(noKey).toMatchObject({ status: 2, stderr: expect.stringContaining('API_KEY_MISSING') });
    expect(nothing).toMatchObject({ status: 2, stderr: expect.stringContaining('REPLAY_WHAT') });
  });
});
