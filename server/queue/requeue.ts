/**
 * A missed ticket goes back into its queue *(setting `missedRequeueLimit`, once)*, behind the tickets
 * waiting at that moment: its place in the queue starts again now.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { QueueEvent } from '../../common/events.ts';
import type { Database } from '../../db/client.ts';
import { tickets, type Ticket } from '../../db/schema.ts';
import type { Settings } from '../domain/settings.ts';
import { AppError } from '../errors.ts';
import { recordTransition } from './events.ts';
import { ensureMayRequeue } from './transitions.ts';

export async function requeueMissed(
  db: Database, ticketId: string, actor: { staffId: string; outletIds: readonly string[] }, settings: Settings, now: Date,
): Promise<{ ticket: Ticket; events: QueueEvent[] }> {
  return db.transaction(async (tx) => {
    const [ticket] = await tx.select().from(tickets).where(and(eq(tickets.id, ticketId), inArray(tickets.outletId, [...actor.outletIds]))).for('update');
    if (!ticket) throw new AppError('ticket_not_found');
    ensureMayRequeue(ticket, settings.missedRequeueLimit);
    const [moved] = await tx.update(tickets)
      .set({ status: 'waiting', queuedAt: now, counterId: null, requeueCount: ticket.requeueCount + 1 })
      .where(and(eq(tickets.id, ticket.id), eq(tickets.status, 'missed'))).returning();
    const event = await recordTransition(tx, {
      ticket: moved!, type: 'requeued', fromStatus: 'missed', actor: { kind: 'staff', id: actor.staffId }, at: now,
      data: { requeueCount: moved!.requeueCount },
    });
    return { ticket: moved!, events: [event] };
  });
}
