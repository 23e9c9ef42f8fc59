// Removes build output whose source is gone. tsc never deletes what it once emitted, so after a
// file is moved (codecs.ts -> codecs/index.ts, say) the stale codecs.js would shadow the new
// folder at run time. Run after every build; it only touches dist/.
const { existsSync, readdirSync, rmSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

function prune(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      prune(file);
      if (readdirSync(file).length === 0) rmSync(file, { recursive: true });
      continue;
    }
    const match = /^(.*)\.js(\.map)?$/.exec(name);
    if (!match) continue;
    const source = path.join(root, path.relative(dist, dir), `${match[1]}.ts`);
    if (!existsSync(source)) rmSync(file);
  }
}

for (const top of ['libs', 'services', 'tools', 'tests']) {
  if (existsSync(path.join(dist, top))) prune(path.join(dist, top));
}
