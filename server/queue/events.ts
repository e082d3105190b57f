/**
 * Every ticket transition is a row in `ticket_events`, numbered by the outlet's live sequence
 * (`outlet_sequences`, bumped in the same transaction, so the numbers follow the commit order of
 * each outlet's transitions). The returned event is what the outlet's room is sent after the commit.
 */
import { sql } from 'drizzle-orm';
import type { CounterEvent, QueueEvent } from '../../common/events.ts';
import type { Transaction } from '../../db/client.ts';
import { outletSequences, ticketEvents, type Counter, type Ticket } from '../../db/schema.ts';

export type TicketStatus = Ticket['status'];

export interface TicketActor {
  kind: 'citizen' | 'staff' | 'device' | 'system';
  id: string | null;
}

export interface TicketTransition {
  /** The ticket as it is after the transition. */
  ticket: Ticket;
  /** `issued`, `green`, `called`, ... */
  type: string;
  fromStatus: TicketStatus | null;
  actor: TicketActor;
  at: Date;
  counterNumber?: number | null;
  /** The queue the event belongs to, when not the ticket's queue after it (a step finished, a transfer). */
  serviceId?: string;
  data?: Record<string, unknown>;
}

/** The outlet's next live sequence number; the row lock orders the outlet's transitions. */
export async function nextOutletSeq(tx: Transaction, outletId: string): Promise<number> {
  const [row] = await tx.insert(outletSequences).values({ outletId, lastSeq: 1 })
    .onConflictDoUpdate({ target: outletSequences.outletId, set: { lastSeq: sql`${outletSequences.lastSeq} + 1` } })
    .returning({ seq: outletSequences.lastSeq });
  return row!.seq;
}

export async function recordTransition(tx: Transaction, transition: TicketTransition): Promise<QueueEvent> {
  const { ticket } = transition;
  const seq = await nextOutletSeq(tx, ticket.outletId);
  await tx.insert(ticketEvents).values({
    ticketId: ticket.id, outletId: ticket.outletId, outletSeq: seq, type: transition.type,
    fromStatus: transition.fromStatus, toStatus: ticket.status, serviceId: transition.serviceId ?? ticket.serviceId, counterId: ticket.counterId,
    actorKind: transition.actor.kind, actorId: transition.actor.id, at: transition.at, data: transition.data ?? {},
  });
  return {
    outletId: ticket.outletId,
    seq,
    type: transition.type,
    at: transition.at.toISOString(),
    ticket: {
      id: ticket.id, number: ticket.number, serviceId: ticket.serviceId, status: ticket.status,
      green: ticket.class === 'green', counterNumber: transition.counterNumber ?? null,
      ...(transition.type === 'called' || transition.type === 'recalled' ? { callSeq: seq } : {}),
    },
  };
}

/** A counter's status changed: the outlet's sequence moves, so screens that track it refresh. */
export async function recordCounterChange(tx: Transaction, counter: Counter, staffName: string | null, at: Date): Promise<CounterEvent> {
  const seq = await nextOutletSeq(tx, counter.outletId);
  return { outletId: counter.outletId, seq, at: at.toISOString(), counter: { id: counter.id, number: counter.number, status: counter.status, staffName } };
}
