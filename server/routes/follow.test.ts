/**
 * The live views: what a display's snapshot holds (calling order, queue lengths, recent calls, call
 * sequences), a phone following its ticket by the QR code's token (view, live events, rating), and
 * the "turn near" message through the outbox.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClientToServerEvents, OutletSnapshot, QueueEvent, ServerToClientEvents } from '../../common/events.ts';
import type { FollowView } from '../../common/follow.ts';
import type { IssuedTicket } from '../../common/kiosk.ts';
import { counters, devices, outbox, tickets } from '../../db/schema.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { startTestServer } from '../../test/support/app.ts';
import { idNumberBornOn, insertHolder } from '../../test/support/check-in.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { fetcherFor, signIn, type StaffSession } from '../../test/support/sign-in.ts';
import { seedDemoData, type SeedResult } from '../demo-data.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describeOnDatabases('live views', (ctx) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let seeded: SeedResult;
  let clerk: StaffSession;
  let counter7: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    seeded = (await seedDemoData(ctx.database.db))!;
    server = await startTestServer(ctx.database);
    clerk = await signIn(fetcherFor(server.url), 'clerk', '10.5.0.1');
    const [row] = await ctx.database.db.select().from(counters).where(and(eq(counters.outletId, 'yt-dmv'), eq(counters.number, 7)));
    counter7 = row!.id;
    await act('open');
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await server?.close();
  });

  async function act(action: string) {
    const res = await fetch(`${server.url}/api/counters/${counter7}/${action}`, { method: 'POST', headers: clerk.headers, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
    expect(res.status).toBe(200);
  }
  async function walkIn(idNumber: string, serviceId = 'violation'): Promise<IssuedTicket['ticket']> {
    const res = await fetch(`${server.url}/api/kiosk/walk-ins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seeded.devices.find((d) => d.kind === 'kiosk')!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber, serviceId }),
    });
    return ((await res.json()) as IssuedTicket).ticket;
  }
  async function open(auth?: { token: string }): Promise<Client> {
    const client = connect(server.url, { transports: ['websocket'], reconnection: false, ...(auth ? { auth } : {}) }) as Client;
    clients.push(client);
    await new Promise<void>((resolve, reject) => { client.once('connect', resolve); client.once('connect_error', reject); });
    return client;
  }
  const tokenOf = (ticket: { followUrl: string }) => decodeURIComponent(ticket.followUrl.split('/').at(-1)!);
  const follow = async (token: string) => (await (await fetch(`${server.url}/api/follow/${token}`)).json()) as FollowView;

  it('gives a display the calling order, queue lengths and the latest calls, with the sequence of each call', async () => {
    const display = await open({ token: seeded.devices.find((d) => d.kind === 'display')!.token });
    const first = await walkIn(idNumberBornOn('1981-01-01'));
    const second = await walkIn(idNumberBornOn('1981-01-02'));
    const elder = await walkIn(idNumberBornOn('1940-01-03'));
    const heard: QueueEvent[] = [];
    const joined = await display.emitWithAck('outlet:join', { outletId: 'yt-dmv' });
    display.on('queue:event', (event) => heard.push(event));
    const snapshot = (joined as { data: OutletSnapshot }).data;
    expect(snapshot.outletName.zh).toContain('车辆管理所');
    const waiting = snapshot.tickets.filter((t) => t.serviceId === 'violation' && t.status === 'waiting');
    expect(waiting.map((t) => `${t.position} ${t.number}`)).toEqual([`0 ${elder.number}`, `1 ${first.number}`, `2 ${second.number}`]);
    expect(snapshot.services.find((s) => s.serviceId === 'violation')).toMatchObject({ waiting: 3, prefix: 'C', group: { zh: '违法处理' } });
    expect(JSON.stringify(snapshot)).not.toMatch(/\d{17}[\dX]/);

    // A display of another outlet, in its own room, hears none of it.
    const elsewhereToken = newToken();
    await ctx.database.db.insert(devices).values({ kind: 'display', outletId: 'yt-zhishu', name: 'zhishu display', status: 'active', tokenHash: hashToken(elsewhereToken), pairedAt: new Date() });
    const elsewhere = await open({ token: elsewhereToken });
    expect(await elsewhere.emitWithAck('outlet:join', { outletId: 'yt-zhishu' })).toHaveProperty('data');
    const heardElsewhere: QueueEvent[] = [];
    elsewhere.on('queue:event', (event) => heardElsewhere.push(event));
    const sameOutlet = await open({ token: seeded.devices.find((d) => d.kind === 'display')!.token });
    await sameOutlet.emitWithAck('outlet:join', { outletId: 'yt-dmv' });
    const heardSame: QueueEvent[] = [];
    sameOutlet.on('queue:event', (event) => heardSame.push(event));

    await act('call-next');
    await act('recall');
    await expect.poll(() => heard.length).toBe(2);
    await expect.poll(() => heardSame.map((e) => e.seq)).toEqual(heard.map((e) => e.seq));
    expect(heardElsewhere).toEqual([]);
    expect(heard.map((e) => [e.type, e.ticket.number, e.ticket.counterNumber, e.ticket.callSeq === e.seq])).toEqual([
      ['called', elder.number, 7, true], ['recalled', elder.number, 7, true],
    ]);
    const fresh = await display.emitWithAck('outlet:snapshot', { outletId: 'yt-dmv' });
    const after = (fresh as { data: OutletSnapshot }).data;
    expect(after.seq).toBe(heard.at(-1)!.seq);
    expect(after.recentCalls.slice(0, 2).map((c) => `${c.type} ${c.number} ${c.counterNumber}`)).toEqual([`recalled ${elder.number} 7`, `called ${elder.number} 7`]);
    expect(after.tickets.find((t) => t.id === elder.id)).toMatchObject({ status: 'called', counterNumber: 7, callSeq: heard.at(-1)!.seq, position: null });
    expect(await display.emitWithAck('outlet:snapshot', { outletId: 'yt-zhishu' })).toMatchObject({ error: { code: 'forbidden' } });
    await act('finish');
    await ctx.database.db.update(tickets).set({ status: 'cancelled' }).where(eq(tickets.serviceId, 'violation'));
  });

  it('lets a phone follow its ticket by the token alone: the view, live events, and the rating after service', async () => {
    const mine = await walkIn(idNumberBornOn('1982-02-02'));
    const token = tokenOf(mine);
    expect(await follow(token)).toMatchObject({ number: mine.number, status: 'waiting', peopleAhead: 0, counterNumber: null, canRate: false, steps: 1 });
    expect((await fetch(`${server.url}/api/follow/not-a-token-of-ours-at-all`)).status).toBe(404);

    const phone = await open();
    expect(await phone.emitWithAck('follow:join', { token: 'not-a-token-of-ours-at-all' })).toMatchObject({ error: { code: 'ticket_not_found' } });
    expect(await phone.emitWithAck('follow:join', { token })).toMatchObject({ data: { outletId: 'yt-dmv', seq: expect.any(Number) } });
    const heard: QueueEvent[] = [];
    phone.on('queue:event', (event) => heard.push(event));

    await act('call-next');
    await expect.poll(() => heard.some((e) => e.type === 'called' && e.ticket.id === mine.id)).toBe(true);
    expect(await follow(token)).toMatchObject({ status: 'called', counterNumber: 7, callSeq: expect.any(Number) });
    await act('finish');
    expect(await follow(token)).toMatchObject({ status: 'finished', canRate: true, rated: false });
    const rated = await fetch(`${server.url}/api/follow/${token}/rating`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grade: 4 }) });
    expect(rated.status).toBe(201);
    expect(await follow(token)).toMatchObject({ canRate: false, rated: true });
  });

  it('tells a registered holder once that their turn is near, when a call leaves three or fewer ahead', async () => {
    const holder = await insertHolder(ctx.database.db, server.privacy);
    for (let i = 0; i < 5; i++) await walkIn(idNumberBornOn('1983-03-03'));
    const mine = await walkIn(holder.idNumber);
    expect(mine.peopleAhead).toBe(5);
    const turnNear = () => ctx.database.db.select().from(outbox).where(eq(outbox.template, 'turn_near'));

    await act('call-next');
    expect(await turnNear()).toHaveLength(0);
    await act('call-next');
    const [message] = await turnNear();
    expect(message).toMatchObject({ channel: 'wechat', payload: { number: mine.number, peopleAhead: 3 } });
    await act('call-next');
    expect(await turnNear()).toHaveLength(1);
  });
});
