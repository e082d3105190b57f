/**
 * Booking, cancelling and rescheduling: each one transaction in which the database decides
 * everything that can race (docs/decisions/006-booking.md).
 *
 * - The caller's citizen row is locked first (`for update`), so one person's submits run one after
 *   another: a retried submit then finds the booking its first attempt made (idempotency key).
 * - The holder's counter (`citizens.active_personal_bookings` or `agents.active_bookings`) moves by a
 *   conditional update against the setting: one person / one agent, one number.
 * - The slot's seat is taken by `… where booked < capacity and not closed returning`.
 * - Locks are taken in one order — citizen, agent, slots by id — so two transactions never wait on
 *   each other in a circle.
 */
import { and, desc, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { BookingRequest, RescheduleRequest } from '../../common/booking.ts';
import { serviceDate } from '../../common/time.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { agents, blacklist, bookings, citizens, firms, services, slots, type Bilingual, type Booking, type Citizen } from '../../db/schema.ts';
import { enqueue, recipientOf } from '../notifications/messages.ts';
import type { Settings } from '../domain/settings.ts';
import { AppError, constraintName, sqlState } from '../errors.ts';
import { newAppointmentNo } from './appointment-number.ts';
import { loadOverrides, serviceAtOutlet } from './availability.ts';
import { ensureNotBlacklisted } from './blacklist.ts';
import { ensureBookableDate, windowHorizon } from './calendar.ts';
import { ensureBeforeCancelDeadline } from './cancel-deadline.ts';
import { ensureOutsideMaintenance } from './maintenance.ts';
import { ensureNotSuspended, noShowLookback } from './no-shows.ts';
import { shortTime } from './slots.ts';

export interface Caller {
  citizenId: string;
}

export interface BookingOutcome {
  booking: Booking;
  /** False when an earlier submit with the same key made it. */
  created: boolean;
}

type Tx = Transaction;

async function lockCitizen(tx: Tx, citizenId: string): Promise<Citizen> {
  const [citizen] = await tx.select().from(citizens).where(eq(citizens.id, citizenId)).for('update');
  if (!citizen) throw new AppError('unauthenticated', { detail: 'citizen of the session is gone' });
  return citizen;
}

async function bookingByKey(tx: Tx | Database, citizenId: string, key: string): Promise<Booking | undefined> {
  const [row] = await tx.select().from(bookings).where(and(eq(bookings.citizenId, citizenId), eq(bookings.idempotencyKey, key)));
  return row;
}

interface Holder {
  agent: typeof agents.$inferSelect | undefined;
  firm: typeof firms.$inferSelect | undefined;
}

/**
 * Who books, and may they: an agency booking needs the caller's approved agent role (and a firm not
 * rejected or revoked); neither the ID, the phone nor the firm may be blacklisted; no suspension for no-shows.
 */
async function ensureHolderMayBook(tx: Tx, citizen: Citizen, kind: 'personal' | 'agency', agentId: string | undefined, settings: Settings, now: Date): Promise<Holder> {
  let holder: Holder = { agent: undefined, firm: undefined };
  if (kind === 'agency') {
    if (!agentId) throw new AppError('validation_failed', { fields: { agentId: 'required_for_agency' } });
    const [row] = await tx.select().from(agents).innerJoin(firms, eq(firms.id, agents.firmId))
      .where(and(eq(agents.id, agentId), eq(agents.citizenId, citizen.id)));
    if (!row || row.agents.status !== 'approved' || row.firms.status === 'rejected' || row.firms.status === 'revoked') {
      throw new AppError('agent_not_approved', row ? {
        sentence: {
          zh: `您还不是“${row.firms.name}”经审核的经办人，不能代办预约。请等待车管所审核，或到窗口咨询。`,
          en: `You are not an approved agent of "${row.firms.name}" yet, so you cannot book on its behalf. Wait for the office's review, or ask at a counter.`,
        },
        details: { firmId: row.firms.id, agentStatus: row.agents.status },
      } : {});
    }
    holder = { agent: row.agents, firm: row.firms };
  } else if (agentId) {
    throw new AppError('validation_failed', { fields: { agentId: 'personal_booking_has_no_agent' } });
  }

  const entries = await tx.select().from(blacklist).where(and(isNull(blacklist.removedAt), or(
    and(eq(blacklist.kind, 'id_number'), eq(blacklist.valueHash, citizen.idNumberHash)),
    and(eq(blacklist.kind, 'phone'), eq(blacklist.valueHash, citizen.phoneHash)),
    ...(holder.firm ? [and(eq(blacklist.kind, 'firm'), eq(blacklist.valueHash, holder.firm.creditCode))] : []),
  )));
  ensureNotBlacklisted(entries, now);

  const today = serviceDate(now);
  const noShows = await tx.select({ date: bookings.date }).from(bookings)
    .where(and(eq(bookings.citizenId, citizen.id), eq(bookings.status, 'no_show'), gte(bookings.date, noShowLookback(today, settings))));
  ensureNotSuspended(noShows.map((r) => r.date), today, settings);
  return holder;
}

/** The slot, checked to be one of this service's group at an outlet that handles the service, on a bookable day. */
async function checkedSlot(tx: Tx, slotId: string, serviceId: string, outletId: string | undefined, settings: Settings, now: Date) {
  const [slot] = await tx.select().from(slots).where(eq(slots.id, slotId));
  if (!slot || (outletId !== undefined && slot.outletId !== outletId)) throw new AppError('validation_failed', { fields: { slotId: 'not_a_slot_of_this_outlet' } });
  const { service, outlet } = await serviceAtOutlet(tx, serviceId, slot.outletId);
  if (slot.groupId !== service.groupId) throw new AppError('validation_failed', { fields: { slotId: 'not_a_slot_of_this_service' } });
  const today = serviceDate(now);
  const overrides = await loadOverrides(tx, outlet.id, today, windowHorizon(today, settings.bookingWindowWorkingDays));
  ensureBookableDate(outlet, slot.date, today, settings.bookingWindowWorkingDays, overrides);
  if (slot.closed) throw new AppError('closed_day', { details: { date: slot.date } });
  return { slot, service, outlet };
}

/** The active booking that holds the number, for the refusal's sentence. */
async function holdingBooking(tx: Tx, where: ReturnType<typeof and>) {
  const [row] = await tx.select({ appointmentNo: bookings.appointmentNo, date: bookings.date, startsAt: slots.startsAt, name: services.name })
    .from(bookings).innerJoin(slots, eq(slots.id, bookings.slotId)).innerJoin(services, eq(services.id, bookings.serviceId))
    .where(and(eq(bookings.status, 'active'), where)).orderBy(desc(bookings.createdAt)).limit(1);
  return row;
}

async function refuseSecondNumber(tx: Tx, citizenId: string, holder: Holder): Promise<never> {
  const held = holder.agent
    ? await holdingBooking(tx, eq(bookings.agentId, holder.agent.id))
    : await holdingBooking(tx, and(eq(bookings.citizenId, citizenId), eq(bookings.kind, 'personal')));
  const who = holder.agent ? { zh: '一个经办人一个号', en: 'One agent, one number' } : { zh: '一人一号', en: 'One person, one number' };
  if (!held) throw new AppError('one_active_booking');
  const when = `${held.date} ${shortTime(held.startsAt)}`;
  throw new AppError('one_active_booking', {
    sentence: {
      zh: `${who.zh}：您已有有效预约（预约号 ${held.appointmentNo}，${when}，${held.name.zh}），请办理或取消后再预约。`,
      en: `${who.en}: you already hold booking ${held.appointmentNo} (${when}, ${held.name.en}). Use or cancel it before booking again.`,
    },
    details: { appointmentNo: held.appointmentNo, date: held.date, startsAt: shortTime(held.startsAt) },
  });
}

/** Takes one seat, or says why not (`slot_full`, or `closed_day` for a slot a closure notice closed). */
async function takeSeat(tx: Tx, slotId: string): Promise<void> {
  const taken = await tx.update(slots).set({ booked: sql`${slots.booked} + 1` })
    .where(and(eq(slots.id, slotId), lt(slots.booked, slots.capacity), eq(slots.closed, false)))
    .returning({ id: slots.id });
  if (taken.length > 0) return;
  const [slot] = await tx.select({ closed: slots.closed, date: slots.date }).from(slots).where(eq(slots.id, slotId));
  if (slot?.closed) throw new AppError('closed_day', { details: { date: slot.date } });
  throw new AppError('slot_full');
}

async function releaseSeat(tx: Tx, slotId: string): Promise<void> {
  await tx.update(slots).set({ booked: sql`${slots.booked} - 1` }).where(and(eq(slots.id, slotId), sql`${slots.booked} > 0`));
}

/** Gives the holder's number back (one person / one agent, one number): cancel, reschedule, no-show. */
export async function releaseNumber(tx: Tx, booking: Pick<Booking, 'agentId' | 'citizenId'>): Promise<void> {
  if (booking.agentId) {
    await tx.update(agents).set({ activeBookings: sql`${agents.activeBookings} - 1` }).where(and(eq(agents.id, booking.agentId), sql`${agents.activeBookings} > 0`));
  } else {
    await tx.update(citizens).set({ activePersonalBookings: sql`${citizens.activePersonalBookings} - 1` })
      .where(and(eq(citizens.id, booking.citizenId), sql`${citizens.activePersonalBookings} > 0`));
  }
}

type NewBooking = Omit<typeof bookings.$inferInsert, 'appointmentNo' | 'id'>;

/** Inserts with a fresh random number, drawing again on the (rare) collision. */
async function insertBooking(tx: Tx, values: NewBooking): Promise<Booking> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await tx.insert(bookings).values({ ...values, appointmentNo: newAppointmentNo() })
      .onConflictDoNothing({ target: bookings.appointmentNo }).returning();
    if (row) return row;
  }
  throw new Error('five appointment number collisions in a row');
}

