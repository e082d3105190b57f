/**
 * The front-ends are built by vite into dist/web. `npm install` builds them (the prepare script);
 * `npm start` rebuilds only when a source is newer than the last build, so a start stays fast.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../db/paths.ts';

const ROOT = PROJECT_ROOT;
export const WEB_ROOT = path.join(ROOT, 'dist', 'web');
const STAMP = path.join(WEB_ROOT, '.built');
const SOURCES = ['kiosk', 'display', 'wechat-h5', 'console', 'ui', 'common', 'vite.config.ts', 'package-lock.json'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { recursive: true })) {
    const mtime = statSync(path.join(target, String(entry))).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

export function webBuildIsStale(): boolean {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built);
}

/**
 * Runs `vite build` in a child process: vite installs its own signal handlers and worker threads,
 * which must not outlive the build inside the server (a Ctrl-C must reach our orderly shutdown).
 */
export async function buildWeb(): Promise<void> {
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed with exit code ${code}`))));
  });
  writeFileSync(STAMP, new Date().toISOString());
}

/** Builds when stale; returns whether it did. */
export async function ensureWebBuild(): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  await buildWeb();
  return true;
}
