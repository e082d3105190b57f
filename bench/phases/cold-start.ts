/**
 * Cold start: `node scripts/start.mjs` (what `npm start` runs) on an empty data directory with the
 * embedded database, timed from the spawn to the first 200 from `/healthz`. The median of 3.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { now, sleep } from '../lib/clock.ts';
import type { BenchContext } from '../lib/context.ts';
import { freePort, ROOT, stopChild } from '../lib/processes.ts';
import { percentile, round } from '../lib/stats.ts';

const RUNS = 3;

async function coldStart(): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lobby-bench-cold-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
  // A newcomer's start: embedded PGlite, demo data, default logging; nothing of the bench's.
  for (const name of ['DATABASE_URL', 'LOBBY_BENCH_HOOKS', 'LOBBY_DATA_KEY', 'SEED_DEMO', 'LOG_LEVEL']) delete env[name];
  const started = now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start did not answer /healthz within 60 s:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((res) => res.status === 200, () => false);
      if (ok) return now() - started;
      await sleep(10);
    }
  } finally {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function coldStartRun(ctx: BenchContext | { progress(message: string): void }) {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await coldStart());
    ctx.progress(`cold start ${i + 1}/${RUNS}: ${Math.round(runs.at(-1)!)} ms`);
  }
  return {
    cold_start_ms: round(percentile(runs, 50)),
    runs_ms: runs.map(round),
    conditions: 'node scripts/start.mjs (npm start without npm) on an empty DATA_DIR, embedded PGlite from the prepared template, demo data seeded; spawn to the first 200 from /healthz; median of 3, one after another, nothing else running',
  };
}
