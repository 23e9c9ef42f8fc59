// The console's page: Preact, built by `npm run build` into dist/console-web, served by the console.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');

export default defineConfig({
  root: here,
  base: '/',
  plugins: [preact({ prerender: { enabled: false } })],
  resolve: { alias: { '@copydesk/updated-label': path.join(root, 'libs/updated-label/src/index.ts') } },
  build: {
    outDir: path.join(root, 'dist/console-web'),
    emptyOutDir: true,
    // No inline scripts or styles: the page's Content-Security-Policy forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  logLevel: 'warn',
});
