/**
 * Account lockout after repeated wrong passwords, decided by the database: each failure is one
 * conditional update of the staff row, so concurrent attempts are counted one after another on
 * the row lock and exactly one of them (the one that reaches the limit) sets the lock.
 */
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { staff } from '../../db/schema.ts';

/** The failure that reaches this count locks the account. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface FailureCounted {
  failedLogins: number;
  lockedUntil: Date | null;
  /** This failure is the one that locked the account. */
  locked: boolean;
}

/**
 * Counts a wrong password. After a lock has run out, counting starts again from one; failures that
 * raced past the lock are still counted but never lock (or lengthen the lock) a second time.
 */
export async function recordFailedSignIn(db: Database | Transaction, staffId: string, now: Date): Promise<FailureCounted> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const lockRanOut = sql`(${staff.lockedUntil} is not null and ${staff.lockedUntil} <= ${at})`;
  const count = sql`(case when ${lockRanOut} then 1 else ${staff.failedLogins} + 1 end)`;
  const until = new Date(now.getTime() + LOCKOUT_MS);
  const [row] = await db
    .update(staff)
    .set({
      failedLogins: count,
      lockedUntil: sql`case when ${count} = ${MAX_FAILED_SIGN_INS} then ${until.toISOString()}::timestamptz
        when ${lockRanOut} then null else ${staff.lockedUntil} end`,
    })
    .where(eq(staff.id, staffId))
    .returning({ failedLogins: staff.failedLogins, lockedUntil: staff.lockedUntil });
  if (!row) throw new Error(`staff ${staffId} vanished while signing in`);
  return { ...row, locked: row.failedLogins === MAX_FAILED_SIGN_INS };
}

/** Forgets the failures after a right password; false when the account got locked meanwhile. */
export async function clearFailedSignIns(db: Database | Transaction, staffId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(staff)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(and(eq(staff.id, staffId), or(isNull(staff.lockedUntil), lte(staff.lockedUntil, now))))
    .returning({ id: staff.id });
  return rows.length > 0;
}

/** Whole seconds until the lock runs out, at least one (for `Retry-After`). */
export function secondsLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
}
