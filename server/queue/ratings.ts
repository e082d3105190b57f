/**
 * 好差评: one rating per finished ticket, five grades, a reason for the two lowest (the table checks
 * both too). From the phone that followed the ticket, or the counter's rating screen.
 */
import { eq } from 'drizzle-orm';
import type { RatingRequest } from '../../common/counters.ts';
import type { Database } from '../../db/client.ts';
import { ratings, tickets } from '../../db/schema.ts';
import { AppError } from '../errors.ts';

export type RatingSource = 'phone' | 'counter';

export async function rateTicket(db: Database, where: { ticketId: string } | { followToken: string }, request: RatingRequest, source: RatingSource, now: Date, outletIds?: readonly string[]) {
  const [ticket] = await db.select({ id: tickets.id, status: tickets.status, outletId: tickets.outletId }).from(tickets)
    .where('ticketId' in where ? eq(tickets.id, where.ticketId) : eq(tickets.followToken, where.followToken));
  if (!ticket || (outletIds && !outletIds.includes(ticket.outletId))) throw new AppError('ticket_not_found');
  if (ticket.status !== 'finished') throw new AppError('ticket_not_finished');
  const [rated] = await db.insert(ratings)
    .values({ ticketId: ticket.id, grade: request.grade, reason: request.reason || null, source, createdAt: now })
    .onConflictDoNothing().returning();
  if (!rated) throw new AppError('rating_exists');
  return rated;
}
