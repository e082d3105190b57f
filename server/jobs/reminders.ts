/**
 * Reminders: once a day (and when the server starts), every active booking on its outlet's next
 * working day gets one `booking_reminder` message. The dedupe key `booking_reminder:<bookingId>`
 * makes a run idempotent, so a restart, a second process or a second run the same day sends
 * nothing twice. Bookings a notice affected are left out: their holders were told about the change.
 *
 * Working days come from the booking core's calendar (server/booking/calendar.ts): the official
 * calendar with make-up days, the outlet's opening hours and the local overrides.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { addDays, serviceDate, shanghaiInstant } from '../../common/time.ts';
import type { Database } from '../../db/client.ts';
import { bookings, citizens, outlets, services, slots } from '../../db/schema.ts';
import { loadOverrides } from '../booking/availability.ts';
import { dayStatus, type CalendarOutlet, type CalendarOverride } from '../booking/calendar.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { enqueue, recipientOf, type NewMessage } from '../notifications/messages.ts';

/** Sent in the morning, so it is read during the working day before the visit. */
export const REMINDER_TIME = '08:00';
/** Far enough to pass the Spring Festival holiday. */
const LOOKAHEAD_DAYS = 30;

/** The outlet's first open day after `today`: `nextOpenDay(office, '2026-09-30', [])` is `'2026-10-08'`. */
export function nextOpenDay(outlet: CalendarOutlet, today: string, overrides: readonly CalendarOverride[]): string | undefined {
  for (let day = addDays(today, 1); day <= addDays(today, LOOKAHEAD_DAYS); day = addDays(day, 1)) {
    if (dayStatus(outlet, day, overrides).open) return day;
  }
  return undefined;
}

/** Milliseconds from `now` to the next `HH:MM` in Shanghai (tomorrow's, when today's has passed). */
export function msUntilNext(now: Date, time: string): number {
  const today = shanghaiInstant(serviceDate(now), time);
  const next = today > now ? today : shanghaiInstant(addDays(serviceDate(now), 1), time);
  return next.getTime() - now.getTime();
}

export interface ReminderJob {
  /** Enqueues the reminders due now; returns how many are new. */
  runOnce(): Promise<number>;
  /** Runs now, then every day at `REMINDER_TIME`. */
  start(): void;
  stop(): Promise<void>;
}

export function createReminderJob(deps: { db: Database; clock: Clock; logger: Logger }): ReminderJob {
  const { db, clock, logger } = deps;

  async function runOnce(): Promise<number> {
    const now = clock.now();
    const today = serviceDate(now);
    const open = await db.select({ id: outlets.id, openingHours: outlets.openingHours }).from(outlets).where(eq(outlets.active, true));
    let added = 0;
    for (const outlet of open) {
      const overrides = await loadOverrides(db, outlet.id, addDays(today, 1), addDays(today, LOOKAHEAD_DAYS));
      const day = nextOpenDay(outlet, today, overrides);
      if (!day) continue;
      const due = await db
        .select({
          id: bookings.id, appointmentNo: bookings.appointmentNo, date: bookings.date, startsAt: slots.startsAt, endsAt: slots.endsAt,
          openid: citizens.openid, phoneEnc: citizens.phoneEnc, service: services.name, outlet: outlets.name, address: outlets.address,
        })
        .from(bookings)
        .innerJoin(slots, eq(slots.id, bookings.slotId))
        .innerJoin(citizens, eq(citizens.id, bookings.citizenId))
        .innerJoin(services, eq(services.id, bookings.serviceId))
        .innerJoin(outlets, eq(outlets.id, bookings.outletId))
        .where(and(eq(bookings.outletId, outlet.id), eq(bookings.date, day), eq(bookings.status, 'active'), isNull(bookings.affectedByNoticeId)))
        .orderBy(asc(slots.startsAt));
      const messages: NewMessage[] = due.map((b) => ({
        ...recipientOf(b),
        template: 'booking_reminder',
        payload: {
          bookingId: b.id, appointmentNo: b.appointmentNo, service: b.service, outlet: b.outlet, address: b.address,
          date: b.date, startsAt: b.startsAt.slice(0, 5), endsAt: b.endsAt.slice(0, 5),
        },
        dedupeKey: `booking_reminder:${b.id}`,
        availableAt: now,
      }));
      added += await enqueue(db, messages);
    }
    if (added > 0) logger.info({ added }, 'booking reminders enqueued');
    return added;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const run = () => {
    running = runOnce()
      .catch((error: unknown) => logger.error({ err: error }, 'reminder job failed'))
      .finally(() => { running = undefined; });
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => { run(); schedule(); }, msUntilNext(clock.now(), REMINDER_TIME));
    timer.unref();
  };

  return {
    runOnce,
    start() {
      stopped = false;
      run();
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
