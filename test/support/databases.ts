/**
 * Runs a suite on every database the machine offers: always embedded PGlite, and real PostgreSQL
 * when `TEST_DATABASE_URL` (or `DATABASE_URL`) is set. Each suite gets a fresh database of its own:
 * PGlite in memory from the migrated template, PostgreSQL as a copy of the migrated template database.
 * Suite names start with `[pglite]` or `[postgres]`; the summary reporter counts tests by them.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrationsDigest, openPglite, openPostgres, type DatabaseHandle } from '../../db/client.ts';
import { testDatabaseUrl, withDatabase } from './test-database-url.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseContext {
  kind: DatabaseKind;
  /** Set in `beforeAll`; use it inside tests and hooks. */
  readonly database: DatabaseHandle;
  /** The fresh database's URL (PostgreSQL only): for other processes of the same test. */
  readonly url: string | undefined;
}

/** A fresh, migrated, empty PostgreSQL database; `drop()` removes it. */
export async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lobby_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = process.env.LOBBY_TEST_PG_TEMPLATE ?? `lobby_tpl_${migrationsDigest()}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(baseUrl, name),
    drop: async () => {
      const dropper = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

function suiteOn(kind: DatabaseKind, name: string, body: (ctx: DatabaseContext) => void): void {
  describe(`[${kind}] ${name}`, () => {
    let handle: DatabaseHandle | undefined;
    let url: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    const ctx: DatabaseContext = {
      kind,
      get database() {
        if (!handle) throw new Error('the database is opened in beforeAll: use it inside tests or hooks');
        return handle;
      },
      get url() {
        return url;
      },
    };
    beforeAll(async () => {
      if (kind === 'pglite') {
        handle = await openPglite();
      } else {
        const created = await createPostgresDatabase(testDatabaseUrl()!);
        url = created.url;
        drop = created.drop;
        handle = await openPostgres(created.url, { max: 20 });
      }
    });
    afterAll(async () => {
      await handle?.close();
      await drop?.();
    });
    body(ctx);
  });
}

/** `describeOnDatabases('booking', (ctx) => { it('...', async () => { ctx.database.db ... }) })` */
export function describeOnDatabases(name: string, body: (ctx: DatabaseContext) => void): void {
  suiteOn('pglite', name, body);
  if (testDatabaseUrl()) suiteOn('postgres', name, body);
  // Without PostgreSQL the suite is listed as skipped, and the summary reporter says why.
  else describe.skipIf(true)(`[postgres] ${name}`, () => body(unavailable('postgres')));
}

/** For concurrency tests that prove nothing on PGlite (one connection, `FOR UPDATE` does nothing). */
export function describeOnPostgres(name: string, body: (ctx: DatabaseContext) => void): void {
  if (testDatabaseUrl()) suiteOn('postgres', name, body);
  else describe.skipIf(true)(`[postgres] ${name}`, () => body(unavailable('postgres')));
}

function unavailable(kind: DatabaseKind): DatabaseContext {
  return {
    kind,
    get database(): DatabaseHandle {
      throw new Error(`${kind} is not configured`);
    },
    url: undefined,
  };
}
