/**
 * The history report: by day, outlet and service, what the bookings table says (booked, cancelled,
 * checked in, no-shows) beside what the ticket events say (tickets by class, green share, calls,
 * waits and service times), and the ratings. The figures themselves are computed by figures.ts.
 */
import { and, count, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import type { DayRow, HistoryReport, ReportQuery } from '../../common/reports.ts';
import { addDays, serviceDate, shanghaiInstant } from '../../common/time.ts';
import type { Database } from '../../db/client.ts';
import { bookings, outlets, ratings, services, ticketEvents, tickets } from '../../db/schema.ts';
import { distribution, histogram, queueFiguresOf, ticketFiguresOf, type ReportEvent } from './figures.ts';

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
const mean = (values: readonly number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100);

export async function historyReport(db: Database, query: ReportQuery, outletIds: readonly string[]): Promise<HistoryReport> {
  const scope = query.outletId ? outletIds.filter((id) => id === query.outletId) : [...outletIds];
  const names = {
    outlet: new Map((await db.select({ id: outlets.id, name: outlets.name }).from(outlets)).map((o) => [o.id, o.name.zh])),
    service: new Map((await db.select({ id: services.id, name: services.name }).from(services)).map((s) => [s.id, s.name.zh])),
  };
  const start = shanghaiInstant(query.from, '00:00');
  const end = shanghaiInstant(addDays(query.to, 1), '00:00');
  const events = scope.length === 0 ? [] : await db.select({
    ticketId: ticketEvents.ticketId, type: ticketEvents.type, serviceId: ticketEvents.serviceId, at: ticketEvents.at,
    data: ticketEvents.data, outletId: ticketEvents.outletId,
  }).from(ticketEvents).where(and(inArray(ticketEvents.outletId, scope), gte(ticketEvents.at, start), lt(ticketEvents.at, end)));
  const booked = scope.length === 0 ? [] : await db.select({ date: bookings.date, outletId: bookings.outletId, serviceId: bookings.serviceId, status: bookings.status, n: count() })
    .from(bookings).where(and(inArray(bookings.outletId, scope), gte(bookings.date, query.from), lte(bookings.date, query.to)))
    .groupBy(bookings.date, bookings.outletId, bookings.serviceId, bookings.status);
  const rated = scope.length === 0 ? [] : await db.select({ date: tickets.serviceDate, outletId: tickets.outletId, serviceId: tickets.journeyServiceId, grade: ratings.grade })
    .from(ratings).innerJoin(tickets, eq(tickets.id, ratings.ticketId))
    .where(and(inArray(tickets.outletId, scope), gte(tickets.serviceDate, query.from), lte(tickets.serviceDate, query.to)));

  // Events grouped by the day (Beijing) and outlet they happened on.
  const days = new Map<string, ReportEvent[]>();
  for (const e of events) {
    const key = `${serviceDate(e.at)}|${e.outletId}`;
    (days.get(key) ?? days.set(key, []).get(key)!).push(e);
  }
  const rows = new Map<string, DayRow>();
  const rowOf = (date: string, outletId: string, serviceId: string): DayRow => {
    const key = `${date}|${outletId}|${serviceId}`;
    let row = rows.get(key);
    if (!row) {
      rows.set(key, row = {
        date, outletId, outlet: names.outlet.get(outletId) ?? outletId, serviceId, service: names.service.get(serviceId) ?? serviceId,
        booked: 0, cancelled: 0, checkedIn: 0, noShows: 0, tickets: 0, appointment: 0, walkIn: 0, late: 0, green: 0, greenShare: null,
        calls: 0, missed: 0, waitMean: null, waitP50: null, waitP90: null, waitMax: null, serviceMean: null, serviceP50: null, serviceP90: null,
        ratings: 0, ratingMean: null,
      });
    }
    return row;
  };

  const allWaits: number[] = [];
  const allServices: number[] = [];
  for (const [key, dayEvents] of days) {
    const [date, outletId] = key.split('|') as [string, string];
    for (const t of ticketFiguresOf(dayEvents)) {
      Object.assign(rowOf(date, outletId, t.serviceId), {
        tickets: t.tickets, appointment: t.appointment, walkIn: t.walkIn, late: t.late, green: t.green, greenShare: share(t.green, t.tickets),
      });
    }
    for (const q of queueFiguresOf(dayEvents)) {
      const wait = distribution(q.waitMinutes);
      const service = distribution(q.serviceMinutes);
      Object.assign(rowOf(date, outletId, q.serviceId), {
        calls: q.calls, missed: q.missed, waitMean: wait.mean, waitP50: wait.p50, waitP90: wait.p90, waitMax: wait.max,
        serviceMean: service.mean, serviceP50: service.p50, serviceP90: service.p90,
      });
      allWaits.push(...q.waitMinutes);
      allServices.push(...q.serviceMinutes);
    }
  }
  for (const b of booked) {
    const row = rowOf(b.date, b.outletId, b.serviceId);
    if (b.status !== 'cancelled') row.booked += b.n;
    if (b.status === 'cancelled') row.cancelled += b.n;
    if (b.status === 'checked_in') row.checkedIn += b.n;
    if (b.status === 'no_show') row.noShows += b.n;
  }
  const grades = new Map<string, number[]>();
  for (const r of rated) {
    const key = `${r.date}|${r.outletId}|${r.serviceId}`;
    (grades.get(key) ?? grades.set(key, []).get(key)!).push(r.grade);
  }
  for (const [key, list] of grades) {
    const [date, outletId, serviceId] = key.split('|') as [string, string, string];
    Object.assign(rowOf(date, outletId, serviceId), { ratings: list.length, ratingMean: mean(list) });
  }

  const sorted = [...rows.values()].sort((a, b) => a.date.localeCompare(b.date) || a.outletId.localeCompare(b.outletId) || a.serviceId.localeCompare(b.serviceId));
  const ticketsTotal = sorted.reduce((n, r) => n + r.tickets, 0);
  const greenTotal = sorted.reduce((n, r) => n + r.green, 0);
  const allGrades = rated.map((r) => r.grade);
  return {
    query,
    rows: sorted,
    totals: {
      tickets: ticketsTotal,
      green: greenTotal,
      greenShare: share(greenTotal, ticketsTotal),
      wait: distribution(allWaits),
      service: distribution(allServices),
      waitHistogram: histogram(allWaits, 5, 12),
      serviceHistogram: histogram(allServices, 5, 12),
      ratingCounts: [1, 2, 3, 4, 5].map((g) => allGrades.filter((x) => x === g).length),
      ratingMean: mean(allGrades),
    },
  };
}

/** Number of days from `from` to `to`, inclusive. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

