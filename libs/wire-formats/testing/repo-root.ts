import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The repository root: the nearest folder above `from` that holds nx.json. Found rather than
 * counted, so that test support reads the shared corpus both from its sources and compiled
 * elsewhere (the fuzz program runs from dist/). Test support only.
 */
export function repoRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}
