/** The live state of each outlet, for the supervisor's wall: who waits, who is served, the longest wait, counters open. */
import { and, eq, inArray } from 'drizzle-orm';
import type { LiveReport } from '../../common/reports.ts';
import { serviceDate } from '../../common/time.ts';
import type { Database } from '../../db/client.ts';
import { counters, outlets, services, tickets } from '../../db/schema.ts';

const waited = (since: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));

export async function liveReport(db: Database, outletIds: readonly string[], now: Date): Promise<LiveReport> {
  if (outletIds.length === 0) return { at: now.toISOString(), outlets: [] };
  const scope = [...outletIds];
  const places = await db.select({ id: outlets.id, name: outlets.name }).from(outlets).where(inArray(outlets.id, scope)).orderBy(outlets.id);
  const live = await db.select({ outletId: tickets.outletId, serviceId: tickets.serviceId, status: tickets.status, queuedAt: tickets.queuedAt, service: services.name })
    .from(tickets).innerJoin(services, eq(services.id, tickets.serviceId))
    .where(and(inArray(tickets.outletId, scope), eq(tickets.serviceDate, serviceDate(now)), inArray(tickets.status, ['waiting', 'called', 'serving'])));
  const open = await db.select({ outletId: counters.outletId }).from(counters).where(and(inArray(counters.outletId, scope), eq(counters.status, 'open')));
  return {
    at: now.toISOString(),
    outlets: places.map((place) => {
      const here = live.filter((t) => t.outletId === place.id);
      const waiting = here.filter((t) => t.status === 'waiting');
      const serviceIds = [...new Set(here.map((t) => t.serviceId))].sort();
      return {
        outletId: place.id,
        outlet: place.name,
        countersOpen: open.filter((c) => c.outletId === place.id).length,
        serving: here.length - waiting.length,
        waiting: waiting.length,
        longestWaitMinutes: Math.max(0, ...waiting.map((t) => waited(t.queuedAt, now))),
        services: serviceIds.map((serviceId) => {
          const mine = here.filter((t) => t.serviceId === serviceId);
          const queue = mine.filter((t) => t.status === 'waiting');
          return {
            serviceId,
            service: mine[0]!.service,
            waiting: queue.length,
            serving: mine.length - queue.length,
            longestWaitMinutes: Math.max(0, ...queue.map((t) => waited(t.queuedAt, now))),
          };
        }),
      };
    }),
  };
}
