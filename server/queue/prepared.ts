/**
 * Statements of a fixed shape on hot paths, prepared once per database handle: drizzle builds their
 * SQL once instead of on every call, and postgres.js sends them as named statements that PostgreSQL
 * parses once per connection.
 *
 * A prepared query runs on the client it was made from. One made from `db` and run inside a
 * transaction would run outside it on postgres.js (another pooled connection) and wait for ever on
 * PGlite (whose one connection the transaction holds). So a transaction gets its own, kept as long
 * as the transaction object lives: correct everywhere, and reused only where it pays, on `db`.
 *
 * Inside a transaction, `tx.select(...).prepare('name').execute()` still pays on postgres.js, though
 * drizzle builds the SQL again each time: a named statement is sent in one round trip (an unnamed
 * one with parameters is described first, in a round trip of its own) and PostgreSQL keeps its plan
 * for the connection. The hot statements of a check-in are sent that way.
 */
import type { Database, Transaction } from '../../db/client.ts';

type Db = Database | Transaction;

/** `const byId = preparedPer((db) => db.select().from(t).where(eq(t.id, sql.placeholder('id'))).prepare('t_by_id'))`, then `byId(db).execute({ id })`. */
export function preparedPer<Query>(build: (db: Db) => Query): (db: Db) => Query {
  const made = new WeakMap<Db, Query>();
  return (db) => {
    let query = made.get(db);
    if (query === undefined) made.set(db, (query = build(db)));
    return query;
  };
}
