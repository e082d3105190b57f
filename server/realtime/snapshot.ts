/**
 * What a display or phone sees on (re)connect, and after a burst of events: the outlet's live tickets
 * in calling order, each queue's length and wait, the latest calls, and the event sequence they
 * reflect (read in one transaction, so they all describe the same moment).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { OutletSnapshot, QueuedPublicTicket, RecentCall, ServiceQueueSummary } from '../../common/events.ts';
import { serviceDate } from '../../common/time.ts';
import type { Database } from '../../db/client.ts';
import { counters, counterServices, outlets, outletSequences, serviceGroups, services, ticketEvents, tickets } from '../../db/schema.ts';
import { readSettings } from '../domain/read-settings.ts';
import { orderQueue } from '../queue/order.ts';
import { estimateWait } from '../queue/position.ts';
import { serviceMinutes } from '../queue/service-times.ts';

const RECENT_CALLS = 10;
const CALLS = ['called', 'recalled'];

export async function outletSnapshot(db: Database, outletId: string, now: Date): Promise<OutletSnapshot> {
  const settings = await readSettings(db);
  const today = serviceDate(now);
  return db.transaction(async (tx) => {
    const [sequence] = await tx.select({ lastSeq: outletSequences.lastSeq }).from(outletSequences).where(eq(outletSequences.outletId, outletId));
    const [outlet] = await tx.select({ name: outlets.name }).from(outlets).where(eq(outlets.id, outletId));
    const live = await tx.select({ ticket: tickets, counterNumber: counters.number }).from(tickets)
      .leftJoin(counters, eq(counters.id, tickets.counterId))
      .where(and(eq(tickets.outletId, outletId), eq(tickets.serviceDate, today), inArray(tickets.status, ['waiting', 'called', 'serving'])));
    const calls = await tx.select({ ticketId: ticketEvents.ticketId, seq: ticketEvents.outletSeq, type: ticketEvents.type, at: ticketEvents.at, counterId: ticketEvents.counterId })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.outletId, outletId), inArray(ticketEvents.type, CALLS), inArray(ticketEvents.ticketId, tx.select({ id: tickets.id }).from(tickets)
        .where(and(eq(tickets.outletId, outletId), eq(tickets.serviceDate, today))))))
      .orderBy(desc(ticketEvents.outletSeq)).limit(200);
    const outletCounters = await tx.select({ id: counters.id, number: counters.number, status: counters.status, serviceId: counterServices.serviceId })
      .from(counters).innerJoin(counterServices, eq(counterServices.counterId, counters.id)).where(eq(counters.outletId, outletId));
    const offered = await tx.selectDistinct({ id: services.id, name: services.name, groupId: services.groupId, group: serviceGroups.name, prefix: serviceGroups.prefix, sortOrder: services.sortOrder })
      .from(services).innerJoin(serviceGroups, eq(serviceGroups.id, services.groupId))
      .where(inArray(services.id, outletCounters.map((c) => c.serviceId)))
      .orderBy(serviceGroups.prefix, services.sortOrder);

    const lastCall = new Map<string, number>();
    for (const call of calls) if (!lastCall.has(call.ticketId)) lastCall.set(call.ticketId, call.seq);

    const queued: QueuedPublicTicket[] = [];
    const summaries: ServiceQueueSummary[] = [];
    for (const service of offered) {
      const waiting = live.filter((r) => r.ticket.status === 'waiting' && r.ticket.serviceId === service.id).map((r) => r.ticket);
      orderQueue(waiting, settings, { priorityCallsInARow: 0 }, now).forEach((t, position) => {
        queued.push({ ...publicOf(t, null, null), position });
      });
      const serving = outletCounters.filter((c) => c.serviceId === service.id);
      const open = serving.filter((c) => c.status === 'open').length;
      const minutes = waiting.length > 0 ? await serviceMinutes(tx, outletId, service.id, now) : 0;
      summaries.push({
        serviceId: service.id, name: service.name, groupId: service.groupId, group: service.group, prefix: service.prefix,
        waiting: waiting.length, estimatedWaitMinutes: estimateWait(waiting.length, minutes, open > 0 ? open : serving.length),
      });
    }
    for (const row of live.filter((r) => r.ticket.status !== 'waiting')) {
      queued.push({ ...publicOf(row.ticket, row.counterNumber, lastCall.get(row.ticket.id) ?? null), position: null });
    }

    const numberOf = new Map(live.map((r) => [r.ticket.id, r.ticket]));
    const recent = calls.slice(0, RECENT_CALLS);
    const missingIds = recent.map((c) => c.ticketId).filter((id) => !numberOf.has(id));
    if (missingIds.length > 0) {
      for (const t of await tx.select().from(tickets).where(inArray(tickets.id, missingIds))) numberOf.set(t.id, t);
    }
    const counterNumber = new Map(outletCounters.map((c) => [c.id, c.number]));
    const recentCalls: RecentCall[] = recent.flatMap((call) => {
      const ticket = numberOf.get(call.ticketId);
      const number = call.counterId ? counterNumber.get(call.counterId) : undefined;
      if (!ticket || number === undefined) return [];
      return [{
        ticketId: ticket.id, number: ticket.number, counterNumber: number, serviceId: ticket.serviceId, green: ticket.class === 'green',
        type: call.type as RecentCall['type'], seq: call.seq, at: call.at.toISOString(),
      }];
    });

    return {
      outletId,
      outletName: outlet?.name ?? { zh: outletId, en: outletId },
      seq: sequence?.lastSeq ?? 0,
      serverTime: now.toISOString(),
      tickets: queued,
      services: summaries,
      recentCalls,
    };
  });
}

function publicOf(ticket: typeof tickets.$inferSelect, counterNumber: number | null, callSeq: number | null) {
  return {
    id: ticket.id, number: ticket.number, serviceId: ticket.serviceId, status: ticket.status,
    green: ticket.class === 'green', counterNumber, callSeq,
  };
}