/**
 * The confirmation, in the booking's transaction: the outbox worker sends it (WeChat subscribe
 * message to the openid; SMS to the stored phone for a citizen without one).
 */
async function enqueueConfirmation(tx: Tx, citizen: Citizen, booking: Booking, names: { service: Bilingual; outlet: Bilingual; address: Bilingual }, slot: { startsAt: string; endsAt: string }, now: Date) {
  await enqueue(tx, [{
    ...recipientOf(citizen),
    template: 'booking_confirmed',
    payload: {
      bookingId: booking.id, appointmentNo: booking.appointmentNo,
      service: names.service, outlet: names.outlet, address: names.address,
      date: booking.date, startsAt: shortTime(slot.startsAt), endsAt: shortTime(slot.endsAt),
    },
    dedupeKey: `booking_confirmed:${booking.id}`,
    availableAt: now,
  }]);
}

function sameSubmit(existing: Booking, input: BookingRequest): boolean {
  return existing.kind === input.kind && existing.serviceId === input.serviceId && existing.outletId === input.outletId
    && existing.slotId === input.slotId && (existing.agentId ?? undefined) === input.agentId;
}

/** A retried submit whose first attempt won the race past the lock (PGlite has no row locks). */
async function afterDuplicateKey<T>(error: unknown, found: () => Promise<T | undefined>): Promise<T> {
  if (sqlState(error) === '23505' && constraintName(error) === 'bookings_citizen_idempotency') {
    const existing = await found();
    if (existing) return existing;
  }
  throw error;
}

