/**
 * Check-in under load on real PostgreSQL (PGlite runs one transaction at a time and proves nothing
 * here), over real HTTP: 20 kiosks of one outlet checking in 1,000 bookings at once, with some
 * people pressing twice. The database alone keeps the numbers distinct and gap-free per prefix.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IssuedTicket } from '../../common/kiosk.ts';
import { bookings, devices, ticketSequences, tickets } from '../../db/schema.ts';
import { startTestServer } from '../../test/support/app.ts';
import { insertBookingFor, insertHolder, type Holder, type TodayBooking } from '../../test/support/check-in.ts';
import { describeOnPostgres } from '../../test/support/databases.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { seedDemoData } from '../demo-data.ts';

const KIOSKS = 20;
const BOOKINGS = 1_000;
/** Every fifth person presses twice: both requests are in flight together. */
const TWICE_EVERY = 5;
const SERVICES = [
  { serviceId: 'mv-transfer', groupId: 'vehicle', prefix: 'A' },
  { serviceId: 'dl-renewal', groupId: 'licence', prefix: 'B' },
  { serviceId: 'violation', groupId: 'violation', prefix: 'C' },
];

describeOnPostgres('check-in under concurrency', (ctx) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const kioskTokens: string[] = [];
  const people: { holder: Holder; booking: TodayBooking }[] = [];

  beforeAll(async () => {
    const { db } = ctx.database;
    await seedDemoData(db);
    server = await startTestServer(ctx.database);
    for (let k = 0; k < KIOSKS; k++) {
      const token = newToken();
      await db.insert(devices).values({ kind: 'kiosk', outletId: 'yt-dmv', name: `load kiosk ${k + 1}`, status: 'active', tokenHash: hashToken(token), pairedAt: new Date() });
      kioskTokens.push(token);
    }
    for (let start = 0; start < BOOKINGS; start += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, BOOKINGS - start) }, async (_, i) => {
        const { serviceId, groupId } = SERVICES[(start + i) % SERVICES.length]!;
        const holder = await insertHolder(db, server.privacy);
        const booking = await insertBookingFor(db, holder, { date: '2026-11-23', startsAt: '09:00', endsAt: '10:00', serviceId, groupId });
        return { holder, booking };
      }));
      people.push(...batch);
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('gives 1,000 bookings checked in at once by 20 kiosks 1,000 distinct tickets, numbered without gaps per prefix; a second press gets the same ticket', async () => {
    const requests = people.flatMap((person, i) => {
      const once = { person, kiosk: kioskTokens[i % KIOSKS]! };
      return i % TWICE_EVERY === 0 ? [once, { person, kiosk: kioskTokens[(i + 7) % KIOSKS]! }] : [once];
    });
    const answers = await Promise.all(requests.map(async ({ person, kiosk }) => {
      const res = await fetch(`${server.url}/api/kiosk/check-in`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kiosk}`, 'content-type': 'application/json' },
        body: JSON.stringify({ idNumber: person.holder.idNumber, appointmentNo: person.booking.appointmentNo }),
      });
      const body = (await res.json()) as IssuedTicket & { code?: string };
      return { status: res.status, bookingId: person.booking.id, number: body.ticket?.number ?? body.code };
    }));

    const statuses = answers.reduce<Record<number, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});
    const twice = Math.ceil(BOOKINGS / TWICE_EVERY);
    expect(statuses).toEqual({ 201: BOOKINGS, 200: twice });

    // Both presses of one person show one number.
    const byBooking = new Map<string, Set<string>>();
    for (const a of answers) byBooking.set(a.bookingId, (byBooking.get(a.bookingId) ?? new Set()).add(a.number!));
    expect([...byBooking.values()].every((numbers) => numbers.size === 1)).toBe(true);

    const issued = await ctx.database.db.select({ prefix: tickets.prefix, seq: tickets.seq, number: tickets.number }).from(tickets)
      .where(eq(tickets.outletId, 'yt-dmv'));
    expect(issued).toHaveLength(BOOKINGS);
    expect(new Set(issued.map((t) => t.number)).size).toBe(BOOKINGS);
    for (const { prefix } of SERVICES) {
      const seqs = issued.filter((t) => t.prefix === prefix).map((t) => t.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      const [sequence] = await ctx.database.db.select().from(ticketSequences).where(eq(ticketSequences.prefix, prefix));
      expect(sequence!.lastSeq).toBe(seqs.length);
    }
    const checkedIn = await ctx.database.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.status, 'checked_in'));
    expect(checkedIn).toHaveLength(BOOKINGS);
  }, 180_000);
});
