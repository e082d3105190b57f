/**
 * Issuing a ticket, inside the caller's transaction: the day's next number for the service group's
 * prefix, the ticket in the first step of its journey, and the `issued` event.
 *
 * The sequence is one row per outlet, day and prefix, moved by `insert … on conflict do update …
 * returning`: the row lock serializes concurrent issues, and a transaction that rolls back takes its
 * number back with it, so numbers are neither duplicated nor skipped.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { QueueEvent } from '../../common/events.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { serviceGroups, services, serviceSteps, ticketSequences, tickets, type Ticket } from '../../db/schema.ts';
import { recordTransition, type TicketActor } from './events.ts';
import { formatTicketNumber } from './ticket-number.ts';

export interface TicketRequest {
  outletId: string;
  serviceDate: string;
  /** The service applied for; its first step (if it has steps) is the queue the ticket joins. */
  journeyServiceId: string;
  class: Ticket['class'];
  greenReason: Ticket['greenReason'];
  bookingId: string | null;
  citizenId: string | null;
  idNumberHash: string;
  /** The journey's queue, when the caller has read it already (`journeyQueue`, or `firstStepSql` in its own select). */
  queue?: JourneyQueue;
}

/** Where a journey's ticket goes: the prefix it is numbered under (its group's) and the queue it joins. */
export interface JourneyQueue {
  prefix: string;
  /** The journey's first step, or the service itself. */
  serviceId: string;
}

async function nextSeq(tx: Transaction, outletId: string, serviceDate: string, prefix: string): Promise<number> {
  const [row] = await tx.insert(ticketSequences).values({ outletId, serviceDate, prefix, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [ticketSequences.outletId, ticketSequences.serviceDate, ticketSequences.prefix],
      set: { lastSeq: sql`${ticketSequences.lastSeq} + 1` },
    })
    .returning({ seq: ticketSequences.lastSeq })
    .prepare('next_ticket_seq').execute();
  return row!.seq;
}

/**
 * The queue a new ticket for `serviceId` (a column or a value) joins, as an expression: the journey's
 * first step, or the service itself. For a select that reads the service anyway.
 */
export function firstStepSql(serviceId: AnyPgColumn | string): SQL<string> {
  return sql<string>`coalesce((select ${serviceSteps.stepServiceId} from ${serviceSteps} where ${serviceSteps.serviceId} = ${serviceId} order by ${serviceSteps.position} limit 1), ${serviceId})`;
}

/** The queue a new ticket joins: the journey's first step, or the service itself (the rule of `firstStepSql`). */
export async function firstStepOf(tx: Database | Transaction, serviceId: string): Promise<string> {
  const [step] = await tx.select({ id: firstStepSql(services.id) }).from(services).where(eq(services.id, serviceId));
  return step?.id ?? serviceId;
}

/** The prefix and the queue of a journey, in one read. */
export async function journeyQueue(tx: Database | Transaction, journeyServiceId: string): Promise<JourneyQueue> {
  const [queue] = await tx.select({ prefix: serviceGroups.prefix, serviceId: firstStepSql(services.id) }).from(services)
    .innerJoin(serviceGroups, eq(serviceGroups.id, services.groupId)).where(eq(services.id, journeyServiceId))
    .prepare('journey_queue').execute();
  if (!queue) throw new Error(`service ${journeyServiceId} has no group`);
  return queue;
}

export async function issueTicket(tx: Transaction, request: TicketRequest, actor: TicketActor, now: Date): Promise<{ ticket: Ticket; event: QueueEvent }> {
  const queue = request.queue ?? await journeyQueue(tx, request.journeyServiceId);
  const seq = await nextSeq(tx, request.outletId, request.serviceDate, queue.prefix);
  const [ticket] = await tx.insert(tickets).values({
    outletId: request.outletId, serviceDate: request.serviceDate, prefix: queue.prefix, seq,
    number: formatTicketNumber(queue.prefix, seq),
    bookingId: request.bookingId, citizenId: request.citizenId, idNumberHash: request.idNumberHash,
    journeyServiceId: request.journeyServiceId, serviceId: queue.serviceId, stepPosition: 1,
    class: request.class, greenReason: request.greenReason, status: 'waiting', queuedAt: now,
    followToken: randomBytes(18).toString('base64url'), createdAt: now,
  }).returning().prepare('insert_ticket').execute();
  const event = await recordTransition(tx, {
    ticket: ticket!, type: 'issued', fromStatus: null, actor, at: now,
    // What reports count a ticket by: the service applied for and how it came (appointment, walk-in, ...).
    data: { class: request.class, journeyServiceId: request.journeyServiceId, ...(request.bookingId ? { bookingId: request.bookingId } : {}) },
  });
  return { ticket: ticket!, event };
}
