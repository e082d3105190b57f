/**
 * The active bookings still ahead (later days, and today's whose slot has not ended): what a
 * configuration change can spoil. Read inside the change's transaction, after the change.
 */
import { and, asc, eq, gt, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { serviceDate, wallTime } from '../../common/time.ts';
import type { Transaction } from '../../db/client.ts';
import { bookings, services, slots, type Bilingual } from '../../db/schema.ts';
import { shortTime } from '../booking/slots.ts';

export interface UpcomingBooking {
  bookingId: string;
  appointmentNo: string;
  kind: 'personal' | 'agency';
  outletId: string;
  serviceId: string;
  service: Bilingual;
  slotId: string;
  date: string;
  /** `HH:MM` */
  startsAt: string;
  endsAt: string;
  createdAt: Date;
}

export interface UpcomingFilter {
  outletIds?: readonly string[];
  serviceIds?: readonly string[];
  slotIds?: readonly string[];
  /** Inclusive days. */
  from?: string;
  to?: string;
}

export async function upcomingBookings(tx: Transaction, filter: UpcomingFilter, now: Date): Promise<UpcomingBooking[]> {
  const today = serviceDate(now);
  const conditions: SQL[] = [eq(bookings.status, 'active'), gte(bookings.date, filter.from && filter.from > today ? filter.from : today)];
  if (filter.to) conditions.push(lte(bookings.date, filter.to));
  // An empty list means "none of them", never "any".
  if (filter.outletIds) conditions.push(filter.outletIds.length ? inArray(bookings.outletId, [...filter.outletIds]) : sql`false`);
  if (filter.serviceIds) conditions.push(filter.serviceIds.length ? inArray(bookings.serviceId, [...filter.serviceIds]) : sql`false`);
  if (filter.slotIds) conditions.push(filter.slotIds.length ? inArray(bookings.slotId, [...filter.slotIds]) : sql`false`);
  const rows = await tx
    .select({
      bookingId: bookings.id, appointmentNo: bookings.appointmentNo, kind: bookings.kind, outletId: bookings.outletId,
      serviceId: bookings.serviceId, service: services.name, slotId: bookings.slotId, date: bookings.date,
      startsAt: slots.startsAt, endsAt: slots.endsAt, createdAt: bookings.createdAt,
    })
    .from(bookings)
    .innerJoin(slots, eq(slots.id, bookings.slotId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(and(...conditions, or(gt(bookings.date, today), gt(slots.endsAt, `${wallTime(now)}:00`))))
    .orderBy(asc(bookings.date), asc(slots.startsAt), asc(bookings.createdAt));
  return rows.map((r) => ({ ...r, startsAt: shortTime(r.startsAt), endsAt: shortTime(r.endsAt) }));
}
