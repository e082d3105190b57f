/**
 * The processes the bench starts: server nodes (`server/main.ts`, as test/two-nodes.test.ts starts
 * one) and load processes (bench/workers, forked with the tsx loader and spoken to over IPC).
 * Each is stopped by its own pid; nothing is killed by name.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { estimateOffset, now, sleep } from './clock.ts';

export const ROOT = path.dirname(path.dirname(import.meta.dirname));
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

/** A port nobody listens on now (for a process that must be told its port in advance). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Ends a child with SIGTERM (SIGKILL after `graceMs`) and waits for it. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface ServerNode {
  name: string;
  url: string;
  child: ChildProcess;
  /** When it was spawned, on the bench's clock. */
  spawnedAt: number;
  stop(): Promise<void>;
}

const BANNER = /http:\/\/localhost:(\d+)\/h5\//;

/**
 * Starts `node --import tsx server/main.ts` on loopback with `env` on top of ours, and waits for its
 * banner. Its output goes to `bench/results/<name>.log`.
 */
export async function startServerNode(name: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerNode> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `lobby-bench-${name}-`));
  const spawnedAt = now();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(path.join(RESULTS_DIR, `${name}.log`));
  let output = '';
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    if (output.length < 100_000) output += chunk.toString();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const deadline = Date.now() + 60_000;
  while (!BANNER.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await stopChild(child);
      log.end();
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`server ${name} did not start:\n${output}`);
    }
    await sleep(50);
  }
  return {
    name,
    url: `http://127.0.0.1:${BANNER.exec(output)![1]}`,
    child,
    spawnedAt,
    stop: async () => {
      await stopChild(child);
      log.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A load process: typed messages both ways, and its clock's offset from ours. */
export interface LoadProcess<In, Out extends { type: string }> {
  send(message: In): void;
  /** The next message of this type (or one that came before and was not taken yet). */
  next<T extends Out['type']>(type: T, timeoutMs?: number): Promise<Extract<Out, { type: T }>>;
  /** Its clock minus ours, in ms (0 until `measureOffset`). */
  offset: number;
  measureOffset(): Promise<void>;
  stop(): Promise<void>;
}

/** Every load process answers `{ type: 'ping', id }` with `{ type: 'pong', id, at }` (its clock). */
export type Ping = { type: 'ping'; id: number };
export type Pong = { type: 'pong'; id: number; at: number };

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Forks `bench/workers/<file>` with the tsx loader. */
export function forkLoadProcess<In, Out extends { type: string }>(file: string): LoadProcess<In | Ping, Out> {
  const child = fork(path.join(ROOT, 'bench', 'workers', file), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const inbox: Out[] = [];
  const waiters: { type: string; resolve: (message: Out) => void }[] = [];
  const pongs: ((pong: Pong) => void)[] = [];
  child.on('message', (raw) => {
    const message = raw as Out | Pong;
    if (message.type === 'pong') {
      pongs.shift()?.(message as Pong);
      return;
    }
    const waiter = waiters.findIndex((w) => w.type === message.type);
    if (waiter >= 0) waiters.splice(waiter, 1)[0]!.resolve(message as Out);
    else inbox.push(message as Out);
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`load process ${file} exited (${code})`))));
  exited.catch(() => {});

  function next<T extends Out['type']>(type: T, timeoutMs = 120_000): Promise<Extract<Out, { type: T }>> {
    const waiting = inbox.findIndex((m) => m.type === type);
    if (waiting >= 0) return Promise.resolve(inbox.splice(waiting, 1)[0] as Extract<Out, { type: T }>);
    const waiter = { type: type as string, resolve: (_: Out) => {} };
    const arrived = new Promise<Out>((resolve) => {
      waiter.resolve = resolve;
      waiters.push(waiter);
    });
    // A waiter that timed out must not take a later message.
    const forget = () => {
      const index = waiters.indexOf(waiter);
      if (index >= 0) waiters.splice(index, 1);
    };
    return withTimeout(Promise.race([arrived, exited]), timeoutMs, `load process ${file}: no ${type}`)
      .catch((error: unknown) => {
        forget();
        throw error;
      }) as Promise<Extract<Out, { type: T }>>;
  }

  const loadProcess: LoadProcess<In | Ping, Out> = {
    offset: 0,
    send(message) {
      child.send(message as object);
    },
    next,
    async measureOffset() {
      loadProcess.offset = await estimateOffset(async (id) => {
        const pong = new Promise<Pong>((resolve) => pongs.push(resolve));
        child.send({ type: 'ping', id } satisfies Ping);
        return (await withTimeout(Promise.race([pong, exited]), 10_000, `load process ${file}: no pong`)).at;
      });
    },
    stop: () => stopChild(child),
  };
  return loadProcess;
}
