/**
 * Notices: staff write them as drafts, publish them (now or at a set time) and withdraw them; the
 * H5 home and the lobby display list the published ones. Publishing a closure or an hours change
 * is where the notice acts, all in the publishing transaction:
 *
 * - the affected days' existing slots are closed (the booking core takes a seat only from an open
 *   slot), and for a closure each day gets a `closed` calendar override, so slots made later for
 *   those days are never offered;
 * - every active booking it affects (server/notices/affected.ts) is marked with the notice, and its
 *   holder gets one `booking_affected` message (deduplicated by notice and booking), sent when the
 *   notice becomes visible.
 *
 * Slots are closed before bookings are read: a booking racing the publication either committed
 * first (and is read and marked) or finds its slot closed.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { checkNotice, type CreateNoticeRequest, type NoticeView } from '../../common/notices.ts';
import { addDays, serviceDate } from '../../common/time.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { bookings, calendarOverrides, citizens, notices, outlets, services, slots, type Notice } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import type { Principal } from '../auth/principal.ts';
import { AppError, sqlState } from '../errors.ts';
import { enqueue, recipientOf, type NewMessage } from '../notifications/messages.ts';
import { affects } from './affected.ts';

type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

export function noticeView(row: Notice): NoticeView {
  return {
    id: row.id, outletId: row.outletId, kind: row.kind, title: row.title, body: row.body,
    effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo, changedHours: row.changedHours,
    publishAt: row.publishAt?.toISOString() ?? null, withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Administrators speak for every outlet; a supervisor only for the outlets they are bound to, and
 * never for all outlets at once.
 */
function ensureOutletScope(staff: StaffPrincipal, outletId: string | null): void {
  if (staff.role === 'admin') return;
  if (outletId === null || !staff.outletIds.includes(outletId)) throw new AppError('forbidden', { detail: `notice for outlet ${outletId ?? 'all'}` });
}

export async function createNotice(db: Database, staff: StaffPrincipal, input: CreateNoticeRequest, now: Date): Promise<Notice> {
  const problems = checkNotice(input);
  if (Object.keys(problems).length > 0) throw new AppError('notice_invalid', { fields: problems });
  ensureOutletScope(staff, input.outletId);
  const dated = input.kind !== 'info';
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx.insert(notices).values({
        outletId: input.outletId, kind: input.kind, title: input.title, body: input.body,
        effectiveFrom: dated ? input.effectiveFrom! : null,
        effectiveTo: dated ? input.effectiveTo ?? input.effectiveFrom! : null,
        changedHours: input.kind === 'hours_change' ? input.changedHours! : null,
        createdBy: staff.staffId, createdAt: now,
      }).returning();
      await audit(tx, {
        actor: { kind: 'staff', id: staff.staffId }, action: 'notice.created', at: now, outletId: input.outletId,
        target: { kind: 'notice', id: created!.id }, details: { kind: input.kind, title: input.title.zh },
      });
      return created!;
    });
  } catch (error) {
    if (sqlState(error) === '23503') throw new AppError('validation_failed', { fields: { outletId: 'not_found' }, cause: error });
    throw error;
  }
}

async function loadForStaff(db: Database | Transaction, staff: StaffPrincipal, noticeId: string): Promise<Notice> {
  const [row] = await db.select().from(notices).where(eq(notices.id, noticeId));
  if (!row) throw new AppError('not_found');
  ensureOutletScope(staff, row.outletId);
  return row;
}

const outletFilter = (column: typeof slots.outletId | typeof bookings.outletId, outletId: string | null) =>
  outletId === null ? sql`true` : eq(column, outletId);

/** Closes the notice's days: existing slots it affects, and (for a closure) the days themselves. */
async function closeAffectedDays(tx: Transaction, notice: Notice, staffId: string): Promise<number> {
  const from = notice.effectiveFrom!;
  const to = notice.effectiveTo ?? from;
  if (notice.kind === 'closure') {
    const days: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
    await tx.insert(calendarOverrides)
      .values(days.map((date) => ({ outletId: notice.outletId, date, kind: 'closed' as const, reason: notice.title, createdBy: staffId })))
      .onConflictDoUpdate({ target: [calendarOverrides.outletId, calendarOverrides.date], set: { kind: 'closed', reason: notice.title, createdBy: staffId } });
  }
  const candidates = await tx
    .select({ id: slots.id, outletId: slots.outletId, date: slots.date, startsAt: slots.startsAt, endsAt: slots.endsAt })
    .from(slots)
    .where(and(gte(slots.date, from), lte(slots.date, to), outletFilter(slots.outletId, notice.outletId), eq(slots.closed, false)));
  const ids = candidates.filter((slot) => affects(notice, slot)).map((slot) => slot.id);
  if (ids.length > 0) await tx.update(slots).set({ closed: true }).where(inArray(slots.id, ids));
  return ids.length;
}

