/**
 * Staff accounts: create with an initial password (and a guide's staff code), change role, outlets,
 * name and whether the account is active, reset the password, set or clear the staff code. Hashes
 * never leave the server.
 *
 * At least one active administrator always remains: demoting or deactivating an administrator locks
 * every active administrator's row first, so two administrators demoting each other at once run one
 * after the other and the second is refused.
 */
import { and, asc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { CreateStaffRequest, StaffAccount, UpdateStaffRequest } from '../../common/admin.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { outlets, sessions, staff, staffOutlets, type Staff } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { AppError, constraintName, sqlState } from '../errors.ts';
import type { StaffPrincipal } from './staff-principal.ts';

type Db = Database | Transaction;

/** Roles that confirm green-channel grants at the kiosk with a staff code (server/queue/green.ts). */
const CODE_ROLES: readonly Staff['role'][] = ['guide', 'supervisor'];

async function accountViews(db: Db, rows: Staff[]): Promise<StaffAccount[]> {
  const ids = rows.map((r) => r.id);
  const bound = ids.length === 0 ? [] : await db.select().from(staffOutlets).where(inArray(staffOutlets.staffId, ids)).orderBy(asc(staffOutlets.outletId));
  return rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.displayName, role: r.role,
    outletIds: bound.filter((b) => b.staffId === r.id).map((b) => b.outletId),
    active: r.active, hasStaffCode: r.staffCodeHash !== null, lockedUntil: r.lockedUntil?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listStaff(db: Database): Promise<StaffAccount[]> {
  return accountViews(db, await db.select().from(staff).orderBy(asc(staff.role), asc(staff.username)));
}

async function ensureOutlets(tx: Transaction, outletIds: readonly string[]): Promise<void> {
  const found = outletIds.length === 0 ? [] : await tx.select({ id: outlets.id }).from(outlets).where(inArray(outlets.id, [...outletIds]));
  const known = new Set(found.map((o) => o.id));
  const fields: Record<string, string> = {};
  outletIds.forEach((id, i) => { if (!known.has(id)) fields[`outletIds.${i}`] = 'not_found'; });
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
}

/**
 * Staff codes are hashed like passwords, so the kiosk tries each candidate of its outlet in turn
 * (`staffByCode`): two people at one outlet with one code would be indistinguishable there.
 * Checked before the change's transaction: each check costs a scrypt, which must not hold a
 * transaction open (PGlite runs one at a time). Two administrators giving two people the same new
 * code in the same instant is the price; the kiosk then takes the first match.
 */
async function ensureCodeFree(db: Database, code: string, outletIds: readonly string[], exceptStaffId: string | null): Promise<void> {
  if (outletIds.length === 0) return;
  const candidates = await db.selectDistinct({ id: staff.id, codeHash: staff.staffCodeHash }).from(staff)
    .innerJoin(staffOutlets, eq(staffOutlets.staffId, staff.id))
    .where(and(inArray(staffOutlets.outletId, [...outletIds]), isNotNull(staff.staffCodeHash), eq(staff.active, true),
      exceptStaffId ? ne(staff.id, exceptStaffId) : undefined));
  for (const c of candidates) if (await verifyPassword(code, c.codeHash!)) throw new AppError('staff_code_in_use');
}

async function setOutlets(tx: Transaction, staffId: string, outletIds: readonly string[]): Promise<void> {
  await tx.delete(staffOutlets).where(eq(staffOutlets.staffId, staffId));
  if (outletIds.length > 0) await tx.insert(staffOutlets).values(outletIds.map((outletId) => ({ staffId, outletId })));
}

/** Throws `validation_failed` (unknown outlet), `staff_username_taken`, `staff_code_role`, `staff_code_in_use`. */
export async function createStaff(db: Database, actor: StaffPrincipal, input: CreateStaffRequest, now: Date): Promise<StaffAccount> {
  if (input.staffCode && !CODE_ROLES.includes(input.role)) throw new AppError('staff_code_role');
  const outletIds = [...new Set(input.outletIds)];
  // scrypt is slow on purpose: hashed before the transaction, so no lock waits on it.
  const [passwordHash, staffCodeHash] = await Promise.all([hashPassword(input.password), input.staffCode ? hashPassword(input.staffCode) : null]);
  if (input.staffCode) await ensureCodeFree(db, input.staffCode, outletIds, null);
  try {
    return await db.transaction(async (tx) => {
      await ensureOutlets(tx, outletIds);
      const [created] = await tx.insert(staff).values({
        username: input.username, displayName: input.displayName, role: input.role, passwordHash, staffCodeHash, createdAt: now,
      }).returning();
      await setOutlets(tx, created!.id, outletIds);
      await audit(tx, {
        actor: { kind: 'staff', id: actor.staffId }, action: 'staff.created', target: { kind: 'staff', id: created!.id }, at: now,
        details: { username: input.username, role: input.role, outletIds, staffCode: Boolean(input.staffCode) },
      });
      return (await accountViews(tx, [created!]))[0]!;
    });
  } catch (error) {
    if (sqlState(error) === '23505' && constraintName(error) === 'staff_username_unique') throw new AppError('staff_username_taken', { cause: error });
    throw error;
  }
}

async function lockMember(tx: Transaction, staffId: string): Promise<Staff> {
  const [member] = await tx.select().from(staff).where(eq(staff.id, staffId)).for('update');
  if (!member) throw new AppError('not_found');
  return member;
}

/** Every active administrator's row, locked: demotions and deactivations of admins run one at a time. */
async function lockActiveAdmins(tx: Transaction): Promise<void> {
  await tx.select({ id: staff.id }).from(staff).where(and(eq(staff.role, 'admin'), eq(staff.active, true))).orderBy(asc(staff.id)).for('update');
}

/** Refuses a change that would leave no active administrator (the admins' rows are locked by then). */
async function ensureAnAdminRemains(tx: Transaction, member: Staff, after: { role: Staff['role']; active: boolean }): Promise<void> {
  const losesAdmin = member.role === 'admin' && member.active && (after.role !== 'admin' || !after.active);
  if (!losesAdmin) return;
  const admins = await tx.select({ id: staff.id }).from(staff).where(and(eq(staff.role, 'admin'), eq(staff.active, true)));
  if (admins.filter((a) => a.id !== member.id).length === 0) throw new AppError('last_admin');
}

/** The sessions to end (deactivation) or drop live (role or outlets changed): their token hashes. */
async function sessionsOf(tx: Transaction, staffId: string): Promise<string[]> {
  return (await tx.select({ id: sessions.tokenHash }).from(sessions).where(eq(sessions.staffId, staffId))).map((s) => s.id);
}

export interface StaffChange {
  account: StaffAccount;
  /** Live connections to drop after the commit (they reconnect with the new rights, or not at all). */
  dropSessions: string[];
}

/** Throws `not_found`, `validation_failed`, `last_admin`. */
export async function updateStaff(db: Database, actor: StaffPrincipal, staffId: string, input: UpdateStaffRequest, now: Date): Promise<StaffChange> {
  const outletIds = input.outletIds ? [...new Set(input.outletIds)] : undefined;
  return db.transaction(async (tx) => {
    // Rows locked in one order (every active admin by id, then the member), so two demotions
    // crossing each other wait in turn instead of deadlocking.
    if (input.role !== undefined || input.active !== undefined) await lockActiveAdmins(tx);
    const before = await lockMember(tx, staffId);
    const outletsBefore = (await accountViews(tx, [before]))[0]!.outletIds;
    const role = input.role ?? before.role;
    const active = input.active ?? before.active;
    await ensureAnAdminRemains(tx, before, { role, active });
    if (outletIds) await ensureOutlets(tx, outletIds);
    const [after] = await tx.update(staff).set({
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      role, active,
      // A role without a code's use loses the code: it would otherwise work again on a later promotion.
      ...(CODE_ROLES.includes(role) ? {} : { staffCodeHash: null }),
    }).where(eq(staff.id, staffId)).returning();
    if (outletIds) await setOutlets(tx, staffId, outletIds);
    const rightsChanged = role !== before.role || (outletIds !== undefined && [...outletIds].sort().join() !== outletsBefore.join());
    const deactivated = before.active && !active;
    const dropSessions = deactivated || rightsChanged ? await sessionsOf(tx, staffId) : [];
    // A deactivated account's sessions end now (they would be refused anyway: principalForSession checks `active`).
    if (deactivated) await tx.delete(sessions).where(eq(sessions.staffId, staffId));
    await audit(tx, {
      actor: { kind: 'staff', id: actor.staffId }, action: deactivated ? 'staff.deactivated' : 'staff.updated', target: { kind: 'staff', id: staffId }, at: now,
      details: {
        ...(input.displayName !== undefined ? { displayName: after!.displayName } : {}),
        ...(role !== before.role ? { role: { from: before.role, to: role } } : {}),
        ...(active !== before.active ? { active } : {}),
        ...(outletIds ? { outletIds: { from: outletsBefore, to: outletIds } } : {}),
      },
    });
    return { account: (await accountViews(tx, [after!]))[0]!, dropSessions };
  });
}

/**
 * Sets a new password, unlocks the account, and ends its other sessions (whoever knew the old
 * password is signed out). Throws `not_found`.
 */
export async function resetPassword(db: Database, actor: StaffPrincipal, staffId: string, password: string, now: Date): Promise<StaffChange> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await lockMember(tx, staffId);
    const [after] = await tx.update(staff).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(staff.id, staffId)).returning();
    const ended = (await sessionsOf(tx, staffId)).filter((id) => id !== actor.sessionId);
    if (ended.length > 0) await tx.delete(sessions).where(inArray(sessions.tokenHash, ended));
    await audit(tx, {
      actor: { kind: 'staff', id: actor.staffId }, action: 'staff.password_reset', target: { kind: 'staff', id: staffId }, at: now,
      details: { sessionsEnded: ended.length },
    });
    return { account: (await accountViews(tx, [after!]))[0]!, dropSessions: ended };
  });
}

