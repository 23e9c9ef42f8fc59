#!/usr/bin/env node
// The `copydesk` command. It runs from the build output (`npm run build`).
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const entry = path.join(root, 'dist', 'tools', 'cli', 'src', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('copydesk: not built yet; run `npm run build` in ' + root + '\n');
  process.exit(1);
}
require(path.join(root, 'tools', 'register-paths.js'));
require(entry);