/** Marks the active bookings the notice affects and enqueues one message to each holder. */
async function markAffectedBookings(tx: Transaction, notice: Notice, sendAt: Date): Promise<number> {
  const from = notice.effectiveFrom!;
  const to = notice.effectiveTo ?? from;
  const candidates = await tx
    .select({
      id: bookings.id, appointmentNo: bookings.appointmentNo, outletId: bookings.outletId, date: bookings.date,
      startsAt: slots.startsAt, endsAt: slots.endsAt, openid: citizens.openid, phoneEnc: citizens.phoneEnc,
      service: services.name, outlet: outlets.name, address: outlets.address,
    })
    .from(bookings)
    .innerJoin(slots, eq(slots.id, bookings.slotId))
    .innerJoin(citizens, eq(citizens.id, bookings.citizenId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(outlets, eq(outlets.id, bookings.outletId))
    .where(and(eq(bookings.status, 'active'), gte(bookings.date, from), lte(bookings.date, to), outletFilter(bookings.outletId, notice.outletId)))
    .orderBy(asc(bookings.date), asc(slots.startsAt));
  const affected = candidates.filter((b) => affects(notice, b));
  if (affected.length === 0) return 0;
  const marked = await tx.update(bookings).set({ affectedByNoticeId: notice.id })
    .where(and(inArray(bookings.id, affected.map((b) => b.id)), eq(bookings.status, 'active')))
    .returning({ id: bookings.id });
  const markedIds = new Set(marked.map((m) => m.id));
  const messages: NewMessage[] = affected.filter((b) => markedIds.has(b.id)).map((b) => ({
    ...recipientOf(b),
    template: 'booking_affected',
    payload: {
      bookingId: b.id, appointmentNo: b.appointmentNo, service: b.service, outlet: b.outlet, address: b.address,
      date: b.date, startsAt: b.startsAt.slice(0, 5), endsAt: b.endsAt.slice(0, 5),
      notice: { id: notice.id, kind: notice.kind, title: notice.title },
    },
    dedupeKey: `booking_affected:${notice.id}:${b.id}`,
    availableAt: sendAt,
  }));
  await enqueue(tx, messages);
  return markedIds.size;
}

/**
 * Publishes a draft, now or at `publishAt` (a past time means now). Throws `not_found`,
 * `notice_status_conflict` (published or withdrawn already). Returns the notice and how many
 * bookings it affected.
 */
export async function publishNotice(db: Database, staff: StaffPrincipal, noticeId: string, publishAt: Date | undefined, now: Date) {
  await loadForStaff(db, staff, noticeId);
  const at = publishAt && publishAt > now ? publishAt : now;
  return db.transaction(async (tx) => {
    const [published] = await tx.update(notices).set({ publishAt: at })
      .where(and(eq(notices.id, noticeId), isNull(notices.publishAt), isNull(notices.withdrawnAt)))
      .returning();
    if (!published) throw new AppError('notice_status_conflict');
    let closedSlots = 0;
    let affectedBookings = 0;
    if (published.kind !== 'info') {
      closedSlots = await closeAffectedDays(tx, published, staff.staffId);
      affectedBookings = await markAffectedBookings(tx, published, at);
    }
    await audit(tx, {
      actor: { kind: 'staff', id: staff.staffId }, action: 'notice.published', at: now, outletId: published.outletId,
      target: { kind: 'notice', id: published.id }, details: { publishAt: at.toISOString(), closedSlots, affectedBookings },
    });
    return { notice: published, affectedBookings };
  });
}

/**
 * Withdraws a notice (draft or published): it leaves the lists at once. What its publication
 * did to slots and bookings stays: reopening a day is a calendar decision, made there.
 */
export async function withdrawNotice(db: Database, staff: StaffPrincipal, noticeId: string, now: Date): Promise<Notice> {
  await loadForStaff(db, staff, noticeId);
  return db.transaction(async (tx) => {
    const [withdrawn] = await tx.update(notices).set({ withdrawnAt: now })
      .where(and(eq(notices.id, noticeId), isNull(notices.withdrawnAt)))
      .returning();
    if (!withdrawn) throw new AppError('notice_status_conflict');
    await audit(tx, {
      actor: { kind: 'staff', id: staff.staffId }, action: 'notice.withdrawn', at: now, outletId: withdrawn.outletId,
      target: { kind: 'notice', id: withdrawn.id }, details: { wasPublished: withdrawn.publishAt !== null && withdrawn.publishAt <= now },
    });
    return withdrawn;
  });
}

/**
 * What the public sees: published (`publish_at` reached), not withdrawn, not over (a dated notice
 * whose last day has passed), for the outlet or for every outlet; newest first.
 */
export async function listPublishedNotices(db: Database, outletId: string | undefined, now: Date): Promise<Notice[]> {
  const today = serviceDate(now);
  return db.select().from(notices)
    .where(and(
      isNotNull(notices.publishAt), lte(notices.publishAt, now), isNull(notices.withdrawnAt),
      or(isNull(notices.effectiveTo), gte(notices.effectiveTo, today)),
      outletId === undefined ? sql`true` : or(isNull(notices.outletId), eq(notices.outletId, outletId)),
    ))
    .orderBy(desc(notices.publishAt), desc(notices.createdAt))
    .limit(50);
}

/** Every notice, drafts included, newest first, for the console. */
export async function listAllNotices(db: Database): Promise<Notice[]> {
  return db.select().from(notices).orderBy(desc(notices.createdAt)).limit(200);
}
