/**
 * kill -9 of a server process in the middle of a booking rush, on real PostgreSQL, then a restart on
 * the same port: every booking that was answered 2xx exists, no slot holds more than its capacity,
 * every counter of seats and numbers agrees with the bookings, and the queue comes back as it was —
 * to a display that reconnects on its own.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClientToServerEvents, OutletSnapshot, ServerToClientEvents } from '../../common/events.ts';
import { serviceDate } from '../../common/time.ts';
import { bookings, citizens, counters, slots, tickets } from '../../db/schema.ts';
import { seedDemoData, type SeedResult } from '../../server/demo-data.ts';
import { createPersonalDataCipher } from '../../server/privacy/personal-data.ts';
import { formatTicketNumber } from '../../server/queue/ticket-number.ts';
import { makeCitizens, newKey } from '../support/booking.ts';
import { describeOnPostgres } from '../support/databases.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { fetcherFor, signIn } from '../support/sign-in.ts';

const PEOPLE = 300;

describeOnPostgres('a server killed during a booking rush', (ctx) => {
  const dataKey = randomBytes(32);
  const privacy = createPersonalDataCipher(dataKey);
  let seeded: SeedResult;
  let server: ServerProcess;
  const env = { LOBBY_DATA_KEY: dataKey.toString('hex') };

  beforeAll(async () => {
    seeded = (await seedDemoData(ctx.database.db))!;
    server = await startServerProcess({ databaseUrl: ctx.url!, env });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  /** Tickets waiting at the office today (by the real clock, as the server process sees it), one of them called. */
  async function queueToday(): Promise<void> {
    const today = serviceDate(new Date());
    await ctx.database.db.insert(tickets).values(Array.from({ length: 6 }, (_, i) => ({
      outletId: 'yt-dmv', serviceDate: today, prefix: 'C', seq: i + 1, number: formatTicketNumber('C', i + 1), idNumberHash: `fault-${i}`,
      journeyServiceId: 'violation', serviceId: 'violation', class: i === 3 ? ('green' as const) : ('walk_in' as const),
      greenReason: i === 3 ? ('age' as const) : null, queuedAt: new Date(Date.now() - (10 - i) * 60_000), followToken: randomBytes(18).toString('base64url'),
    })));
    const { headers } = await signIn(fetcherFor(server.url), 'clerk');
    const [counter] = await ctx.database.db.select().from(counters).where(and(eq(counters.outletId, 'yt-dmv'), eq(counters.number, 7)));
    for (const action of ['open', 'call-next']) {
      const res = await fetch(`${server.url}/api/counters/${counter!.id}/${action}`, { method: 'POST', headers, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
      expect(res.status).toBe(200);
    }
  }

  it('keeps every answered booking, never more than capacity, and brings the queue back to a display that reconnects', async () => {
    const { db } = ctx.database;
    await queueToday();
    const display = connect(server.url, {
      transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 500,
      auth: { token: seeded.devices.find((d) => d.kind === 'display')!.token },
    }) as Socket<ServerToClientEvents, ClientToServerEvents>;
    const snapshots: OutletSnapshot[] = [];
    // As the display page does: join on every (re)connect and take the snapshot.
    display.on('connect', () => {
      void display.emitWithAck('outlet:join', { outletId: 'yt-dmv' }).then((ack) => {
        if ('data' in ack) snapshots.push(ack.data);
      });
    });
    await expect.poll(() => snapshots.length, { timeout: 10_000 }).toBe(1);
    const before = snapshots[0]!;

    const fetcher = (p: string, init?: RequestInit) => fetch(`${server.url}${p}`, init);
    const dates = (await (await fetcher('/api/availability/dates?serviceId=mv-transfer&outletId=yt-dmv')).json()) as { dates: { date: string }[] };
    const date = dates.dates[0]!.date;
    const open = (await (await fetcher(`/api/availability/slots?serviceId=mv-transfer&outletId=yt-dmv&date=${date}`)).json()) as { slots: { id: string }[] };
    const targets = open.slots.slice(0, 3).map((s) => s.id);
    await db.update(slots).set({ capacity: 40 }).where(inArray(slots.id, targets));
    const people = await makeCitizens(db, privacy, fetcher, PEOPLE, new Date());

    const answered: string[] = [];
    const rush = Promise.allSettled(people.map(async (person, i) => {
      const res = await person.request('/api/bookings', {
        json: { kind: 'personal', serviceId: 'mv-transfer', outletId: 'yt-dmv', slotId: targets[i % 3], details: {}, idempotencyKey: newKey() },
      });
      const body = (await res.json()) as { id?: string };
      if (res.ok && body.id) answered.push(body.id);
      return res.status;
    }));
    // Kill it once the rush is under way: some answered, others in flight.
    await expect.poll(() => answered.length, { timeout: 30_000, interval: 5 }).toBeGreaterThan(10);
    const port = new URL(server.url).port;
    await server.kill();
    const outcomes = await rush;
    const failed = outcomes.filter((o) => o.status === 'rejected').length;
    // The kill landed mid-rush: some were answered, some lost their connection.
    expect(failed).toBeGreaterThan(0);
    expect(answered.length).toBeGreaterThan(10);

    server = await startServerProcess({ databaseUrl: ctx.url!, env, port: Number(port) });

    // Every booking someone was told about exists.
    const kept = await db.select({ id: bookings.id }).from(bookings).where(and(inArray(bookings.id, answered), eq(bookings.status, 'active')));
    expect(kept).toHaveLength(answered.length);
    // No slot holds more than its capacity, and each slot's count of seats is its bookings.
    for (const slotId of targets) {
      const [slot] = await db.select().from(slots).where(eq(slots.id, slotId));
      const [held] = await db.select({ n: count() }).from(bookings).where(and(eq(bookings.slotId, slotId), ne(bookings.status, 'cancelled')));
      expect(slot!.booked).toBeLessThanOrEqual(slot!.capacity);
      expect(slot!.booked).toBe(held!.n);
    }
    // Each person's count of active numbers is their active bookings: one person, one number.
    const counted = await db.select({ id: citizens.id, active: citizens.activePersonalBookings }).from(citizens).where(inArray(citizens.id, people.map((p) => p.id)));
    const actual = await db.select({ id: bookings.citizenId, n: count() }).from(bookings)
      .where(and(inArray(bookings.citizenId, people.map((p) => p.id)), eq(bookings.status, 'active'))).groupBy(bookings.citizenId);
    for (const person of counted) expect(person.active).toBe(actual.find((a) => a.id === person.id)?.n ?? 0);
    expect(actual.every((a) => a.n === 1)).toBe(true);

    // The display found the new process by itself, and sees the queue as it was.
    await expect.poll(() => snapshots.length, { timeout: 20_000 }).toBeGreaterThan(1);
    const after = snapshots.at(-1)!;
    expect(after.seq).toBe(before.seq);
    expect(after.tickets).toEqual(before.tickets);
    display.disconnect();
  }, 120_000);
});
