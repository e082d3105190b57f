/**
 * Walk-in tickets where the outlet allows them (DOMAIN.md): the person picks the service and presents
 * their ID; one waiting ticket per ID and service. Asking again for the same service while the first
 * ticket waits gives that ticket again (a second tap, or a person who forgot they took one).
 *
 * Someone whose appointment at this outlet today has passed its check-in window is a late arrival:
 * the ticket says so (class `late`), and ranks with the walk-ins.
 */
import { and, eq } from 'drizzle-orm';
import { ERRORS } from '../../common/errors.ts';
import type { QueueEvent } from '../../common/events.ts';
import type { WalkInOptions, WalkInRequest } from '../../common/kiosk.ts';
import { serviceDate, wallTime } from '../../common/time.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { bookings, citizens, outletServices, outlets, serviceGroups, services, slots, type Outlet, type Ticket } from '../../db/schema.ts';
import { loadOverrides, serviceAtOutlet } from '../booking/availability.ts';
import { dayStatus } from '../booking/calendar.ts';
import type { Settings } from '../domain/settings.ts';
import { AppError, constraintName, sqlState } from '../errors.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';
import { greenByAge } from '../queue/green-channel.ts';
import { firstStepOf, issueTicket, journeyQueue } from '../queue/issue.ts';
import { queueLengths } from '../queue/position.ts';
import { presentedId, waitingTicketOf, type Kiosk } from './presented-id.ts';
import { checkInWindow, windowClosed } from './window.ts';

type Db = Database | Transaction;

export interface WalkInOutcome {
  ticket: Ticket;
  created: boolean;
  events: QueueEvent[];
}

/** Why the outlet gives no walk-in ticket now, or null when it does. */
async function walkInRefusal(db: Db, outlet: Outlet, now: Date): Promise<AppError | null> {
  if (!outlet.walkInsAllowed || !outlet.active) return new AppError('walk_ins_not_allowed');
  const today = serviceDate(now);
  const status = dayStatus(outlet, today, await loadOverrides(db, outlet.id, today, today));
  if (!status.open) {
    return new AppError('outlet_closed_now', {
      sentence: { zh: `今天不办公（${status.reason.zh}），不能取号。`, en: `The outlet is closed today (${status.reason.en}), so no tickets can be issued.` },
    });
  }
  const time = wallTime(now);
  if (status.hours.some((p) => p.open <= time && time < p.close)) return null;
  const hours = status.hours.map((p) => `${p.open}–${p.close}`).join('，');
  return new AppError('outlet_closed_now', {
    sentence: { zh: `现在不是办公时间（今天 ${hours}），不能取号。`, en: `The outlet is not open now (today ${hours.replaceAll('，', ', ')}), so no tickets can be issued.` },
    details: { hours },
  });
}

async function outletOf(db: Db, outletId: string): Promise<Outlet> {
  const [outlet] = await db.select().from(outlets).where(eq(outlets.id, outletId));
  if (!outlet) throw new AppError('device_not_paired', { detail: `outlet ${outletId} is gone` });
  return outlet;
}

/** Whether this ID holds an appointment at this outlet today whose check-in window has closed. */
async function arrivesLate(tx: Transaction, outletId: string, idHash: string, today: string, settings: Settings, now: Date): Promise<boolean> {
  const missed = await tx.select({ date: bookings.date, startsAt: slots.startsAt, endsAt: slots.endsAt }).from(bookings)
    .innerJoin(citizens, eq(citizens.id, bookings.citizenId))
    .innerJoin(slots, eq(slots.id, bookings.slotId))
    .where(and(eq(citizens.idNumberHash, idHash), eq(bookings.outletId, outletId), eq(bookings.date, today), eq(bookings.status, 'active')));
  return missed.some((b) => windowClosed(checkInWindow(b.date, b.startsAt, b.endsAt, settings.checkInOpensMinutesBefore), now));
}

export async function walkIn(deps: { db: Database; privacy: PersonalDataCipher }, kiosk: Kiosk, request: WalkInRequest, settings: Settings, now: Date): Promise<WalkInOutcome> {
  const { db } = deps;
  const today = serviceDate(now);
  const id = presentedId(deps.privacy, request.idNumber, today);
  const outlet = await outletOf(db, kiosk.outletId);
  const refusal = await walkInRefusal(db, outlet, now);
  if (refusal) throw refusal;
  const { service } = await serviceAtOutlet(db, request.serviceId, kiosk.outletId);
  try {
    return await db.transaction(async (tx) => {
      const queue = await journeyQueue(tx, service.id);
      const held = await waitingTicketOf(tx, kiosk.outletId, today, id.hash, queue.serviceId);
      if (held) return { ticket: held, created: false, events: [] };
      const green = greenByAge(id.birthDate, today);
      const late = !green && await arrivesLate(tx, kiosk.outletId, id.hash, today, settings, now);
      const [citizen] = await tx.select({ id: citizens.id }).from(citizens).where(eq(citizens.idNumberHash, id.hash));
      const { ticket, event } = await issueTicket(tx, {
        outletId: kiosk.outletId, serviceDate: today, journeyServiceId: service.id,
        class: green ? 'green' : late ? 'late' : 'walk_in', greenReason: green ? 'age' : null,
        bookingId: null, citizenId: citizen?.id ?? null, idNumberHash: id.hash, queue,
      }, { kind: 'device', id: kiosk.deviceId }, now);
      return { ticket, created: true, events: [event] };
    });
  } catch (error) {
    // Two taps raced past the check above: the database kept one ticket, which both get.
    if (sqlState(error) === '23505' && constraintName(error) === 'tickets_one_waiting_per_id_service') {
      const held = await waitingTicketOf(db, kiosk.outletId, today, id.hash, await firstStepOf(db, service.id));
      if (held) return { ticket: held, created: false, events: [] };
    }
    throw error;
  }
}

/** What the kiosk offers walk-ins now: the outlet's bookable services, each with its queue. */
export async function walkInOptions(db: Database, kiosk: Kiosk, now: Date): Promise<WalkInOptions> {
  const outlet = await outletOf(db, kiosk.outletId);
  const refusal = await walkInRefusal(db, outlet, now);
  const rows = await db.select({ id: services.id, name: services.name, group: serviceGroups.name, prefix: serviceGroups.prefix })
    .from(outletServices)
    .innerJoin(services, eq(services.id, outletServices.serviceId))
    .innerJoin(serviceGroups, eq(serviceGroups.id, services.groupId))
    .where(and(eq(outletServices.outletId, kiosk.outletId), eq(services.active, true), eq(services.bookable, true)))
    .orderBy(serviceGroups.prefix, services.sortOrder);
  const firstSteps = new Map<string, string>();
  for (const row of rows) firstSteps.set(row.id, await firstStepOf(db, row.id));
  const lengths = await queueLengths(db, kiosk.outletId, serviceDate(now), [...new Set(firstSteps.values())], now);
  return {
    walkInsAllowed: refusal === null,
    reason: refusal ? (refusal.sentence ?? { zh: ERRORS[refusal.code].zh, en: ERRORS[refusal.code].en }) : null,
    services: rows.map((row) => {
      const queue = lengths.get(firstSteps.get(row.id)!)!;
      return { ...row, waiting: queue.peopleAhead, estimatedWaitMinutes: queue.estimatedWaitMinutes };
    }),
  };
}