/** `settings`: the settings in force, read by the caller (who needs them again for the answer). */
export async function createBooking(db: Database, caller: Caller, input: BookingRequest, now: Date, clientIpHash: string | null, settings: Settings): Promise<BookingOutcome> {
  ensureOutsideMaintenance(settings.maintenanceWindow, now);
  try {
    return await db.transaction(async (tx) => {
      const citizen = await lockCitizen(tx, caller.citizenId);
      const existing = await bookingByKey(tx, citizen.id, input.idempotencyKey);
      if (existing) {
        if (!sameSubmit(existing, input)) throw new AppError('idempotency_key_reused');
        return { booking: existing, created: false };
      }
      const { slot, service, outlet } = await checkedSlot(tx, input.slotId, input.serviceId, input.outletId, settings, now);
      const holder = await ensureHolderMayBook(tx, citizen, input.kind, input.agentId, settings, now);

      const counted = holder.agent
        ? await tx.update(agents).set({ activeBookings: sql`${agents.activeBookings} + 1` })
          .where(and(eq(agents.id, holder.agent.id), eq(agents.status, 'approved'), lt(agents.activeBookings, settings.maxActiveAgentBookings)))
          .returning({ id: agents.id })
        : await tx.update(citizens).set({ activePersonalBookings: sql`${citizens.activePersonalBookings} + 1` })
          .where(and(eq(citizens.id, citizen.id), lt(citizens.activePersonalBookings, settings.maxActivePersonalBookings)))
          .returning({ id: citizens.id });
      if (counted.length === 0) await refuseSecondNumber(tx, citizen.id, holder);

      await takeSeat(tx, slot.id);
      const booking = await insertBooking(tx, {
        kind: input.kind, citizenId: citizen.id, agentId: holder.agent?.id ?? null, firmId: holder.firm?.id ?? null,
        serviceId: service.id, outletId: outlet.id, slotId: slot.id, date: slot.date, details: input.details,
        idempotencyKey: input.idempotencyKey, clientIpHash, createdAt: now,
      });
      await enqueueConfirmation(tx, citizen, booking, { service: service.name, outlet: outlet.name, address: outlet.address }, slot, now);
      return { booking, created: true };
    });
  } catch (error) {
    return afterDuplicateKey(error, async () => {
      const existing = await bookingByKey(db, caller.citizenId, input.idempotencyKey);
      return existing ? { booking: existing, created: false } : undefined;
    });
  }
}

