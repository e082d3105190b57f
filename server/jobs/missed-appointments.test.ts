/**
 * Appointments whose slot ended without a check-in become no-shows and give the holder's number
 * back, so "one person, one number" never locks a citizen out for good; a notice-affected booking
 * is cancelled instead and does not count against the ID.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { bookings, citizens, notices } from '../../db/schema.ts';
import { testApp } from '../../test/support/app.ts';
import { makeCitizens, newKey, slotsOf, type TestCitizen } from '../../test/support/booking.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { seedDemoData } from '../demo-data.ts';
import { createMissedAppointmentsJob } from './missed-appointments.ts';

const TRANSFER = { serviceId: 'mv-transfer', outletId: 'yt-dmv' };

describeOnDatabases('closing missed appointments', (ctx) => {
  let built: ReturnType<typeof testApp>;
  const fetcher = (path: string, init?: RequestInit) => built.app.request(path, init);
  const person = async () => (await makeCitizens(ctx.database.db, built.privacy, fetcher, 1, built.clock.now()))[0]!;
  const job = () => createMissedAppointmentsJob({ db: ctx.database.db, clock: built.clock, logger: built.logger });

  beforeAll(async () => {
    await seedDemoData(ctx.database.db);
    built = testApp(ctx.database, { now: '2026-11-23T09:00:00+08:00' });
  });

  async function bookFirstSlot(who: TestCitizen, date: string): Promise<{ id: string; startsAt: string }> {
    const slot = (await slotsOf(fetcher, TRANSFER.serviceId, TRANSFER.outletId, date))[0]!;
    const res = await who.request('/api/bookings', { json: { kind: 'personal', ...TRANSFER, slotId: slot.id, details: {}, idempotencyKey: newKey() } });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; startsAt: string };
  }

  async function state(citizenId: string, bookingId: string) {
    const [citizen] = await ctx.database.db.select().from(citizens).where(eq(citizens.id, citizenId));
    const [booking] = await ctx.database.db.select().from(bookings).where(eq(bookings.id, bookingId));
    return { counter: citizen!.activePersonalBookings, status: booking!.status };
  }

  it('leaves a booking alone until its slot ends, then makes it a no-show and gives the number back', async () => {
    built.clock.set('2026-11-23T09:00:00+08:00');
    const citizen = await person();
    const booking = await bookFirstSlot(citizen, '2026-11-24');
    expect(booking.startsAt).toBe('08:30');

    built.clock.set('2026-11-24T08:59:00+08:00'); // still inside the check-in window
    expect(await job().runOnce()).toEqual({ noShows: 0, cancelled: 0 });
    expect(await state(citizen.id, booking.id)).toEqual({ counter: 1, status: 'active' });

    built.clock.set('2026-11-24T09:00:00+08:00'); // the slot has ended
    expect(await job().runOnce()).toEqual({ noShows: 1, cancelled: 0 });
    expect(await state(citizen.id, booking.id)).toEqual({ counter: 0, status: 'no_show' });
    expect(await job().runOnce()).toEqual({ noShows: 0, cancelled: 0 });

    // The citizen can book again.
    await bookFirstSlot(citizen, '2026-11-25');
  });

  it('cancels, rather than counts, a booking whose day a notice changed', async () => {
    built.clock.set('2026-11-23T09:00:00+08:00');
    const citizen = await person();
    const booking = await bookFirstSlot(citizen, '2026-11-24');
    const [notice] = await ctx.database.db.insert(notices).values({
      outletId: 'yt-dmv', kind: 'closure', title: { zh: '停电', en: 'Power cut' }, body: { zh: '停电', en: 'Power cut' },
      effectiveFrom: '2026-11-24', effectiveTo: '2026-11-24',
    }).returning();
    await ctx.database.db.update(bookings).set({ affectedByNoticeId: notice!.id }).where(eq(bookings.id, booking.id));

    built.clock.set('2026-11-25T00:00:00+08:00');
    const result = await job().runOnce();
    expect(result.cancelled).toBeGreaterThanOrEqual(1);
    expect(await state(citizen.id, booking.id)).toEqual({ counter: 0, status: 'cancelled' });
  });

  it('closes each booking once when two processes run at the same moment', async () => {
    built.clock.set('2026-11-23T09:00:00+08:00');
    const people = await makeCitizens(ctx.database.db, built.privacy, fetcher, 6, built.clock.now());
    const booked = [];
    for (const who of people) booked.push({ who, booking: await bookFirstSlot(who, '2026-11-26') });

    built.clock.set('2026-11-27T08:00:00+08:00');
    // Earlier tests' later bookings fall due too: every active booking before the 27th.
    const due = (await ctx.database.db.select({ date: bookings.date }).from(bookings).where(eq(bookings.status, 'active')))
      .filter((row) => row.date < '2026-11-27').length;
    expect(due).toBeGreaterThanOrEqual(6);
    const [a, b] = await Promise.all([job().runOnce(), job().runOnce()]);
    expect(a.noShows + b.noShows).toBe(due);
    for (const { who, booking } of booked) expect(await state(who.id, booking.id)).toEqual({ counter: 0, status: 'no_show' });
  });
});
