/**
 * Where a waiting ticket stands: how many people are ahead of it in its queue (by the queue order
 * rule, server/queue/order.ts) and a wait estimate from recent service times (service-times.ts) and
 * the counters that serve it.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { counters, counterServices, tickets } from '../../db/schema.ts';
import type { Settings } from '../domain/settings.ts';
import { orderQueue, type QueuedTicket } from './order.ts';
import { serviceMinutes } from './service-times.ts';

type Db = Database | Transaction;

export interface QueueStanding {
  peopleAhead: number;
  estimatedWaitMinutes: number;
}

/**
 * Minutes until `ahead` people are served: each takes the service's minutes, shared among the
 * counters serving it. `estimateWait(4, 10, 2) === 20`. With no counter open, the counters that
 * will open are counted (the estimate is for the day, not for an empty lobby at 07:50).
 */
export function estimateWait(ahead: number, averageMinutes: number, counterCount: number): number {
  return Math.round((ahead * averageMinutes) / Math.max(1, counterCount));
}

/** Counters of the outlet that serve the service: open ones if any are open, else all of them. */
export async function servingCounters(db: Db, outletId: string, serviceId: string): Promise<{ number: number; open: boolean }[]> {
  const rows = await db.select({ number: counters.number, status: counters.status }).from(counterServices)
    .innerJoin(counters, eq(counters.id, counterServices.counterId))
    .where(and(eq(counters.outletId, outletId), eq(counterServices.serviceId, serviceId)))
    .orderBy(counters.number);
  return rows.map((r) => ({ number: r.number, open: r.status === 'open' }));
}

function counterCount(serving: readonly { open: boolean }[]): number {
  const open = serving.filter((c) => c.open).length;
  return open > 0 ? open : serving.length;
}

async function waitingIn(db: Db, outletId: string, serviceDate: string, serviceIds: string[]): Promise<(QueuedTicket & { serviceId: string })[]> {
  if (serviceIds.length === 0) return [];
  return db.select({ id: tickets.id, number: tickets.number, class: tickets.class, queuedAt: tickets.queuedAt, serviceId: tickets.serviceId })
    .from(tickets)
    .where(and(eq(tickets.outletId, outletId), eq(tickets.serviceDate, serviceDate), inArray(tickets.serviceId, serviceIds), eq(tickets.status, 'waiting')));
}

const NO_HISTORY = { priorityCallsInARow: 0 };

/** A ticket's standing in its queue now; a ticket no longer waiting has nobody ahead. */
export async function standingOf(db: Db, ticket: { id: string; outletId: string; serviceDate: string; serviceId: string; status: string }, settings: Settings, now: Date): Promise<QueueStanding> {
  if (ticket.status !== 'waiting') return { peopleAhead: 0, estimatedWaitMinutes: 0 };
  const waiting = await waitingIn(db, ticket.outletId, ticket.serviceDate, [ticket.serviceId]);
  const ordered = orderQueue(waiting, settings, NO_HISTORY, now);
  const ahead = Math.max(0, ordered.findIndex((t) => t.id === ticket.id));
  const serving = await servingCounters(db, ticket.outletId, ticket.serviceId);
  return { peopleAhead: ahead, estimatedWaitMinutes: estimateWait(ahead, await serviceMinutes(db, ticket.outletId, ticket.serviceId, now), counterCount(serving)) };
}

/** For each service, how many wait now and what a newly issued walk-in ticket would wait. */
export async function queueLengths(db: Db, outletId: string, serviceDate: string, serviceIds: string[], now: Date): Promise<Map<string, QueueStanding>> {
  const rows = serviceIds.length === 0 ? [] : await db.select({ serviceId: tickets.serviceId, n: count() }).from(tickets)
    .where(and(eq(tickets.outletId, outletId), eq(tickets.serviceDate, serviceDate), inArray(tickets.serviceId, serviceIds), eq(tickets.status, 'waiting')))
    .groupBy(tickets.serviceId);
  const result = new Map<string, QueueStanding>();
  for (const serviceId of serviceIds) {
    const ahead = rows.find((r) => r.serviceId === serviceId)?.n ?? 0;
    const serving = await servingCounters(db, outletId, serviceId);
    result.set(serviceId, { peopleAhead: ahead, estimatedWaitMinutes: estimateWait(ahead, await serviceMinutes(db, outletId, serviceId, now), counterCount(serving)) });
  }
  return result;
}
