/**
 * Where a waiting ticket stands: how many people are ahead of it in its queue (by the queue order
 * rule, server/queue/order.ts) and a wait estimate from recent service times (service-times.ts) and
 * the counters that serve it.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { counters, counterServices, tickets, type Ticket } from '../../db/schema.ts';
import type { Settings } from '../domain/settings.ts';
import { orderQueue, type QueuedTicket } from './order.ts';
import { preparedPer } from './prepared.ts';
import { serviceMinutes } from './service-times.ts';

type Db = Database | Transaction;

export interface QueueStanding {
  peopleAhead: number;
  estimatedWaitMinutes: number;
}

export interface ServingCounter {
  number: number;
  open: boolean;
}

/**
 * Minutes until `ahead` people are served: each takes the service's minutes, shared among the
 * counters serving it. `estimateWait(4, 10, 2) === 20`. With no counter open, the counters that
 * will open are counted (the estimate is for the day, not for an empty lobby at 07:50).
 */
export function estimateWait(ahead: number, averageMinutes: number, counterCount: number): number {
  return Math.round((ahead * averageMinutes) / Math.max(1, counterCount));
}

const servingCountersQuery = preparedPer((db) => db.select({ number: counters.number, status: counters.status }).from(counterServices)
  .innerJoin(counters, eq(counters.id, counterServices.counterId))
  .where(and(eq(counters.outletId, sql.placeholder('outletId')), eq(counterServices.serviceId, sql.placeholder('serviceId'))))
  .orderBy(counters.number)
  .prepare('serving_counters'));

/** Counters of the outlet that serve the service, by number, and whether each is open now. */
export async function servingCounters(db: Db, outletId: string, serviceId: string): Promise<ServingCounter[]> {
  const rows = await servingCountersQuery(db).execute({ outletId, serviceId });
  return rows.map((r) => ({ number: r.number, open: r.status === 'open' }));
}

/** The counters the work is shared among: open ones if any are open, else all of them. */
function counterCount(serving: readonly { open: boolean }[]): number {
  const open = serving.filter((c) => c.open).length;
  return open > 0 ? open : serving.length;
}

const waitingInQuery = preparedPer((db) => db.select({ id: tickets.id, number: tickets.number, class: tickets.class, queuedAt: tickets.queuedAt })
  .from(tickets)
  .where(and(
    eq(tickets.outletId, sql.placeholder('outletId')), eq(tickets.serviceDate, sql.placeholder('serviceDate')),
    eq(tickets.serviceId, sql.placeholder('serviceId')), eq(tickets.status, 'waiting'),
  ))
  .prepare('waiting_in_queue'));

const NO_HISTORY = { priorityCallsInARow: 0 };

/** How many of `waiting` (the queue, the ticket among them) are called before the ticket: the order rule with no call history. */
export function peopleAheadOf(waiting: readonly QueuedTicket[], ticketId: string, settings: Settings, now: Date): number {
  return Math.max(0, orderQueue(waiting, settings, NO_HISTORY, now).findIndex((t) => t.id === ticketId));
}

/**
 * The wait for a ticket with `ahead` people before it in the queue `serviceId`. Nobody ahead is no
 * wait, whatever the counters; `serving` is passed when the caller has read the counters already.
 */
export async function waitMinutes(db: Db, outletId: string, serviceId: string, ahead: number, now: Date, serving?: readonly ServingCounter[]): Promise<number> {
  if (ahead === 0) return 0;
  const minutes = await serviceMinutes(db, outletId, serviceId, now);
  return estimateWait(ahead, minutes, counterCount(serving ?? await servingCounters(db, outletId, serviceId)));
}

/**
 * A ticket's standing in its queue now; a ticket no longer waiting has nobody ahead. `serving`: the
 * queue's counters, when the caller has read them already.
 */
export async function standingOf(
  db: Db, ticket: { id: string; outletId: string; serviceDate: string; serviceId: string; status: string },
  settings: Settings, now: Date, serving?: readonly ServingCounter[],
): Promise<QueueStanding> {
  if (ticket.status !== 'waiting') return { peopleAhead: 0, estimatedWaitMinutes: 0 };
  const waiting = await waitingInQuery(db).execute({ outletId: ticket.outletId, serviceDate: ticket.serviceDate, serviceId: ticket.serviceId });
  const ahead = peopleAheadOf(waiting, ticket.id, settings, now);
  return { peopleAhead: ahead, estimatedWaitMinutes: await waitMinutes(db, ticket.outletId, ticket.serviceId, ahead, now, serving) };
}

/** The queue a ticket is about to join: who waits in it, and the ticket this ID already holds there (waiting or at a counter), if any. */
export interface QueueBeforeIssue {
  waiting: QueuedTicket[];
  held: Pick<Ticket, 'id' | 'number'> | undefined;
}

/**
 * One read for issuing into a queue: its waiting tickets (to count who is ahead of the new one) and
 * the ID's ticket already in it (one waiting ticket per ID and queue). A long queue is many rows, so
 * each is the least the order rule needs, and whose it is comes as a flag.
 */
export async function queueBeforeIssue(tx: Db, outletId: string, serviceDate: string, serviceId: string, idHash: string): Promise<QueueBeforeIssue> {
  const rows = await tx.select({
    id: tickets.id, number: tickets.number, class: tickets.class, queuedAt: tickets.queuedAt,
    mine: sql<boolean>`${tickets.idNumberHash} is not distinct from ${idHash}`,
  })
    .from(tickets)
    .where(and(
      eq(tickets.outletId, outletId), eq(tickets.serviceDate, serviceDate), eq(tickets.serviceId, serviceId),
      sql`(${eq(tickets.status, 'waiting')} or (${eq(tickets.idNumberHash, idHash)} and ${inArray(tickets.status, ['called', 'serving'])}))`,
    ))
    .prepare('queue_before_issue').execute();
  // Held, the ID gets no new ticket and the rest does not matter; else every row is a waiting ticket.
  return { waiting: rows, held: rows.find((r) => r.mine) };
}

/** For each service, how many wait now and what a newly issued walk-in ticket would wait. */
export async function queueLengths(db: Db, outletId: string, serviceDate: string, serviceIds: string[], now: Date): Promise<Map<string, QueueStanding>> {
  const rows = serviceIds.length === 0 ? [] : await db.select({ serviceId: tickets.serviceId, n: count() }).from(tickets)
    .where(and(eq(tickets.outletId, outletId), eq(tickets.serviceDate, serviceDate), inArray(tickets.serviceId, serviceIds), eq(tickets.status, 'waiting')))
    .groupBy(tickets.serviceId);
  const result = new Map<string, QueueStanding>();
  for (const serviceId of serviceIds) {
    const ahead = rows.find((r) => r.serviceId === serviceId)?.n ?? 0;
    result.set(serviceId, { peopleAhead: ahead, estimatedWaitMinutes: await waitMinutes(db, outletId, serviceId, ahead, now) });
  }
  return result;
}
