/**
 * A month of one outlet's calendar for the console: each day's official status (with the festival's
 * name), the local overrides of that day, and whether the outlet works then, with its hours or why not.
 */
import { and, count, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { CalendarDay, CalendarMonth, CalendarOverrideView } from '../../common/admin.ts';
import { addDays, isoWeekday } from '../../common/time.ts';
import type { Database } from '../../db/client.ts';
import { bookings, calendarOverrides, outlets } from '../../db/schema.ts';
import { dayStatus, type CalendarOutlet } from '../booking/calendar.ts';
import { AppError } from '../errors.ts';
import { officialDay } from './official-day.ts';

/** `monthDays('2026-02')` → `['2026-02-01', …, '2026-02-28']` */
export function monthDays(month: string): string[] {
  const days: string[] = [];
  for (let date = `${month}-01`; date.startsWith(month); date = addDays(date, 1)) days.push(date);
  return days;
}

/** The days of `month` for `outlet`, from its overrides (its own and every outlet's) and active bookings per day. */
export function monthView(outlet: CalendarOutlet, month: string, overrides: readonly CalendarOverrideView[], bookingsPerDay: ReadonlyMap<string, number>): CalendarDay[] {
  return monthDays(month).map((date) => {
    const own = overrides.filter((o) => o.date === date && o.outletId === outlet.id);
    const all = overrides.filter((o) => o.date === date && o.outletId === null);
    const status = dayStatus(outlet, date, [...own, ...all]);
    return {
      date, weekday: isoWeekday(date), official: officialDay(date), overrides: [...own, ...all],
      open: status.open, hours: status.open ? status.hours : [], closedReason: status.open ? null : status.reason,
      activeBookings: bookingsPerDay.get(date) ?? 0,
    };
  });
}

export function overrideView(row: typeof calendarOverrides.$inferSelect): CalendarOverrideView {
  return {
    id: row.id, outletId: row.outletId, date: row.date, kind: row.kind, reason: row.reason,
    createdBy: row.createdBy, createdAt: row.createdAt.toISOString(),
  };
}

export async function calendarMonth(db: Database, outletId: string, month: string): Promise<CalendarMonth> {
  const [outlet] = await db.select({ id: outlets.id, openingHours: outlets.openingHours }).from(outlets).where(eq(outlets.id, outletId));
  if (!outlet) throw new AppError('not_found');
  const days = monthDays(month);
  const from = days[0]!;
  const to = days.at(-1)!;
  const overrides = await db.select().from(calendarOverrides).where(and(
    or(eq(calendarOverrides.outletId, outletId), isNull(calendarOverrides.outletId)),
    gte(calendarOverrides.date, from), lte(calendarOverrides.date, to),
  ));
  const perDay = await db.select({ date: bookings.date, n: count() }).from(bookings)
    .where(and(eq(bookings.outletId, outletId), eq(bookings.status, 'active'), gte(bookings.date, from), lte(bookings.date, to)))
    .groupBy(bookings.date);
  return { outletId, month, days: monthView(outlet, month, overrides.map(overrideView), new Map(perDay.map((d) => [d.date, d.n]))) };
}
