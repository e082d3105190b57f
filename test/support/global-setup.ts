/**
 * Once per run: the migrated PGlite template (so suites load it instead of running initdb), and on
 * real PostgreSQL a migrated template database that every suite copies into a fresh database.
 */
import postgres from 'postgres';
import { migratePostgresUrl, migrationsDigest, pgliteTemplate } from '../../db/client.ts';
import { testDatabaseUrl, withDatabase } from './test-database-url.ts';

export async function setup(): Promise<void> {
  await pgliteTemplate();
  const url = testDatabaseUrl();
  if (!url) return;
  const template = `lobby_tpl_${migrationsDigest()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin`select 1 from pg_database where datname = ${template}`;
    if (!found) {
      const building = `${template}_${process.pid}`;
      await admin.unsafe(`create database "${building}"`);
      await migratePostgresUrl(withDatabase(url, building));
      // Renamed only once complete, so a run that died half-way never leaves a broken template.
      await admin.unsafe(`alter database "${building}" rename to "${template}"`).catch(async (error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // another run made it meanwhile
        await admin.unsafe(`drop database "${building}"`);
      });
    }
  } finally {
    await admin.end();
  }
  process.env.LOBBY_TEST_PG_TEMPLATE = template;
}
