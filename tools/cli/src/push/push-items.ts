import { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** One thing to push: a file, or standard input. */
export interface PushItem {
  /** The file's path as found, or `-` for standard input. */
  name: string;
  read(): Promise<Buffer>;
}

export class PushInputError extends Error {
  constructor(
    readonly code: 'FILE_NOT_READABLE' | 'NOTHING_TO_PUSH',
    message: string,
  ) {
    super(message);
    this.name = 'PushInputError';
  }
}

function readStdin(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.once('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.once('error', reject);
  });
}

/** The files of a folder and its subfolders, in name order; names starting with a dot (and what they hold) are left out. */
async function walk(dir: string): Promise<string[]> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

/** What `copydesk push` sends for its arguments: files as named, folders walked, `-` standard input as one item. */
export async function listPushItems(inputs: readonly string[]): Promise<PushItem[]> {
  const items: PushItem[] = [];
  for (const input of inputs) {
    if (input === '-') {
      items.push({ name: '-', read: readStdin });
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (e) {
      throw new PushInputError('FILE_NOT_READABLE', `${input}: ${(e as Error).message}`);
    }
    const files = info.isDirectory() ? await walk(input) : [input];
    for (const file of files) items.push({ name: file, read: () => readFile(file) });
  }
  if (items.length === 0) throw new PushInputError('NOTHING_TO_PUSH', `no files in ${inputs.join(', ')}`);
  return items;
}
