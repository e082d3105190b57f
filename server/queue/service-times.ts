/**
 * How long a service takes at the counter now: the mean of the last few services at this outlet
 * (from the call to the end: finished, next step or transferred), over the last three hours; the
 * catalogue's average until there are enough of them. The estimated wait follows the lobby's day
 * instead of a number typed in once.
 */
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client.ts';
import { services, ticketEvents } from '../../db/schema.ts';
import { preparedPer } from './prepared.ts';

/** Fewer recent services than this, and the catalogue's average is used. */
export const MIN_SAMPLES = 3;
const SAMPLES = 20;
const LOOKBACK_MS = 3 * 60 * 60 * 1000;
const ENDS = ['finished', 'step_finished', 'transferred'];

/** Durations (minutes) of the services in `events`, newest first: each end paired with its ticket's call before it. */
export function serviceDurations(events: readonly { ticketId: string; type: string; at: Date }[]): number[] {
  const byAge = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const called = new Map<string, Date>();
  const durations: number[] = [];
  for (const event of byAge) {
    if (event.type === 'called') called.set(event.ticketId, event.at);
    else if (ENDS.includes(event.type)) {
      const from = called.get(event.ticketId);
      if (from) durations.push((event.at.getTime() - from.getTime()) / 60_000);
      called.delete(event.ticketId);
    }
  }
  return durations.reverse();
}

const recentEvents = preparedPer((db) => db.select({ ticketId: ticketEvents.ticketId, type: ticketEvents.type, at: ticketEvents.at }).from(ticketEvents)
  .where(and(
    eq(ticketEvents.outletId, sql.placeholder('outletId')), eq(ticketEvents.serviceId, sql.placeholder('serviceId')),
    inArray(ticketEvents.type, ['called', ...ENDS]), gte(ticketEvents.at, sql.placeholder('since')),
  ))
  .orderBy(desc(ticketEvents.id)).limit(SAMPLES * 3)
  .prepare('service_times_recent_events'));

const catalogueMinutes = preparedPer((db) => db.select({ minutes: services.averageMinutes }).from(services)
  .where(eq(services.id, sql.placeholder('serviceId')))
  .prepare('service_times_catalogue'));

export async function serviceMinutes(db: Database | Transaction, outletId: string, serviceId: string, now: Date): Promise<number> {
  // The placeholder is not mapped by the column: the instant goes as the text the column would send.
  const events = await recentEvents(db).execute({ outletId, serviceId, since: new Date(now.getTime() - LOOKBACK_MS).toISOString() });
  const recent = serviceDurations(events).slice(0, SAMPLES);
  if (recent.length >= MIN_SAMPLES) return Math.max(1, Math.round(recent.reduce((a, b) => a + b, 0) / recent.length));
  const [row] = await catalogueMinutes(db).execute({ serviceId });
  return row?.minutes ?? 10;
}
