/**
 * Closes the appointments whose time has passed without a check-in. The check-in window ends with
 * the slot, so from then on an active booking is a no-show: it counts against the ID (see
 * server/booking/no-shows.ts) and gives the holder's number back, or the holder could never book
 * again. A booking whose day a notice closed or changed is cancelled instead: not the holder's fault.
 *
 * Each booking moves with a conditional update (`status = 'active'`), so several processes running
 * this at once still close it, and give the number back, exactly once.
 */
import { and, eq, lt, lte, or, sql } from 'drizzle-orm';
import { serviceDate, wallTime } from '../../common/time.ts';
import type { Database } from '../../db/client.ts';
import { bookings, slots } from '../../db/schema.ts';
import { releaseNumber } from '../booking/book.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';

export const MISSED_INTERVAL_MS = 60_000;
/** Bookings closed per transaction: keeps each one short on a busy day. */
const BATCH = 200;

export interface MissedAppointmentsJob {
  /** Closes what is due now; returns how many bookings became no-shows and how many were cancelled. */
  runOnce(): Promise<{ noShows: number; cancelled: number }>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export function createMissedAppointmentsJob(deps: { db: Database; clock: Clock; logger: Logger }): MissedAppointmentsJob {
  const { db, clock, logger } = deps;

  async function closeBatch(now: Date): Promise<{ noShows: number; cancelled: number; more: boolean }> {
    const today = serviceDate(now);
    const time = `${wallTime(now)}:00`;
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: bookings.id })
        .from(bookings)
        .innerJoin(slots, eq(slots.id, bookings.slotId))
        .where(and(eq(bookings.status, 'active'), or(lt(bookings.date, today), and(eq(bookings.date, today), lte(slots.endsAt, time)))))
        .limit(BATCH);
      let noShows = 0;
      let cancelled = 0;
      for (const { id } of due) {
        const [closed] = await tx
          .update(bookings)
          .set({
            status: sql`case when ${bookings.affectedByNoticeId} is null then 'no_show' else 'cancelled' end::booking_status`,
            cancelledAt: sql`case when ${bookings.affectedByNoticeId} is null then null else ${now.toISOString()}::timestamptz end`,
          })
          .where(and(eq(bookings.id, id), eq(bookings.status, 'active')))
          .returning({ status: bookings.status, citizenId: bookings.citizenId, agentId: bookings.agentId });
        if (!closed) continue; // another process closed it meanwhile
        await releaseNumber(tx, closed);
        if (closed.status === 'no_show') noShows++;
        else cancelled++;
      }
      return { noShows, cancelled, more: due.length === BATCH };
    });
  }

  async function runOnce() {
    const now = clock.now();
    const total = { noShows: 0, cancelled: 0 };
    for (let more = true; more; ) {
      const batch = await closeBatch(now);
      total.noShows += batch.noShows;
      total.cancelled += batch.cancelled;
      more = batch.more && batch.noShows + batch.cancelled > 0;
    }
    if (total.noShows + total.cancelled > 0) logger.info(total, 'missed appointments closed');
    return total;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const run = () => {
    if (running) return;
    running = runOnce()
      .catch((error: unknown) => logger.error({ err: error }, 'missed appointments job failed'))
      .finally(() => { running = undefined; });
  };
  return {
    runOnce,
    start(intervalMs = MISSED_INTERVAL_MS) {
      run();
      timer = setInterval(run, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