/** Sets (or with null clears) the staff code. Throws `not_found`, `staff_code_role`, `staff_code_in_use`. */
export async function setStaffCode(db: Database, actor: StaffPrincipal, staffId: string, code: string | null, now: Date): Promise<StaffAccount> {
  const [member] = await db.select({ role: staff.role }).from(staff).where(eq(staff.id, staffId));
  if (!member) throw new AppError('not_found');
  if (code !== null && !CODE_ROLES.includes(member.role)) throw new AppError('staff_code_role');
  if (code !== null) {
    const bound = await db.select({ outletId: staffOutlets.outletId }).from(staffOutlets).where(eq(staffOutlets.staffId, staffId));
    await ensureCodeFree(db, code, bound.map((b) => b.outletId), staffId);
  }
  const codeHash = code === null ? null : await hashPassword(code);
  return db.transaction(async (tx) => {
    const locked = await lockMember(tx, staffId);
    // The role may have changed while the code was checked.
    if (code !== null && !CODE_ROLES.includes(locked.role)) throw new AppError('staff_code_role');
    const [after] = await tx.update(staff).set({ staffCodeHash: codeHash }).where(eq(staff.id, staffId)).returning();
    await audit(tx, {
      actor: { kind: 'staff', id: actor.staffId }, action: code === null ? 'staff.code_cleared' : 'staff.code_set', target: { kind: 'staff', id: staffId }, at: now,
    });
    return (await accountViews(tx, [after!]))[0]!;
  });
}
