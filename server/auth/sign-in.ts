/**
 * Staff sign-in: the password check, the lockout, the audit trail and the new session, in the order
 * that keeps them honest. The database decides the lockout (server/auth/lockout.ts); an unknown user
 * costs as much time as a wrong password and gets the same answer.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { staff } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';
import { clearFailedSignIns, recordFailedSignIn, secondsLeft } from './lockout.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, type NewSession } from './sessions.ts';

export interface SignInDeps {
  db: Database;
  clock: Clock;
  privacy: PersonalDataCipher;
}

export interface SignInAttempt {
  username: string;
  password: string;
  /** The caller's address, already hashed (`privacy.hash('ip', …)`): what the audit keeps. */
  ipHash: string;
}

/**
 * A hash of a password nobody knows, checked when the user does not exist, so that the answer takes
 * as long as for a real user with a wrong password (no finding user names by timing).
 */
let dummyHash: Promise<string> | undefined;
function unknownUserHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummyHash;
}

function lockedError(lockedUntil: Date, now: Date): AppError {
  return new AppError('account_locked', { retryAfterSeconds: secondsLeft(lockedUntil, now) });
}

/** Signs a staff member in; throws `login_failed` or `account_locked` (with its wait). Every outcome is audited. */
export async function signInStaff(deps: SignInDeps, attempt: SignInAttempt): Promise<{ staffId: string; session: NewSession }> {
  const { db, privacy } = deps;
  const { username, password, ipHash } = attempt;
  const now = deps.clock.now();

  const [member] = await db.select().from(staff).where(eq(staff.username, username));
  if (!member?.active) {
    await verifyPassword(password, await unknownUserHash());
    await audit(db, {
      actor: { kind: 'staff', id: member?.id ?? null }, action: 'staff.sign_in_failed', at: now,
      // What was typed as a user name may be a password typed in the wrong box: only its hash.
      details: { reason: member ? 'inactive' : 'unknown_user', usernameHash: privacy.hash('other', username), ipHash },
    });
    throw new AppError('login_failed');
  }
  const actor = { kind: 'staff', id: member.id } as const;
  const target = { kind: 'staff', id: member.id };

  if (member.lockedUntil && member.lockedUntil > now) {
    await audit(db, { actor, target, action: 'staff.sign_in_failed', at: now, details: { reason: 'locked', ipHash } });
    throw lockedError(member.lockedUntil, now);
  }

  if (!(await verifyPassword(password, member.passwordHash))) {
    const counted = await db.transaction(async (tx) => {
      const result = await recordFailedSignIn(tx, member.id, now);
      await audit(tx, { actor, target, action: 'staff.sign_in_failed', at: now, details: { reason: 'wrong_password', failedLogins: result.failedLogins, ipHash } });
      if (result.locked) {
        await audit(tx, { actor, target, action: 'staff.locked', at: now, details: { failedLogins: result.failedLogins, lockedUntil: result.lockedUntil?.toISOString(), ipHash } });
      }
      return result;
    });
    // The failure that locked the account (or raced past the lock) is told so at once.
    if (counted.lockedUntil && counted.lockedUntil > now) throw lockedError(counted.lockedUntil, now);
    throw new AppError('login_failed');
  }

  const session = await db.transaction(async (tx) => {
    // The database decides: failures that locked the account meanwhile win over this success.
    if (!(await clearFailedSignIns(tx, member.id, now))) return undefined;
    await audit(tx, { actor, target, action: 'staff.signed_in', at: now, details: { ipHash } });
    return createSession(tx, { staffId: member.id }, now);
  });
  if (!session) {
    const [row] = await db.select({ lockedUntil: staff.lockedUntil }).from(staff).where(eq(staff.id, member.id));
    throw lockedError(row?.lockedUntil ?? now, now);
  }
  return { staffId: member.id, session };
}
