/**
 * The database goes away for 10 s (a proxy between the server process and PostgreSQL cuts every
 * connection and refuses new ones), then comes back: meanwhile requests fail with a clear 503 and
 * nothing is half-written; afterwards the same process serves again by itself, and a display that
 * stayed connected hears the next call.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClientToServerEvents, QueueEvent, ServerToClientEvents } from '../../common/events.ts';
import { serviceDate } from '../../common/time.ts';
import { bookings, counters, tickets } from '../../db/schema.ts';
import { seedDemoData, type SeedResult } from '../../server/demo-data.ts';
import { createPersonalDataCipher } from '../../server/privacy/personal-data.ts';
import { formatTicketNumber } from '../../server/queue/ticket-number.ts';
import { makeCitizens, newKey } from '../support/booking.ts';
import { describeOnPostgres } from '../support/databases.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { fetcherFor, signIn } from '../support/sign-in.ts';

const OUTAGE_MS = 10_000;

describeOnPostgres('a database outage', (ctx) => {
  const dataKey = randomBytes(32);
  let seeded: SeedResult;
  let proxy: TcpProxy;
  let server: ServerProcess;

  beforeAll(async () => {
    seeded = (await seedDemoData(ctx.database.db))!;
    const target = new URL(ctx.url!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    server = await startServerProcess({ databaseUrl: proxy.url(ctx.url!), env: { LOBBY_DATA_KEY: dataKey.toString('hex') } });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
  });

  it('answers 503 while the database is gone, writes nothing half, and recovers by itself when it returns', async () => {
    const { db } = ctx.database;
    const today = serviceDate(new Date());
    await db.insert(tickets).values([1, 2].map((seq) => ({
      outletId: 'yt-dmv', serviceDate: today, prefix: 'C', seq, number: formatTicketNumber('C', seq), idNumberHash: `outage-${seq}`,
      journeyServiceId: 'violation', serviceId: 'violation', class: 'walk_in' as const, queuedAt: new Date(Date.now() - seq * 60_000),
      followToken: randomBytes(18).toString('base64url'),
    })));
    const clerk = await signIn(fetcherFor(server.url), 'clerk');
    const [counter] = await db.select().from(counters).where(and(eq(counters.outletId, 'yt-dmv'), eq(counters.number, 7)));
    const press = (action: string) => fetch(`${server.url}/api/counters/${counter!.id}/${action}`, { method: 'POST', headers: clerk.headers, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
    expect((await press('open')).status).toBe(200);
    const display = connect(server.url, { transports: ['websocket'], auth: { token: seeded.devices.find((d) => d.kind === 'display')!.token } }) as Socket<ServerToClientEvents, ClientToServerEvents>;
    const heard: QueueEvent[] = [];
    display.on('queue:event', (event) => heard.push(event));
    await new Promise<void>((resolve) => display.once('connect', () => resolve()));
    expect(await display.emitWithAck('outlet:join', { outletId: 'yt-dmv' })).toHaveProperty('data');

    const fetcher = (p: string, init?: RequestInit) => fetch(`${server.url}${p}`, init);
    const dates = (await (await fetcher('/api/availability/dates?serviceId=mv-transfer&outletId=yt-dmv')).json()) as { dates: { date: string }[] };
    const slotList = (await (await fetcher(`/api/availability/slots?serviceId=mv-transfer&outletId=yt-dmv&date=${dates.dates[0]!.date}`)).json()) as { slots: { id: string }[] };
    const [citizen] = await makeCitizens(db, createPersonalDataCipher(dataKey), fetcher, 1, new Date());

    proxy.cut();
    const cutAt = Date.now();
    const health = await fetcher('/healthz');
    expect(health.status).toBe(503);
    const outlets = await fetcher('/api/outlets');
    expect(outlets.status).toBe(503);
    expect(await outlets.json()).toMatchObject({ code: 'database_unavailable', message: expect.stringContaining('暂时无法服务') });
    const booking = await citizen!.request('/api/bookings', {
      json: { kind: 'personal', serviceId: 'mv-transfer', outletId: 'yt-dmv', slotId: slotList.slots[0]!.id, details: {}, idempotencyKey: newKey() },
    });
    expect(booking.status).toBe(503);
    expect((await press('call-next')).status).toBe(503);
    expect(heard).toEqual([]);

    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - cutAt))));
    proxy.restore();

    // The same process, not restarted, serves again within a few seconds.
    await expect.poll(async () => (await fetcher('/healthz')).status, { timeout: 15_000, interval: 250 }).toBe(200);
    expect((await fetcher('/api/outlets')).status).toBe(200);
    const [made] = await db.select({ n: count() }).from(bookings).where(eq(bookings.citizenId, citizen!.id));
    expect(made!.n).toBe(0);
    const [waiting] = await db.select({ n: count() }).from(tickets).where(and(eq(tickets.serviceId, 'violation'), eq(tickets.status, 'waiting')));
    expect(waiting!.n).toBe(2);

    expect((await press('call-next')).status).toBe(200);
    await expect.poll(() => heard.map((e) => `${e.type} ${e.ticket.number}`), { timeout: 10_000 }).toEqual(['called C002']);
    display.disconnect();
  }, 90_000);
});
