/**
 * `npm start` (`node scripts/start.mjs`) as a newcomer runs it: a real process on an empty data directory, its banner, its
 * health check, a restart that keeps the data, and a second process on the same directory refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/client.ts';
import { calendarOverrides, outlets } from '../db/schema.ts';

const ROOT = path.dirname(import.meta.dirname);

interface Started {
  child: ChildProcess;
  output: () => string;
  /** The exit code, or the signal's name when a signal ended it. */
  exited: Promise<number | string | null>;
}

function start(dataDir: string): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return { child, output: () => output, exited };
}

async function waitFor(started: Started, pattern: RegExp, ms = 30_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const match = pattern.exec(started.output());
    if (match) return match;
    if (started.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never printed ${pattern}; printed:\n${started.output()}`);
}

async function stop(started: Started): Promise<number | string | null> {
  started.child.kill('SIGTERM');
  return started.exited;
}

describe('npm start', () => {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'lobby-start-')), 'data');
  afterAll(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  it('starts on an empty data directory, prints the URLs and logins, and keeps its data across a restart', async () => {
    const first = start(dataDir);
    const [, ms] = await waitFor(first, /Lobby is ready in (\d+) ms \(embedded PGlite.*demo data seeded\)/);
    const [, base] = await waitFor(first, /(http:\/\/localhost:\d+)\/h5\//);
    expect(first.output()).toMatch(/\/kiosk\/#device=[\w-]{20,}/);
    expect(first.output()).toMatch(/\/display\/#device=[\w-]{20,}/);
    expect(first.output()).toMatch(/\/console\//);
    expect(first.output()).toMatch(/Demo logins \(password \S+\): admin, supervisor, clerk/);
    expect(Number(ms)).toBeGreaterThan(0);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });

    // A second process on the same directory would silently lose writes: it is refused.
    const second = start(dataDir);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another Lobby process \(pid \d+\)/);

    expect(await stop(first), first.output()).toBe(0);

    // Between the two starts, leave a mark in the data directory.
    const offline = await openPglite({ dataDir });
    await offline.db.insert(calendarOverrides).values({ date: '2026-12-24', kind: 'closed', reason: { zh: '标记', en: 'mark' } });
    await offline.close();

    const again = start(dataDir);
    const [banner] = await waitFor(again, /Lobby is ready in \d+ ms \([^)]*\)/);
    expect(banner).not.toMatch(/seeded/);
    expect(again.output()).toMatch(/\/kiosk\/#device=[\w-]{20,}/);
    expect(await stop(again), again.output()).toBe(0);

    const after = await openPglite({ dataDir });
    expect((await after.db.select({ n: count() }).from(outlets))[0]!.n).toBe(4);
    expect((await after.db.select({ n: count() }).from(calendarOverrides))[0]!.n).toBe(1);
    await after.close();
  }, 90_000);
});
