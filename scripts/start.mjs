// `npm start`: bundles the server's TypeScript with esbuild (well under a second) and runs the bundle
// with plain node. Loading every module through a TypeScript loader instead costs about a second
// more on every start. Dependencies stay in node_modules (`packages: 'external'`).
import { build } from 'esbuild';

await build({
  entryPoints: ['server/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: 'dist/server/main.mjs',
  sourcemap: 'linked',
  logLevel: 'warning',
});
process.setSourceMapsEnabled(true);
await import('../dist/server/main.mjs');
