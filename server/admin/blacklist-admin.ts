/**
 * The blacklist as supervisors and administrators manage it: every entry with why it exists (source,
 * reason, who, when, until when), people shown masked only; adding an ID number, phone or firm with
 * a reason and an optional expiry; removing with who and when (the row stays, as the record).
 *
 * An entry blocks booking and — as it is now — check-in (docs/decisions/008), so adding one says how
 * many active bookings it now blocks.
 */
import { and, desc, eq, gt, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AddBlacklistRequest, BlacklistEntryView } from '../../common/admin.ts';
import { maskPersonalData } from '../../common/mask.ts';
import { serviceDate } from '../../common/time.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { blacklist, bookings, citizens, firms, staff } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { isActiveEntry, type BlacklistEntry } from '../booking/blacklist.ts';
import { AppError } from '../errors.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';
import { blacklistValue } from './blacklist-value.ts';
import type { StaffPrincipal } from './staff-principal.ts';

type Db = Database | Transaction;

/** The newest entries shown at once; older ones are rare enough to need a filter. */
export const BLACKLIST_PAGE = 500;

const creator = alias(staff, 'creator');
const remover = alias(staff, 'remover');

function stateOf(entry: BlacklistEntry, now: Date): BlacklistEntryView['state'] {
  if (entry.removedAt) return 'removed';
  return isActiveEntry(entry, now) ? 'active' : 'expired';
}

async function entries(db: Db, where: SQL | undefined, now: Date, limit: number): Promise<BlacklistEntryView[]> {
  const rows = await db.select({
    entry: blacklist,
    creator: { id: creator.id, displayName: creator.displayName },
    remover: { id: remover.id, displayName: remover.displayName },
  })
    .from(blacklist)
    .leftJoin(creator, eq(creator.id, blacklist.createdBy))
    .leftJoin(remover, eq(remover.id, blacklist.removedBy))
    .where(where)
    .orderBy(desc(blacklist.createdAt), desc(blacklist.id))
    .limit(limit);
  return rows.map(({ entry: e, creator: c, remover: r }) => ({
    id: e.id, kind: e.kind, display: e.display, source: e.source, reason: e.reason, state: stateOf(e, now),
    expiresAt: e.expiresAt?.toISOString() ?? null, createdAt: e.createdAt.toISOString(),
    createdBy: c?.id ? { id: c.id, displayName: c.displayName } : null,
    removedAt: e.removedAt?.toISOString() ?? null,
    removedBy: r?.id ? { id: r.id, displayName: r.displayName } : null,
  }));
}

export async function listBlacklist(
  db: Database, filter: { state: BlacklistEntryView['state'] | 'all'; kind?: BlacklistEntryView['kind'] | undefined }, now: Date,
): Promise<{ entries: BlacklistEntryView[]; truncated: boolean }> {
  const live = or(isNull(blacklist.expiresAt), gt(blacklist.expiresAt, now));
  const state = {
    all: undefined,
    active: and(isNull(blacklist.removedAt), live),
    expired: and(isNull(blacklist.removedAt), isNotNull(blacklist.expiresAt), lte(blacklist.expiresAt, now)),
    removed: isNotNull(blacklist.removedAt),
  }[filter.state];
  const found = await entries(db, and(state, filter.kind ? eq(blacklist.kind, filter.kind) : undefined), now, BLACKLIST_PAGE + 1);
  return { entries: found.slice(0, BLACKLIST_PAGE), truncated: found.length > BLACKLIST_PAGE };
}

/** Active bookings (today on) of the people or firm an entry names: check-in refuses them from now on. */
async function blockedBookings(tx: Transaction, kind: BlacklistEntryView['kind'], valueHash: string, today: string): Promise<number> {
  const holder = kind === 'id_number' ? eq(citizens.idNumberHash, valueHash) : kind === 'phone' ? eq(citizens.phoneHash, valueHash) : undefined;
  const rows = holder
    ? await tx.select({ id: bookings.id }).from(bookings).innerJoin(citizens, eq(citizens.id, bookings.citizenId))
      .where(and(holder, eq(bookings.status, 'active'), sql`${bookings.date} >= ${today}`))
    : await tx.select({ id: bookings.id }).from(bookings).innerJoin(firms, eq(firms.id, bookings.firmId))
      .where(and(eq(firms.creditCode, valueHash), eq(bookings.status, 'active'), sql`${bookings.date} >= ${today}`));
  return rows.length;
}

