// `npm start`: bundles the server's TypeScript with esbuild (well under a second) and runs the bundle
// with plain node. Loading every module through a TypeScript loader instead costs about a second
// more on every start. Dependencies stay in node_modules (`packages: 'external'`).
//
// The bundle is rebuilt only when one of its inputs (esbuild's own list, kept beside it) or this
// script changed since it was written: an unchanged checkout starts without loading esbuild at all.
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';

const OUT_DIR = 'dist/server';
const ENTRY = `${OUT_DIR}/main.mjs`;
const INPUTS = `${OUT_DIR}/inputs.json`;

function modifiedAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function bundleIsFresh() {
  const builtAt = modifiedAt(INPUTS);
  if (builtAt === undefined || modifiedAt(ENTRY) === undefined) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return false;
  }
  // A deleted input has no time and counts as changed.
  return [...inputs, 'scripts/start.mjs', 'package-lock.json'].every((file) => {
    const at = modifiedAt(file);
    return at !== undefined && at <= builtAt;
  });
}

if (!bundleIsFresh()) {
  const { build } = await import('esbuild');
  const startedAt = new Date();
  rmSync(OUT_DIR, { recursive: true, force: true });
  const result = await build({
    entryPoints: ['server/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Split at the server's dynamic imports, so the modules (and dependencies) they load are read while
    // the database opens, not all before it.
    splitting: true,
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    sourcemap: 'linked',
    logLevel: 'warning',
    metafile: true,
  });
  // Written last: an interrupted build leaves no list, so the next start builds again. Dated when the
  // build began: a file saved while esbuild ran counts as changed next time.
  writeFileSync(INPUTS, JSON.stringify(Object.keys(result.metafile.inputs)));
  utimesSync(INPUTS, startedAt, startedAt);
}
process.setSourceMapsEnabled(true);
await import('../dist/server/main.mjs');