async function ownBookingWithSlot(tx: Tx, citizenId: string, bookingId: string) {
  const [row] = await tx.select().from(bookings).innerJoin(slots, eq(slots.id, bookings.slotId))
    .where(and(eq(bookings.id, bookingId), eq(bookings.citizenId, citizenId)));
  if (!row) throw new AppError('not_found');
  return { booking: row.bookings, slot: row.slots };
}

/**
 * Cancels until the deadline: status, seat and number released together. Cancelling a cancelled
 * booking again answers as the first time did (a retried tap).
 */
export async function cancelBooking(db: Database, caller: Caller, bookingId: string, now: Date, settings: Settings): Promise<Booking> {
  return db.transaction(async (tx) => {
    await lockCitizen(tx, caller.citizenId);
    const { booking, slot } = await ownBookingWithSlot(tx, caller.citizenId, bookingId);
    if (booking.status === 'cancelled') return booking;
    if (booking.status !== 'active') throw new AppError('booking_not_active');
    ensureBeforeCancelDeadline(booking.date, slot.startsAt, settings.cancelDeadlineMinutes, now);
    const [cancelled] = await tx.update(bookings).set({ status: 'cancelled', cancelledAt: now })
      .where(and(eq(bookings.id, booking.id), eq(bookings.status, 'active'))).returning();
    if (!cancelled) throw new AppError('booking_not_active');
    await releaseSeat(tx, slot.id);
    await releaseNumber(tx, booking);
    return cancelled;
  });
}

/**
 * Moves a booking to another slot with the rules of booking: the old booking is cancelled and the
 * new one (a new number, `rescheduled_from` the old) takes its place in one transaction, so the
 * holder's number passes from one to the other and the counter does not move.
 */
export async function rescheduleBooking(db: Database, caller: Caller, bookingId: string, input: RescheduleRequest, now: Date, clientIpHash: string | null, settings: Settings): Promise<BookingOutcome> {
  ensureOutsideMaintenance(settings.maintenanceWindow, now);
  try {
    return await db.transaction(async (tx) => {
      const citizen = await lockCitizen(tx, caller.citizenId);
      const existing = await bookingByKey(tx, citizen.id, input.idempotencyKey);
      if (existing) {
        if (existing.rescheduledFrom !== bookingId || existing.slotId !== input.slotId) throw new AppError('idempotency_key_reused');
        return { booking: existing, created: false };
      }
      const { booking: old, slot: oldSlot } = await ownBookingWithSlot(tx, citizen.id, bookingId);
      if (old.status !== 'active') throw new AppError('booking_not_active');
      ensureBeforeCancelDeadline(old.date, oldSlot.startsAt, settings.cancelDeadlineMinutes, now);
      if (input.slotId === old.slotId) throw new AppError('validation_failed', { fields: { slotId: 'same_slot' } });
      const { slot, service, outlet } = await checkedSlot(tx, input.slotId, old.serviceId, undefined, settings, now);
      const holder = await ensureHolderMayBook(tx, citizen, old.kind, old.agentId ?? undefined, settings, now);

      const [released] = await tx.update(bookings).set({ status: 'cancelled', cancelledAt: now })
        .where(and(eq(bookings.id, old.id), eq(bookings.status, 'active'))).returning({ id: bookings.id });
      if (!released) throw new AppError('booking_not_active');
      // Slots in id order, as every transaction takes them.
      for (const id of [slot.id, oldSlot.id].sort()) {
        if (id === slot.id) await takeSeat(tx, id);
        else await releaseSeat(tx, id);
      }
      const booking = await insertBooking(tx, {
        kind: old.kind, citizenId: citizen.id, agentId: holder.agent?.id ?? null, firmId: holder.firm?.id ?? null,
        serviceId: service.id, outletId: outlet.id, slotId: slot.id, date: slot.date, details: old.details,
        idempotencyKey: input.idempotencyKey, rescheduledFrom: old.id, clientIpHash, createdAt: now,
      });
      await enqueueConfirmation(tx, citizen, booking, { service: service.name, outlet: outlet.name, address: outlet.address }, slot, now);
      return { booking, created: true };
    });
  } catch (error) {
    return afterDuplicateKey(error, async () => {
      const existing = await bookingByKey(db, caller.citizenId, input.idempotencyKey);
      return existing ? { booking: existing, created: false } : undefined;
    });
  }
}


