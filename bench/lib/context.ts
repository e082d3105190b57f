/** What every phase of the bench is given. */
import type { Database } from '../../db/client.ts';
import type { PersonalDataCipher } from '../../server/privacy/personal-data.ts';
import type { CpuUse } from './cpu.ts';

export interface BenchContext {
  db: Database;
  /** The run's database URL (a fresh database on the server `DATABASE_URL` names). */
  databaseUrl: string;
  privacy: PersonalDataCipher;
  /** Node A's base URL. */
  url: string;
  outletId: string;
  /** Connections per server process to PostgreSQL (the server's pool; the ceiling uses as many). */
  serverPool: number;
  progress(message: string): void;
  /** Starts noting whose CPU a stretch of the run used (see cpu.ts). */
  watchCpu(): { stop(): CpuUse };
}

export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}
