/**
 * "Your turn is near": when a call leaves a waiting ticket with `turnNearAhead` *(setting)* or fewer
 * people ahead, its holder (if registered: WeChat, else SMS) gets one message through the outbox,
 * right after the call commits. Once per ticket and journey step (the outbox's dedupe key); walk-ins
 * without an account follow their ticket on the phone page instead.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { citizens, outlets, services, tickets } from '../../db/schema.ts';
import type { Settings } from '../domain/settings.ts';
import { enqueue, recipientOf, type NewMessage } from '../notifications/messages.ts';
import { orderQueue } from './order.ts';

export async function notifyTurnNear(db: Database | Transaction, queue: { outletId: string; serviceDate: string; serviceId: string }, settings: Settings, now: Date): Promise<number> {
  if (settings.turnNearAhead <= 0) return 0;
  const waiting = await db.select().from(tickets).where(and(
    eq(tickets.outletId, queue.outletId), eq(tickets.serviceDate, queue.serviceDate), eq(tickets.serviceId, queue.serviceId), eq(tickets.status, 'waiting'),
  ));
  const near = orderQueue(waiting, settings, { priorityCallsInARow: 0 }, now)
    .slice(0, settings.turnNearAhead + 1)
    .map((ticket, ahead) => ({ ticket, ahead }))
    .filter(({ ticket }) => ticket.citizenId !== null);
  if (near.length === 0) return 0;
  const holders = await db.select({ id: citizens.id, openid: citizens.openid, phoneEnc: citizens.phoneEnc }).from(citizens)
    .where(inArray(citizens.id, near.map(({ ticket }) => ticket.citizenId!)));
  const [service] = await db.select({ name: services.name }).from(services).where(eq(services.id, queue.serviceId));
  const [outlet] = await db.select({ name: outlets.name }).from(outlets).where(eq(outlets.id, queue.outletId));
  const messages: NewMessage[] = near.flatMap(({ ticket, ahead }) => {
    const holder = holders.find((h) => h.id === ticket.citizenId);
    if (!holder || !service || !outlet) return [];
    return [{
      ...recipientOf(holder),
      template: 'turn_near' as const,
      payload: { ticketId: ticket.id, number: ticket.number, service: service.name, outlet: outlet.name, peopleAhead: ahead },
      dedupeKey: `turn_near:${ticket.id}:${ticket.stepPosition}`,
      availableAt: now,
    }];
  });
  return enqueue(db, messages);
}
