/**
 * The calendar as the booking core sees it, read inside a change's transaction: active outlets with
 * their hours, and the overrides over a span of days. Read once before a change and once after it,
 * it tells which bookings the change spoils (day-fit.ts).
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Transaction } from '../../db/client.ts';
import { calendarOverrides, outlets } from '../../db/schema.ts';
import type { CalendarState } from './day-fit.ts';

export async function readCalendarState(tx: Transaction, outletIds: readonly string[] | 'all', from: string, to: string): Promise<CalendarState> {
  const rows = outletIds !== 'all' && outletIds.length === 0 ? [] : await tx.select({ id: outlets.id, openingHours: outlets.openingHours }).from(outlets)
    .where(and(eq(outlets.active, true), outletIds === 'all' ? undefined : inArray(outlets.id, [...outletIds])));
  // Every outlet's and the all-outlets rows: dayStatus picks the one in force per outlet.
  const overrides = await tx
    .select({ outletId: calendarOverrides.outletId, date: calendarOverrides.date, kind: calendarOverrides.kind, reason: calendarOverrides.reason })
    .from(calendarOverrides)
    .where(and(gte(calendarOverrides.date, from), lte(calendarOverrides.date, to)));
  return { outlets: new Map(rows.map((r) => [r.id, r])), overrides };
}
