/**
 * Tickets and counters as the staff console shows them: numbers, classes, queues and waits, never a
 * name or an ID number. Built for many tickets at once with a few batched queries.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { CounterView, OutletQueue, StaffTicket } from '../../common/counters.ts';
import type { Database, Transaction } from '../../db/client.ts';
import {
  bookings, counters, counterServices, outletSequences, services, serviceSteps, staff, ticketEvents, tickets,
  type Ticket,
} from '../../db/schema.ts';
import type { Settings } from '../domain/settings.ts';
import { orderQueue } from './order.ts';
import { estimateWait } from './position.ts';
import { serviceMinutes } from './service-times.ts';

type Db = Database | Transaction;

async function catalogue(db: Db) {
  const rows = await db.select({ id: services.id, name: services.name, groupId: services.groupId, averageMinutes: services.averageMinutes }).from(services);
  const steps = await db.select({ serviceId: serviceSteps.serviceId, n: count() }).from(serviceSteps).groupBy(serviceSteps.serviceId);
  return {
    service: new Map(rows.map((r) => [r.id, r])),
    steps: new Map(steps.map((s) => [s.serviceId, s.n])),
  };
}

/** Minutes since `from`, whole and never negative. */
function minutesSince(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
}

export async function staffTickets(db: Db, rows: readonly Ticket[], now: Date): Promise<StaffTicket[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((t) => t.id);
  const { service, steps } = await catalogue(db);
  const recalls = await db.select({ ticketId: ticketEvents.ticketId, n: count() }).from(ticketEvents)
    .where(and(inArray(ticketEvents.ticketId, ids), eq(ticketEvents.type, 'recalled'))).groupBy(ticketEvents.ticketId);
  const counterIds = [...new Set(rows.map((t) => t.counterId).filter((id): id is string => id !== null))];
  const numbers = counterIds.length === 0 ? [] : await db.select({ id: counters.id, number: counters.number }).from(counters).where(inArray(counters.id, counterIds));
  const bookingIds = rows.map((t) => t.bookingId).filter((id): id is string => id !== null);
  const booked = bookingIds.length === 0 ? [] : await db.select({ id: bookings.id, appointmentNo: bookings.appointmentNo, kind: bookings.kind }).from(bookings).where(inArray(bookings.id, bookingIds));
  return rows.map((t) => {
    const booking = booked.find((b) => b.id === t.bookingId);
    return {
      id: t.id,
      number: t.number,
      class: t.class,
      green: t.class === 'green',
      greenReason: t.greenReason,
      status: t.status,
      serviceId: t.serviceId,
      service: service.get(t.serviceId)?.name ?? { zh: t.serviceId, en: t.serviceId },
      journeyService: service.get(t.journeyServiceId)?.name ?? { zh: t.journeyServiceId, en: t.journeyServiceId },
      step: t.stepPosition,
      steps: steps.get(t.journeyServiceId) ?? 1,
      queuedAt: t.queuedAt.toISOString(),
      waitedMinutes: minutesSince(t.queuedAt, now),
      requeueCount: t.requeueCount,
      recalls: recalls.find((r) => r.ticketId === t.id)?.n ?? 0,
      counterNumber: numbers.find((c) => c.id === t.counterId)?.number ?? null,
      appointmentNo: booking?.appointmentNo ?? null,
      presentAttorney: booking?.kind === 'agency',
    };
  });
}

export async function counterViews(db: Db, where: { outletId: string } | { counterId: string }, now: Date): Promise<CounterView[]> {
  const rows = await db.select({ counter: counters, staffName: staff.displayName }).from(counters)
    .leftJoin(staff, eq(staff.id, counters.staffId))
    .where('outletId' in where ? eq(counters.outletId, where.outletId) : eq(counters.id, where.counterId))
    .orderBy(asc(counters.number));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.counter.id);
  const served = await db.select({ counterId: counterServices.counterId, id: services.id, name: services.name }).from(counterServices)
    .innerJoin(services, eq(services.id, counterServices.serviceId))
    .where(inArray(counterServices.counterId, ids)).orderBy(asc(services.sortOrder));
  const current = await db.select().from(tickets).where(and(inArray(tickets.counterId, ids), inArray(tickets.status, ['called', 'serving'])));
  const currentViews = await staffTickets(db, current, now);
  return rows.map(({ counter, staffName }) => ({
    id: counter.id,
    outletId: counter.outletId,
    number: counter.number,
    name: counter.name,
    status: counter.status,
    staffId: counter.staffId,
    staffName: counter.staffId ? staffName : null,
    services: served.filter((s) => s.counterId === counter.id).map(({ id, name }) => ({ id, name })),
    current: currentViews.find((t) => current.find((c) => c.id === t.id)?.counterId === counter.id) ?? null,
  }));
}

/** Everyone waiting at the outlet today, in calling order per queue, with the missed and the counters. */
export async function outletQueue(db: Db, outletId: string, serviceDate: string, settings: Settings, now: Date): Promise<OutletQueue> {
  const [sequence] = await db.select({ seq: outletSequences.lastSeq }).from(outletSequences).where(eq(outletSequences.outletId, outletId));
  const today = await db.select().from(tickets)
    .where(and(eq(tickets.outletId, outletId), eq(tickets.serviceDate, serviceDate), inArray(tickets.status, ['waiting', 'missed'])));
  const waiting = today.filter((t) => t.status === 'waiting');
  const views = await staffTickets(db, today, now);
  const view = new Map(views.map((v) => [v.id, v]));
  const counterList = await counterViews(db, { outletId }, now);

  const ordered: OutletQueue['waiting'] = [];
  for (const serviceId of [...new Set(waiting.map((t) => t.serviceId))].sort()) {
    const queue = orderQueue(waiting.filter((t) => t.serviceId === serviceId), settings, { priorityCallsInARow: 0 }, now);
    const serving = counterList.filter((c) => c.services.some((s) => s.id === serviceId));
    const open = serving.filter((c) => c.status === 'open').length;
    const minutes = await serviceMinutes(db, outletId, serviceId, now);
    queue.forEach((t, position) => {
      ordered.push({ ...view.get(t.id)!, position, estimatedWaitMinutes: estimateWait(position, minutes, open > 0 ? open : serving.length) });
    });
  }
  // Every queue a counter here serves (journey steps included): where a ticket can be transferred to.
  const offered = await db.selectDistinct({ id: services.id, name: services.name, groupId: services.groupId, sortOrder: services.sortOrder })
    .from(counterServices)
    .innerJoin(counters, eq(counters.id, counterServices.counterId))
    .innerJoin(services, eq(services.id, counterServices.serviceId))
    .where(and(eq(counters.outletId, outletId), eq(services.active, true))).orderBy(asc(services.sortOrder));
  return {
    outletId,
    seq: sequence?.seq ?? 0,
    waiting: ordered,
    missed: views.filter((v) => v.status === 'missed'),
    counters: counterList,
    services: offered.map(({ id, name, groupId }) => ({ id, name, groupId })),
  };
}
