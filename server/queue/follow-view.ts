/** The ticket as the phone that scanned its QR code follows it (common/follow.ts). */
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { FollowView } from '../../common/follow.ts';
import type { Database } from '../../db/client.ts';
import { counters, outlets, outletSequences, ratings, services, serviceSteps, ticketEvents, tickets } from '../../db/schema.ts';
import type { Settings } from '../domain/settings.ts';
import { AppError } from '../errors.ts';
import { standingOf } from './position.ts';

export async function followView(db: Database, token: string, settings: Settings, now: Date): Promise<FollowView> {
  const [row] = await db.select({ ticket: tickets, service: services.name, outlet: outlets.name, counterNumber: counters.number })
    .from(tickets)
    .innerJoin(services, eq(services.id, tickets.journeyServiceId))
    .innerJoin(outlets, eq(outlets.id, tickets.outletId))
    .leftJoin(counters, eq(counters.id, tickets.counterId))
    .where(eq(tickets.followToken, token));
  if (!row) throw new AppError('ticket_not_found');
  const { ticket } = row;
  const [steps] = await db.select({ n: count() }).from(serviceSteps).where(eq(serviceSteps.serviceId, ticket.journeyServiceId));
  const [lastCall] = await db.select({ seq: ticketEvents.outletSeq }).from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticket.id), inArray(ticketEvents.type, ['called', 'recalled'])))
    .orderBy(desc(ticketEvents.id)).limit(1);
  const [rating] = await db.select({ grade: ratings.grade }).from(ratings).where(eq(ratings.ticketId, ticket.id));
  const [sequence] = await db.select({ seq: outletSequences.lastSeq }).from(outletSequences).where(eq(outletSequences.outletId, ticket.outletId));
  const standing = await standingOf(db, ticket, settings, now);
  const atCounter = ticket.status === 'called' || ticket.status === 'serving';
  return {
    ticketId: ticket.id,
    outletId: ticket.outletId,
    number: ticket.number,
    class: ticket.class,
    green: ticket.class === 'green',
    greenReason: ticket.greenReason,
    status: ticket.status,
    service: row.service,
    outlet: row.outlet,
    step: ticket.stepPosition,
    steps: Math.max(1, steps?.n ?? 0),
    peopleAhead: standing.peopleAhead,
    estimatedWaitMinutes: standing.estimatedWaitMinutes,
    counterNumber: atCounter ? row.counterNumber : null,
    callSeq: lastCall?.seq ?? null,
    issuedAt: ticket.createdAt.toISOString(),
    serviceDate: ticket.serviceDate,
    canRate: ticket.status === 'finished' && !rating,
    rated: Boolean(rating),
    seq: sequence?.seq ?? 0,
  };
}
