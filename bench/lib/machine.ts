/** The machine a run measured: what every figure in the results is conditioned on. */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import postgres from 'postgres';

function osName(): string {
  const release = existsSync('/etc/os-release') ? /PRETTY_NAME="?([^"\n]+)"?/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
  return `${release ?? os.type()} (${os.type()} ${os.release()} ${os.arch()})`;
}

export interface Machine {
  cores: number;
  cpu_model: string;
  node_version: string;
  os: string;
  memory_gb: number;
  postgres_version: string;
  load_average_at_start: number[];
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await client<{ version: string }[]>`select version()`;
    return {
      cores: os.availableParallelism(),
      cpu_model: os.cpus()[0]?.model.trim() ?? 'unknown',
      node_version: process.version,
      os: osName(),
      memory_gb: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
      postgres_version: row!.version,
      load_average_at_start: os.loadavg().map((n) => Math.round(n * 100) / 100),
    };
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** The short form each figure carries: `2 cores, Node v20.20.0, PostgreSQL 15.20`. */
export function conditionsLine(machine: Machine): string {
  const pg = /PostgreSQL [\d.]+/.exec(machine.postgres_version)?.[0] ?? machine.postgres_version;
  return `${machine.cores} cores (${machine.cpu_model}), Node ${machine.node_version}, ${pg}, server, load processes and PostgreSQL on the same machine`;
}