/**
 * Adds an entry. Throws `id_number_*`, `phone_invalid`, `credit_code_invalid` (with `fields.value`),
 * `validation_failed` (an expiry in the past), `blacklist_entry_exists` (an active entry for it).
 */
export async function addBlacklistEntry(
  db: Database, privacy: PersonalDataCipher, actor: StaffPrincipal, input: AddBlacklistRequest & { source: 'manual' | 'illegal_booking' }, now: Date,
): Promise<{ entry: BlacklistEntryView; blockedBookings: number }> {
  const today = serviceDate(now);
  const parsed = blacklistValue(input.kind, input.value, today);
  if (!parsed.ok) throw new AppError(parsed.code, { fields: { value: parsed.code } });
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now) throw new AppError('validation_failed', { fields: { expiresAt: 'in_past' } });
  const valueHash = parsed.kind === 'firm' ? parsed.value : privacy.hash(parsed.kind, parsed.value);
  return db.transaction(async (tx) => {
    // No constraint can say "one active entry" (expiry is a time): two adds of one value take turns here.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`blacklist:${parsed.kind}:${valueHash}`}, 0))`);
    const existing = await tx.select().from(blacklist).where(and(eq(blacklist.kind, parsed.kind), eq(blacklist.valueHash, valueHash), isNull(blacklist.removedAt)));
    const active = existing.find((e) => isActiveEntry(e, now));
    if (active) {
      throw new AppError('blacklist_entry_exists', {
        details: { id: active.id, ...(active.expiresAt ? { until: active.expiresAt.toISOString() } : {}) },
      });
    }
    let display = parsed.display;
    if (parsed.kind === 'firm') {
      const [firm] = await tx.select({ name: firms.name }).from(firms).where(eq(firms.creditCode, parsed.value));
      if (firm) display = `${firm.name}（${parsed.value}）`;
    }
    const [row] = await tx.insert(blacklist).values({
      kind: parsed.kind, valueHash, display, source: input.source, reason: input.reason, expiresAt, createdBy: actor.staffId, createdAt: now,
    }).returning({ id: blacklist.id });
    const blocked = await blockedBookings(tx, parsed.kind, valueHash, today);
    await audit(tx, {
      actor: { kind: 'staff', id: actor.staffId }, action: 'blacklist.added', target: { kind: 'blacklist', id: row!.id }, at: now,
      // The reason is typed by staff: anything in it shaped like an ID or phone number is masked.
      details: { kind: parsed.kind, source: input.source, reason: maskPersonalData(input.reason), expiresAt: expiresAt?.toISOString() ?? null, blockedBookings: blocked },
    });
    const [entry] = await entries(tx, eq(blacklist.id, row!.id), now, 1);
    return { entry: entry!, blockedBookings: blocked };
  });
}

/** Removes an entry (the row stays, with who and when). Removing a removed entry answers it again. Throws `not_found`. */
export async function removeBlacklistEntry(db: Database, actor: StaffPrincipal, entryId: string, now: Date): Promise<BlacklistEntryView> {
  return db.transaction(async (tx) => {
    const [removed] = await tx.update(blacklist).set({ removedAt: now, removedBy: actor.staffId })
      .where(and(eq(blacklist.id, entryId), isNull(blacklist.removedAt))).returning();
    if (removed) {
      await audit(tx, {
        actor: { kind: 'staff', id: actor.staffId }, action: 'blacklist.removed', target: { kind: 'blacklist', id: entryId }, at: now,
        details: { kind: removed.kind, source: removed.source },
      });
    }
    const [entry] = await entries(tx, eq(blacklist.id, entryId), now, 1);
    if (!entry) throw new AppError('not_found');
    return entry;
  });
}
