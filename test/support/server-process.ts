/**
 * A Lobby server as its own process (`server/main.ts` under tsx), as an operator runs a node: for
 * tests of several nodes and of faults (kill -9, a database that goes away).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.dirname(path.dirname(import.meta.dirname));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait for the exit; returns the exit code or signal. */
  stop(): Promise<number | string | null>;
  /** SIGKILL: no shutdown code runs. */
  kill(): Promise<void>;
}

export async function startServerProcess(options: { databaseUrl: string; env?: Record<string, string>; port?: number }): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lobby-node-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, DATABASE_URL: options.databaseUrl, PORT: String(options.port ?? 0), HOST: '127.0.0.1', DATA_DIR: dataDir,
      SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => {
    rmSync(dataDir, { recursive: true, force: true });
    resolve(code ?? signal);
  }));
  const banner = /http:\/\/localhost:(\d+)\/h5\//;
  const deadline = Date.now() + 60_000;
  while (!banner.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${banner.exec(output)![1]}`,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
