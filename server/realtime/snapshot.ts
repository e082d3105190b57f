/** What a display or phone sees on (re)connect: the outlet's live tickets and the sequence they reflect. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { counters, outletSequences, tickets } from '../../db/schema.ts';
import type { OutletSnapshot } from '../../common/events.ts';
import { serviceDate } from '../../common/time.ts';

export async function outletSnapshot(db: Database, outletId: string, now: Date): Promise<OutletSnapshot> {
  // One transaction, so the tickets and the sequence describe the same moment.
  return db.transaction(async (tx) => {
    const [sequence] = await tx.select({ lastSeq: outletSequences.lastSeq }).from(outletSequences).where(eq(outletSequences.outletId, outletId));
    const rows = await tx
      .select({
        id: tickets.id, number: tickets.number, serviceId: tickets.serviceId, status: tickets.status,
        class: tickets.class, counterNumber: counters.number,
      })
      .from(tickets)
      .leftJoin(counters, eq(counters.id, tickets.counterId))
      .where(and(
        eq(tickets.outletId, outletId),
        eq(tickets.serviceDate, serviceDate(now)),
        inArray(tickets.status, ['waiting', 'called', 'serving']),
      ))
      .orderBy(tickets.queuedAt);
    return {
      outletId,
      seq: sequence?.lastSeq ?? 0,
      serverTime: now.toISOString(),
      tickets: rows.map((row) => ({
        id: row.id, number: row.number, serviceId: row.serviceId, status: row.status,
        green: row.class === 'green', counterNumber: row.counterNumber,
      })),
    };
  });
}
