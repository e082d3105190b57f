/**
 * Previews by rolling back: a change that can affect bookings runs exactly as it would be saved, in
 * one transaction, counts what it affects, and then — for a dry run — rolls back. The preview and the
 * save share every line, so what the preview said is what the save does (on the data of that moment).
 */
import type { Database, Transaction } from '../../db/client.ts';

/** Carries the dry run's answer out of the transaction it rolls back. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run: rolled back');
  }
}

/** Runs `change` in a transaction; commits it, or rolls it back and answers the same when `dryRun`. */
export async function changeInTransaction<T>(db: Database, dryRun: boolean, change: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const result = await change(tx);
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as T;
    throw error;
  }
}
