/**
 * Opens the database: embedded PGlite (the default, one process) or real PostgreSQL through
 * postgres.js when a URL is given. Both run the same drizzle schema and the same migrations.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { MIGRATIONS_DIR, PROJECT_ROOT } from './paths.ts';
import * as schema from './schema.ts';


export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** What `db.transaction(...)` hands its callback. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const TEMPLATE_DIR = path.join(PROJECT_ROOT, '.cache');
/** Any number; every process that migrates takes this advisory lock, so two nodes never race. */
const MIGRATION_LOCK_ID = 7_230_401;

/** A digest of the migrations, so a prepared PGlite template is only used for the schema it holds. */
export function migrationsDigest(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_DIR, file);
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

function templateBase(): string {
  return path.join(TEMPLATE_DIR, `pglite-template-${migrationsDigest()}`);
}

/**
 * The migrated, empty PGlite database, made once (`npm install` runs the prepare script; otherwise
 * the first use makes it) in two forms: a data directory that a first `npm start` copies (creating a
 * database runs initdb, seconds; a copy is a fraction of that), and a tarball that the tests load
 * into memory. Both come from one instance: a second PGlite on disk in the same process can hang.
 */
async function buildTemplates(): Promise<void> {
  const dir = templateBase();
  const building = `${dir}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const pg = new PGlite(building);
  try {
    await migratePglite(drizzlePglite(pg, { schema }), { migrationsFolder: MIGRATIONS_DIR });
    const tarball = await pg.dumpDataDir('gzip');
    const tmp = `${dir}.tar.gz.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await tarball.arrayBuffer()));
    renameSync(tmp, `${dir}.tar.gz`);
  } finally {
    await pg.close();
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
}

/**
 * Copies a data directory. coreutils' `cp` keeps the preallocated WAL segment sparse and is twice as
 * fast as a copy in JavaScript here; elsewhere fall back to `fs.cp`.
 */
async function copyDirectory(from: string, to: string): Promise<void> {
  const copied = await new Promise<boolean>((resolve) => {
    execFile('cp', ['-a', '--sparse=always', from, to], (error) => resolve(!error));
  });
  if (!copied) {
    rmSync(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true });
  }
}

export async function pgliteTemplateDir(): Promise<string> {
  const dir = templateBase();
  if (!existsSync(path.join(dir, 'PG_VERSION')) || !existsSync(`${dir}.tar.gz`)) await buildTemplates();
  return dir;
}

export async function pgliteTemplate(): Promise<Blob> {
  const dir = await pgliteTemplateDir();
  return new Blob([readFileSync(`${dir}.tar.gz`)]);
}

/**
 * Holds `dir/lobby.lock` for the life of the process. Two processes on one PGlite directory would
 * silently lose writes, so a second one is refused with a clear message.
 */
function lockDataDir(dir: string): () => void {
  const lockFile = path.join(dir, 'lobby.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(dir, holder);
      }
      rmSync(lockFile, { force: true }); // left by a process that died: take it over
    }
  }
  throw new DataDirLockedError(dir, 0);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data directory ${dir} is in use by another Lobby process${pid ? ` (pid ${pid})` : ''}. ` +
        'Stop it first, or start this one with another DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Embedded PGlite. With `dataDir` it persists there (created from the migrated template on first
 * use, locked against a second process); without, it lives in memory (tests).
 */
export async function openPglite(options: { dataDir?: string } = {}): Promise<DatabaseHandle> {
  let release = () => {};
  let pg: PGlite;
  if (options.dataDir) {
    const pgDir = path.join(options.dataDir, 'pglite');
    mkdirSync(options.dataDir, { recursive: true });
    release = lockDataDir(options.dataDir);
    try {
      if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
        // Copied under another name and renamed, so a start that dies half-way leaves no half a database.
        const partial = `${pgDir}.partial`;
        rmSync(partial, { recursive: true, force: true });
        await copyDirectory(await pgliteTemplateDir(), partial);
        renameSync(partial, pgDir);
      }
      pg = new PGlite(pgDir);
      await pg.waitReady;
    } catch (error) {
      release();
      throw error;
    }
  } else {
    pg = new PGlite({ loadDataDir: await pgliteTemplate() });
    await pg.waitReady;
  }
  const db = drizzlePglite(pg, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await pg.query('select 1');
    },
    close: async () => {
      await pg.close();
      release();
    },
  };
}

export interface PostgresOptions {
  /** Pool size. */
  max?: number;
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<DatabaseHandle> {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: 'lobby' },
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await client`select 1`;
    },
    close: async () => {
      await client.end({ timeout: 5 });
    },
  };
}

/** Applies the migrations to a PostgreSQL database, holding an advisory lock so nodes take turns. */
export async function migratePostgresUrl(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}

/** Opens the database the configuration names, migrated and ready. */
export async function openDatabase(config: { databaseUrl?: string | undefined; dataDir: string; poolMax?: number }): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    await migratePostgresUrl(config.databaseUrl);
    return openPostgres(config.databaseUrl, config.poolMax ? { max: config.poolMax } : {});
  }
  const handle = await openPglite({ dataDir: config.dataDir });
  // The template holds every migration it was made from; a data directory from an older version
  // gets the newer ones here.
  await migratePglite(handle.db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder: MIGRATIONS_DIR });
  return handle;
}
