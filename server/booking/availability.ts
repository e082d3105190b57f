/**
 * Availability from the database: the (service, outlet) pair, the calendar overrides that matter,
 * and the slots of open days, materialised from the capacity plan the first time anyone asks
 * (`insert … on conflict do nothing`, so concurrent first askers make each slot once).
 */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { calendarOverrides, capacityPlans, outletServices, outlets, services, slots, type Outlet, type Service } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { dayStatus, type CalendarOverride, type Period } from './calendar.ts';
import { slotTimes } from './slots.ts';

type Db = Database | Transaction;

export interface ServiceAtOutlet {
  service: Service;
  outlet: Outlet;
}

/** The bookable service and the active outlet; `not_found` or `service_not_at_outlet` otherwise. */
export async function serviceAtOutlet(db: Db, serviceId: string, outletId: string): Promise<ServiceAtOutlet> {
  // One round trip: the pair, and whether the outlet handles the service.
  const [row] = await db.select({ service: services, outlet: outlets, handled: outletServices.serviceId })
    .from(services)
    .innerJoin(outlets, and(eq(outlets.id, outletId), eq(outlets.active, true)))
    .leftJoin(outletServices, and(eq(outletServices.outletId, outlets.id), eq(outletServices.serviceId, services.id)))
    .where(and(eq(services.id, serviceId), eq(services.active, true), eq(services.bookable, true)));
  if (!row) throw new AppError('not_found', { detail: `service ${serviceId} or outlet ${outletId}` });
  const { service, outlet } = row;
  if (!row.handled) {
    throw new AppError('service_not_at_outlet', {
      sentence: {
        zh: `${outlet.name.zh}不办理${service.name.zh}，请选择其他办理点。`,
        en: `${outlet.name.en} does not handle ${service.name.en}. Please choose another outlet.`,
      },
    });
  }
  return { service, outlet };
}

/** The overrides for `outletId` (its own and every outlet's) between two days, inclusive. */
export async function loadOverrides(db: Db, outletId: string, from: string, to: string): Promise<CalendarOverride[]> {
  return db
    .select({ outletId: calendarOverrides.outletId, date: calendarOverrides.date, kind: calendarOverrides.kind, reason: calendarOverrides.reason })
    .from(calendarOverrides)
    .where(and(or(eq(calendarOverrides.outletId, outletId), isNull(calendarOverrides.outletId)), gte(calendarOverrides.date, from), lte(calendarOverrides.date, to)));
}

/**
 * Makes the slots of `dates` (open days, with their hours) for the outlet's plan for `groupId`.
 * Without a plan the group has no slots there. Existing slots keep their capacity: a changed plan
 * applies to days nobody has asked for yet.
 */
export async function materialiseSlots(db: Db, outletId: string, groupId: string, days: readonly { date: string; hours: Period[] }[]): Promise<void> {
  const [plan] = await db.select().from(capacityPlans).where(and(eq(capacityPlans.outletId, outletId), eq(capacityPlans.groupId, groupId)));
  if (!plan || days.length === 0) return;
  const rows = days.flatMap(({ date, hours }) =>
    slotTimes(hours, plan.slotMinutes).map((t) => ({ outletId, groupId, date, startsAt: t.startsAt, endsAt: t.endsAt, capacity: plan.capacity })));
  if (rows.length === 0) return;
  await db.insert(slots).values(rows).onConflictDoNothing({ target: [slots.outletId, slots.groupId, slots.date, slots.startsAt] });
}

/** The open days among `dates` with their hours. */
export function openDays(outlet: Outlet, dates: readonly string[], overrides: readonly CalendarOverride[]): { date: string; hours: Period[] }[] {
  return dates.flatMap((date) => {
    const status = dayStatus(outlet, date, overrides);
    return status.open ? [{ date, hours: status.hours }] : [];
  });
}

/** The slots of the outlet's group on `dates`, by date and start. */
export async function slotsOn(db: Db, outletId: string, groupId: string, dates: readonly string[]) {
  if (dates.length === 0) return [];
  return db
    .select()
    .from(slots)
    .where(and(eq(slots.outletId, outletId), eq(slots.groupId, groupId), inArray(slots.date, [...dates])))
    .orderBy(asc(slots.date), asc(slots.startsAt));
}
