/**
 * Reports over a morning made through the real API (kiosk, counter, ratings) with the clock moved by
 * hand, every figure checked against the values worked out below; the CSV as Excel reads it; the live
 * view; the scalper report; who may read what.
 *
 *   09:00  walk-in W1 (violation); appointment A checked in (mv-transfer)
 *   09:02  walk-in W2 (violation)
 *   09:04  elder E (born 1940) walks in: green by age
 *   09:10  counter 7 calls E (waited 6)      09:20 finishes E (service 10)
 *   09:20  calls W1 (waited 20)              09:25 marks W1 missed
 *   09:30  calls W2 (waited 28)              09:36 finishes W2 (service 6)
 *   ratings: W2 4, E 2 ("太慢")
 *   bookings of the day for mv-transfer: A checked in, one cancelled, one no-show
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IssuedTicket } from '../../common/kiosk.ts';
import type { HistoryReport, LiveReport, ScalperReport } from '../../common/reports.ts';
import { citizens, counters } from '../../db/schema.ts';
import { startTestServer } from '../../test/support/app.ts';
import { idNumberBornOn, insertBookingFor, insertHolder } from '../../test/support/check-in.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { fetcherFor, signIn, type StaffSession } from '../../test/support/sign-in.ts';
import { seedDemoData, type SeedResult } from '../demo-data.ts';

describeOnDatabases('reports', (ctx) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let seeded: SeedResult;
  let admin: StaffSession;
  let clerk: StaffSession;
  let counter7: string;
  const kiosk = () => ({ authorization: `Bearer ${seeded.devices.find((d) => d.kind === 'kiosk')!.token}`, 'content-type': 'application/json' });
  const at = (hhmm: string) => server.clock.set(`2026-11-23T${hhmm}:00+08:00`);

  async function act(action: string, body: Record<string, unknown> = {}) {
    const res = await fetch(`${server.url}/api/counters/${counter7}/${action}`, { method: 'POST', headers: clerk.headers, body: JSON.stringify({ idempotencyKey: randomUUID(), ...body }) });
    expect(res.status).toBe(200);
  }
  async function walkIn(birthDate: string) {
    const res = await fetch(`${server.url}/api/kiosk/walk-ins`, { method: 'POST', headers: kiosk(), body: JSON.stringify({ idNumber: idNumberBornOn(birthDate), serviceId: 'violation' }) });
    return ((await res.json()) as IssuedTicket).ticket;
  }
  async function rate(ticketId: string, grade: number, reason?: string) {
    const res = await fetch(`${server.url}/api/tickets/${ticketId}/rating`, { method: 'POST', headers: clerk.headers, body: JSON.stringify({ grade, reason }) });
    expect(res.status).toBe(201);
  }

  beforeAll(async () => {
    const { db } = ctx.database;
    seeded = (await seedDemoData(db))!;
    server = await startTestServer(ctx.database);
    admin = await signIn(fetcherFor(server.url), 'admin', '10.2.0.1');
    clerk = await signIn(fetcherFor(server.url), 'clerk', '10.2.0.2');
    const [row] = await db.select().from(counters).where(and(eq(counters.outletId, 'yt-dmv'), eq(counters.number, 7)));
    counter7 = row!.id;

    at('09:00');
    const w1 = await walkIn('1985-01-01');
    const holder = await insertHolder(db, server.privacy);
    const booking = await insertBookingFor(db, holder, { date: '2026-11-23' });
    const checkIn = await fetch(`${server.url}/api/kiosk/check-in`, { method: 'POST', headers: kiosk(), body: JSON.stringify({ idNumber: holder.idNumber, appointmentNo: booking.appointmentNo }) });
    expect(checkIn.status).toBe(201);
    for (const status of ['cancelled', 'no_show'] as const) {
      await insertBookingFor(db, await insertHolder(db, server.privacy), { date: '2026-11-23', status });
    }
    at('09:02');
    const w2 = await walkIn('1986-02-02');
    at('09:04');
    const elder = await walkIn('1940-03-03');
    expect(elder.green).toBe(true);
    await act('open');
    at('09:10');
    await act('call-next');
    at('09:20');
    await act('finish');
    await act('call-next');
    at('09:25');
    await act('missed');
    at('09:30');
    await act('call-next');
    at('09:36');
    await act('finish');
    await rate(w2.id, 4);
    await rate(elder.id, 2, '太慢');
    void w1;
    at('09:40');
  });
  afterAll(async () => {
    await server?.close();
  });

  const get = (who: StaffSession, path: string) => fetch(`${server.url}${path}`, { headers: who.headers });

  it('computes every figure of the morning from its events and bookings', async () => {
    const res = await get(admin, '/api/reports/history?from=2026-11-23&to=2026-11-23&outletId=yt-dmv');
    expect(res.status).toBe(200);
    const report = (await res.json()) as HistoryReport;
    const violation = report.rows.find((r) => r.serviceId === 'violation');
    expect(violation).toEqual({
      date: '2026-11-23', outletId: 'yt-dmv', outlet: '鹰潭市公安局交警支队车辆管理所', serviceId: 'violation', service: '交通违法处理',
      booked: 0, cancelled: 0, checkedIn: 0, noShows: 0,
      tickets: 3, appointment: 0, walkIn: 3, late: 0, green: 1, greenShare: 33.3,
      calls: 3, missed: 1, waitMean: 18, waitP50: 20, waitP90: 28, waitMax: 28, serviceMean: 8, serviceP50: 6, serviceP90: 10,
      ratings: 2, ratingMean: 3,
    });
    expect(report.rows.find((r) => r.serviceId === 'mv-transfer')).toMatchObject({
      booked: 2, cancelled: 1, checkedIn: 1, noShows: 1, tickets: 1, appointment: 1, walkIn: 0, green: 0, greenShare: 0, calls: 0,
    });
    expect(report.totals).toMatchObject({
      tickets: 4, green: 1, greenShare: 25, wait: { count: 3, mean: 18, p50: 20, p90: 28, max: 28 },
      service: { count: 2, mean: 8, p50: 6, p90: 10, max: 10 }, ratingCounts: [0, 1, 0, 1, 0], ratingMean: 3,
    });
    expect(report.totals.waitHistogram.slice(0, 6).map((b) => b.count)).toEqual([0, 1, 0, 0, 1, 1]);
  });

  it('exports the rows as CSV that Excel opens with the Chinese intact', async () => {
    const res = await get(admin, '/api/reports/history.csv?from=2026-11-23&to=2026-11-23');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('history-2026-11-23-2026-11-23.csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['日期', '办理点', '业务', '预约数']);
    expect(lines[0]!.split(',')).toHaveLength(24);
    const violation = lines.find((l) => l.includes('交通违法处理'))!.split(',');
    expect(violation.slice(7, 13)).toEqual(['3', '0', '3', '0', '1', '33.3']);
  });

  it('shows each outlet live: who waits and for how long, and the counters open', async () => {
    at('09:40');
    await walkIn('1987-04-04');
    at('09:52');
    const res = await get(admin, '/api/reports/live');
    const live = (await res.json()) as LiveReport;
    const office = live.outlets.find((o) => o.outletId === 'yt-dmv')!;
    // The appointment checked in at 09:00 still waits for an mv-transfer counter: 52 minutes.
    expect(office).toMatchObject({ countersOpen: 1, waiting: 2, longestWaitMinutes: 52 });
    expect(office.services.find((s) => s.serviceId === 'violation')).toMatchObject({ waiting: 1, serving: 0, longestWaitMinutes: 12 });
    expect(live.outlets.map((o) => o.outletId)).toEqual(['yt-dmv', 'yt-gaoxin', 'yt-xinjiang', 'yt-zhishu']);
    const csv = await (await get(admin, '/api/reports/live.csv')).text();
    expect(csv).toContain('交通违法处理,1,0,12');
  });

  it('lists one phone registered for several ID numbers, masked', async () => {
    const [one] = await ctx.database.db.select().from(citizens).limit(1);
    const twin = await insertHolder(ctx.database.db, server.privacy);
    await ctx.database.db.update(citizens).set({ phoneHash: one!.phoneHash, phoneEnc: one!.phoneEnc }).where(eq(citizens.id, twin.citizenId));
    const report = (await (await get(admin, '/api/reports/scalpers?from=2026-11-01&to=2026-11-23')).json()) as ScalperReport;
    expect(report.sharedPhones).toHaveLength(1);
    expect(report.sharedPhones[0]).toMatchObject({ idNumbers: 2, phone: expect.stringMatching(/^1\d{2}\*{4}\d{4}$/) });
    // Two more people on one phone who booked only at a service point: the office's supervisor does not see them.
    const [a, b] = [await insertHolder(ctx.database.db, server.privacy), await insertHolder(ctx.database.db, server.privacy)];
    const [first] = await ctx.database.db.select().from(citizens).where(eq(citizens.id, a.citizenId));
    await ctx.database.db.update(citizens).set({ phoneHash: first!.phoneHash, phoneEnc: first!.phoneEnc }).where(eq(citizens.id, b.citizenId));
    await insertBookingFor(ctx.database.db, a, { date: '2026-11-24', outletId: 'yt-zhishu' });
    const all = (await (await get(admin, '/api/reports/scalpers?from=2026-11-01&to=2026-11-23')).json()) as ScalperReport;
    expect(all.sharedPhones).toHaveLength(2);
    const supervisor = await signIn(fetcherFor(server.url), 'supervisor', '10.2.0.3');
    const theirs = (await (await get(supervisor, '/api/reports/scalpers?from=2026-11-01&to=2026-11-23')).json()) as ScalperReport;
    expect(theirs.sharedPhones).toEqual([report.sharedPhones[0]]);
    const csv = Buffer.from(await (await get(admin, '/api/reports/scalpers.csv?from=2026-11-01&to=2026-11-23&table=shared-phones')).arrayBuffer()).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF手机号,身份证数,预约数');
  });

  it('refuses a reversed or too long period, and clerks', async () => {
    expect((await get(admin, '/api/reports/history?from=2026-11-23&to=2026-11-01')).status).toBe(400);
    expect((await get(admin, '/api/reports/history?from=2026-01-01&to=2026-11-23')).status).toBe(400);
    expect((await get(clerk, '/api/reports/live')).status).toBe(403);
  });
});
