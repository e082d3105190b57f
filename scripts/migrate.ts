/** `npm run db:migrate`: applies the migrations to DATABASE_URL, or to the PGlite database in DATA_DIR. */
import { openDatabase } from '../db/client.ts';
import { loadConfig } from '../server/config.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
await database.close();
console.log(`lobby: migrations applied (${database.kind})`);
