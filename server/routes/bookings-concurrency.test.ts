/**
 * Booking under load on real PostgreSQL (PGlite runs one transaction at a time and proves nothing
 * here), over real HTTP with many requests in flight at once: the database alone keeps capacity,
 * one person one number, and idempotent submits.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookings, citizens, slots } from '../../db/schema.ts';
import { makeCitizens, newKey, slotRow, slotsOf } from '../../test/support/booking.ts';
import { startTestServer, type RunningServer } from '../../test/support/app.ts';
import { describeOnPostgres } from '../../test/support/databases.ts';
import { seedDemoData } from '../demo-data.ts';

describeOnPostgres('booking under concurrency', (ctx) => {
  let server: RunningServer & Awaited<ReturnType<typeof startTestServer>>;
  const fetcher = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
  const body = (slotId: string, idempotencyKey = newKey()) => ({
    kind: 'personal', serviceId: 'mv-transfer', outletId: 'yt-dmv', slotId, details: {}, idempotencyKey,
  });
  const codeOf = async (res: Response) => `${res.status} ${((await res.json()) as { code?: string }).code ?? 'booked'}`;
  const tally = (codes: string[]) => codes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});

  beforeAll(async () => {
    await seedDemoData(ctx.database.db);
    server = await startTestServer(ctx.database, { now: '2026-11-23T09:00:00+08:00' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('gives a slot with 5 seats left to exactly 5 of 500 citizens booking at once; the other 495 get slot_full', async () => {
    const slot = (await slotsOf(fetcher, 'mv-transfer', 'yt-dmv', '2026-11-24'))[0]!;
    await ctx.database.db.update(slots).set({ booked: slot.capacity - 5 }).where(eq(slots.id, slot.id));
    const people = await makeCitizens(ctx.database.db, server.privacy, fetcher, 500, server.clock.now());

    const codes = await Promise.all(people.map(async (p) => codeOf(await p.request('/api/bookings', { json: body(slot.id) }))));

    expect(tally(codes)).toEqual({ '201 booked': 5, '409 slot_full': 495 });
    const row = await slotRow(ctx.database.db, slot.id);
    expect(row.booked).toBe(row.capacity);
    const [made] = await ctx.database.db.select({ n: count() }).from(bookings).where(eq(bookings.slotId, slot.id));
    expect(made!.n).toBe(5);
    // Refused submits gave their number back with their transaction.
    const [holders] = await ctx.database.db.select({ n: count() }).from(citizens)
      .where(and(inArray(citizens.id, people.map((p) => p.id)), eq(citizens.activePersonalBookings, 1)));
    expect(holders!.n).toBe(5);
  }, 120_000);

  it('gives one citizen submitting 50 times at once for 50 different slots exactly one active booking', async () => {
    const days = ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30'];
    const open = (await Promise.all(days.map((d) => slotsOf(fetcher, 'mv-transfer', 'yt-dmv', d)))).flat().slice(0, 50);
    expect(open).toHaveLength(50);
    const [citizen] = await makeCitizens(ctx.database.db, server.privacy, fetcher, 1, server.clock.now());

    const codes = await Promise.all(open.map(async (s) => codeOf(await citizen!.request('/api/bookings', { json: body(s.id) }))));

    expect(tally(codes)).toEqual({ '201 booked': 1, '409 one_active_booking': 49 });
    const active = await ctx.database.db.select().from(bookings).where(and(eq(bookings.citizenId, citizen!.id), eq(bookings.status, 'active')));
    expect(active).toHaveLength(1);
    const taken = await ctx.database.db.select({ booked: slots.booked }).from(slots).where(inArray(slots.id, open.map((s) => s.id)));
    expect(taken.reduce((sum, s) => sum + s.booked, 0)).toBe(1);
  });

  it('makes one booking of 30 identical submits in flight at once: one 201, the rest 200 with the same booking', async () => {
    const slot = (await slotsOf(fetcher, 'mv-transfer', 'yt-dmv', '2026-12-01'))[3]!;
    const [citizen] = await makeCitizens(ctx.database.db, server.privacy, fetcher, 1, server.clock.now());
    const key = newKey();

    const responses = await Promise.all(Array.from({ length: 30 }, () => citizen!.request('/api/bookings', { json: body(slot.id, key) })));
    const answers = await Promise.all(responses.map(async (r) => ({ status: r.status, id: ((await r.json()) as { id: string }).id })));

    expect(tally(answers.map((a) => String(a.status)))).toEqual({ 201: 1, 200: 29 });
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    const made = await ctx.database.db.select().from(bookings).where(eq(bookings.citizenId, citizen!.id));
    expect(made).toHaveLength(1);
    expect((await slotRow(ctx.database.db, slot.id)).booked).toBe(1);
  });
});
