/**
 * Where the machine's CPU went during a phase, read from /proc (Linux): the server nodes, the
 * PostgreSQL backends of the run's database, the bench with its load processes, and everything
 * else on the machine (other work that shares these cores). Sampled every 200 ms, so processes that
 * end during the phase keep their last reading.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // CLK_TCK is 100 on Linux

type Role = 'server' | 'postgres' | 'bench';

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** utime + stime (ms) and the parent of a process, from /proc/<pid>/stat. */
function stat(pid: number): { cpuMs: number; ppid: number } | undefined {
  const text = read(`/proc/${pid}/stat`);
  if (!text) return undefined;
  // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
}

/** Busy time of all CPUs together (ms), from /proc/stat: everything but idle and iowait. */
function machineBusyMs(): number {
  const fields = (read('/proc/stat') ?? '').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - fields[3]! - fields[4]!) * TICK_MS;
}

export interface CpuUse {
  wall_ms: number;
  /** CPU of every core together, in ms, during the phase. */
  machine_busy_ms: number;
  server_ms: number;
  postgres_ms: number;
  bench_and_clients_ms: number;
  others_ms: number;
}

/** Starts sampling; `stop()` answers the CPU each role used since. */
export function watchCpu(database: string, serverPids: () => number[]): { stop(): CpuUse } {
  const first = new Map<number, number>();
  const last = new Map<number, { cpuMs: number; role: Role }>();
  const startedAt = Date.now();
  const busyAtStart = machineBusyMs();
  /** Whether a pid is a backend of the run's database; its command line is read once. */
  const backends = new Map<number, boolean>();
  const isBackend = (pid: number) => {
    let known = backends.get(pid);
    if (known === undefined) backends.set(pid, (known = (read(`/proc/${pid}/cmdline`) ?? '').includes(` ${database} `)));
    return known;
  };

  function sample(initial: boolean) {
    const servers = new Set(serverPids());
    const parents = new Map<number, number>();
    const cpu = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) continue;
      const s = stat(pid);
      if (!s) continue;
      parents.set(pid, s.ppid);
      cpu.set(pid, s.cpuMs);
    }
    const descends = (pid: number) => {
      for (let p: number | undefined = pid, hops = 0; p && hops < 20; p = parents.get(p), hops++) if (p === process.pid) return true;
      return false;
    };
    for (const [pid, cpuMs] of cpu) {
      let role: Role | undefined;
      if (servers.has(pid)) role = 'server';
      else if (descends(pid)) role = 'bench';
      else if (isBackend(pid)) role = 'postgres';
      if (!role) continue;
      if (initial) first.set(pid, cpuMs);
      else if (!first.has(pid) && !last.has(pid)) first.set(pid, 0);
      last.set(pid, { cpuMs, role });
    }
  }

  sample(true);
  const timer = setInterval(() => sample(false), 200);
  timer.unref();
  return {
    stop() {
      sample(false);
      clearInterval(timer);
      const used: Record<Role, number> = { server: 0, postgres: 0, bench: 0 };
      for (const [pid, { cpuMs, role }] of last) used[role] += cpuMs - (first.get(pid) ?? 0);
      const busy = machineBusyMs() - busyAtStart;
      return {
        wall_ms: Date.now() - startedAt,
        machine_busy_ms: busy,
        server_ms: used.server,
        postgres_ms: used.postgres,
        bench_and_clients_ms: used.bench,
        others_ms: Math.max(0, busy - used.server - used.postgres - used.bench),
      };
    },
  };
}
