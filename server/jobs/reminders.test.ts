/**
 * Reminders: the outlet's next working day (holidays, make-up days, weekends), the daily schedule,
 * and a job that enqueues one reminder per active booking of that day however often it runs.
 */
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings, calendarOverrides, outbox } from '../../db/schema.ts';
import { testApp } from '../../test/support/app.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { insertBooking, insertCitizen } from '../../test/support/lobby-rows.ts';
import { fixedClock } from '../clock.ts';
import { seedDemoData } from '../demo-data.ts';
import { createLogger } from '../logger.ts';
import { createReminderJob, msUntilNext, nextOpenDay } from './reminders.ts';

const office = { id: 'yt-dmv', openingHours: { '1': [{ open: '08:30', close: '17:30' }], '2': [{ open: '08:30', close: '17:30' }], '3': [{ open: '08:30', close: '17:30' }], '4': [{ open: '08:30', close: '17:30' }], '5': [{ open: '08:30', close: '17:30' }] } };

describe('the day a reminder is for', () => {
  it('is tomorrow on a normal weekday, Monday from a Friday', () => {
    expect(nextOpenDay(office, '2026-11-23', [])).toBe('2026-11-24');
    expect(nextOpenDay(office, '2026-11-27', [])).toBe('2026-11-30');
  });

  it('skips the National Day holiday and opens on the make-up Saturday', () => {
    expect(nextOpenDay(office, '2026-09-30', [])).toBe('2026-10-08');
    expect(nextOpenDay(office, '2026-10-09', [])).toBe('2026-10-10');
  });

  it('skips a day the outlet closed', () => {
    const closed = [{ outletId: 'yt-dmv', date: '2026-11-24', kind: 'closed' as const, reason: { zh: '停电', en: 'Power cut' } }];
    expect(nextOpenDay(office, '2026-11-23', closed)).toBe('2026-11-25');
  });

  it('runs at 08:00 Beijing time: later today, or tomorrow once it has passed', () => {
    expect(msUntilNext(new Date('2026-11-23T07:00:00+08:00'), '08:00')).toBe(3600_000);
    expect(msUntilNext(new Date('2026-11-23T08:00:00+08:00'), '08:00')).toBe(86400_000);
    expect(msUntilNext(new Date('2026-11-23T23:30:00+08:00'), '08:00')).toBe(8.5 * 3600_000);
  });
});

describeOnDatabases('reminder job', (ctx) => {
  let built: ReturnType<typeof testApp>;
  beforeAll(async () => {
    await seedDemoData(ctx.database.db);
    built = testApp(ctx.database);
  });

  it('enqueues one reminder per active booking on the next working day, and nothing more when run again', async () => {
    const { db } = ctx.database;
    const now = built.clock.now(); // Monday 2026-11-23, 09:00
    const people = await Promise.all(Array.from({ length: 6 }, () => insertCitizen(db, built.privacy, now)));
    const due = [
      await insertBooking(db, { citizenId: people[0]!.id, date: '2026-11-24', startsAt: '09:00', endsAt: '09:30' }),
      await insertBooking(db, { citizenId: people[1]!.id, date: '2026-11-24', startsAt: '14:00', endsAt: '14:30' }),
      await insertBooking(db, { citizenId: people[2]!.id, date: '2026-11-24', startsAt: '09:00', endsAt: '09:30', outletId: 'yt-zhishu' }),
    ];
    await insertBooking(db, { citizenId: people[3]!.id, date: '2026-11-25', startsAt: '09:00', endsAt: '09:30' });
    await insertBooking(db, { citizenId: people[4]!.id, date: '2026-11-24', startsAt: '10:00', endsAt: '10:30', status: 'cancelled' });
    // Its holder was told about the notice that changed the day; a reminder would contradict it.
    const affected = await insertBooking(db, { citizenId: people[5]!.id, date: '2026-11-24', startsAt: '10:30', endsAt: '11:00' });
    await db.update(bookings).set({ affectedByNoticeId: '00000000-0000-4000-8000-0000000000aa' }).where(eq(bookings.id, affected.id));

    const job = createReminderJob({ db, clock: built.clock, logger: createLogger({ level: 'silent' }) });
    expect(await job.runOnce()).toBe(3);
    expect(await job.runOnce()).toBe(0);
    // Another process, the same day: still nothing new.
    expect(await createReminderJob({ db, clock: fixedClock(now), logger: createLogger({ level: 'silent' }) }).runOnce()).toBe(0);

    const rows = await db.select().from(outbox).where(like(outbox.dedupeKey, 'booking_reminder:%'));
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual(due.map((b) => `booking_reminder:${b.id}`).sort());
    const first = rows.find((r) => r.payload.bookingId === due[0]!.id)!;
    expect(first).toMatchObject({ channel: 'wechat', recipient: people[0]!.openid, template: 'booking_reminder', status: 'pending', availableAt: now });
    expect(first.payload).toMatchObject({ date: '2026-11-24', startsAt: '09:00', service: { zh: '机动车转移登记（过户）' } });
  });

  it('on a Friday reminds Monday\'s bookings, and skips an outlet closed that Monday', async () => {
    const { db } = ctx.database;
    const friday = fixedClock('2026-11-27T08:00:00+08:00');
    const people = await Promise.all(Array.from({ length: 2 }, () => insertCitizen(db, built.privacy, friday.now())));
    const monday = await insertBooking(db, { citizenId: people[0]!.id, date: '2026-11-30', startsAt: '09:00', endsAt: '09:30' });
    const closedPoint = await insertBooking(db, { citizenId: people[1]!.id, date: '2026-11-30', startsAt: '09:00', endsAt: '09:30', outletId: 'yt-gaoxin' });
    await db.insert(calendarOverrides).values({ outletId: 'yt-gaoxin', date: '2026-11-30', kind: 'closed', reason: { zh: '停电', en: 'Power cut' } });
    const job = createReminderJob({ db, clock: friday, logger: createLogger({ level: 'silent' }) });
    expect(await job.runOnce()).toBe(1);
    expect(await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.dedupeKey, `booking_reminder:${monday.id}`))).toHaveLength(1);
    expect(await db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.dedupeKey, `booking_reminder:${closedPoint.id}`)))).toHaveLength(0);
  });
});
