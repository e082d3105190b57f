// `npm start`: bundles the server's TypeScript with esbuild (well under a second) and runs the bundle
// with plain node. Loading every module through a TypeScript loader instead costs about a second
// more on every start. Dependencies stay in node_modules (`packages: 'external'`).
import { rmSync } from 'node:fs';

import { build } from 'esbuild';

rmSync('dist/server', { recursive: true, force: true });
await build({
  entryPoints: ['server/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // Split at the server's dynamic imports, so the modules (and dependencies) they load are read while
  // the database opens, not all before it.
  splitting: true,
  outdir: 'dist/server',
  outExtension: { '.js': '.mjs' },
  sourcemap: 'linked',
  logLevel: 'warning',
});
process.setSourceMapsEnabled(true);
await import('../dist/server/main.mjs');
