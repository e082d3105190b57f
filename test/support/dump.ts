/**
 * Everything a database holds, as text: every row of every table as JSON (a logical dump that works
 * on PGlite and PostgreSQL alike), and on PostgreSQL also what `pg_dump` writes.
 */
import { execFile } from 'node:child_process';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.ts';

type Rows<T> = T[] | { rows: T[] };
const rowsOf = <T>(result: Rows<T>): T[] => (Array.isArray(result) ? result : result.rows);

export async function dumpDatabase(database: DatabaseHandle, url?: string): Promise<string> {
  const tables = rowsOf(await database.db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  ) as Rows<{ name: string }>);
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = rowsOf(await database.db.execute<{ row: string }>(sql.raw(`select row_to_json(t)::text as row from "${name}" t`)) as Rows<{ row: string }>);
    parts.push(`-- ${name}`, ...rows.map((r) => r.row));
  }
  if (url) {
    parts.push(await new Promise<string>((resolve, reject) => {
      execFile('pg_dump', ['--data-only', url], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    }));
  }
  return parts.join('\n');
}
