/**
 * The counters through their HTTP API, as the demo clerks of the office: opening a counter, calling
 * in the queue's order, recall, missed and requeue, start and finish, a journey's steps on one
 * ticket, transfer, idempotent presses, the explanation of an order, green moving a ticket up, ratings,
 * and the events each transition sends to the outlet's room.
 * The test clock stands at Monday 2026-11-23 09:00 in Beijing and is moved by hand.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterActionResult, CounterView, OutletQueue } from '../../common/counters.ts';
import type { ClientToServerEvents, QueueEvent, ServerToClientEvents } from '../../common/events.ts';
import type { IssuedTicket } from '../../common/kiosk.ts';
import { auditLog, counters, ratings, ticketEvents, tickets } from '../../db/schema.ts';
import { startTestServer } from '../../test/support/app.ts';
import { idNumberBornOn, insertBookingFor, insertHolder } from '../../test/support/check-in.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { fetcherFor, signIn, type StaffSession } from '../../test/support/sign-in.ts';
import { seedDemoData, type SeedResult } from '../demo-data.ts';

type Reply<T> = { status: number; body: T & { code?: string; message?: string } };

describeOnDatabases('the counters', (ctx) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let seeded: SeedResult;
  let clerk: StaffSession;
  let clerk2: StaffSession;
  let guide: StaffSession;
  const counterIds = new Map<number, string>();

  beforeAll(async () => {
    seeded = (await seedDemoData(ctx.database.db))!;
    server = await startTestServer(ctx.database);
    clerk = await signIn(fetcherFor(server.url), 'clerk', '10.7.0.1');
    clerk2 = await signIn(fetcherFor(server.url), 'clerk2', '10.7.0.2');
    guide = await signIn(fetcherFor(server.url), 'guide', '10.7.0.3');
    for (const c of await ctx.database.db.select().from(counters).where(eq(counters.outletId, 'yt-dmv'))) counterIds.set(c.number, c.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function call<T>(who: StaffSession, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply<T>> {
    const res = await fetch(`${server.url}${path}`, { method, headers: who.headers, ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}) });
    return { status: res.status, body: (await res.json()) as T & { code?: string } };
  }
  const act = (who: StaffSession, counter: number, action: string, extra: Record<string, unknown> = {}, key = randomUUID()) =>
    call<CounterActionResult>(who, 'POST', `/api/counters/${counterIds.get(counter)}/${action}`, { idempotencyKey: key, ...extra });

  async function walkIn(serviceId: string, birthDate = '1985-05-05'): Promise<IssuedTicket['ticket']> {
    const res = await fetch(`${server.url}/api/kiosk/walk-ins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seeded.devices.find((d) => d.kind === 'kiosk')!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: idNumberBornOn(birthDate), serviceId }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as IssuedTicket).ticket;
  }
  const advance = (minutes: number) => server.clock.advance(minutes * 60_000);

  /** Empties the queues a test uses, so each test starts from nobody waiting there. */
  async function clearQueue(serviceIds: string[]) {
    for (const serviceId of serviceIds) {
      await ctx.database.db.update(tickets).set({ status: 'cancelled', counterId: null }).where(and(eq(tickets.serviceId, serviceId), eq(tickets.outletId, 'yt-dmv')));
    }
  }

  it('lets a clerk open a counter another clerk cannot take, and close it only with nothing in hand', async () => {
    const opened = await act(clerk, 6, 'open');
    expect(opened.status).toBe(200);
    expect(opened.body.counter).toMatchObject({ number: 6, status: 'open', staffName: expect.any(String) });
    expect(await act(clerk2, 6, 'open')).toMatchObject({ status: 409, body: { code: 'counter_taken' } });
    expect(await act(clerk2, 6, 'call-next')).toMatchObject({ status: 409, body: { code: 'counter_taken' } });

    const list = await call<{ counters: CounterView[] }>(guide, 'GET', '/api/outlets/yt-dmv/counters');
    expect(list.body.counters.find((c) => c.number === 6)).toMatchObject({ status: 'open', current: null });

    expect((await act(clerk, 6, 'pause')).body.counter.status).toBe('paused');
    expect(await act(clerk, 6, 'call-next')).toMatchObject({ status: 409, body: { code: 'counter_not_open' } });
    expect((await act(clerk, 6, 'resume')).body.counter.status).toBe('open');
    expect((await act(clerk, 6, 'close')).body.counter).toMatchObject({ status: 'closed', staffId: null });
    const trail = await ctx.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, counterIds.get(6)!)).orderBy(auditLog.id);
    expect(trail.map((a) => a.action)).toEqual(['counter.opened', 'counter.paused', 'counter.resumed', 'counter.closed']);
  });

  it('calls green first, then appointments, then walk-ins, each first come first served; says so when nobody waits', async () => {
    await clearQueue(['violation']);
    await act(clerk, 7, 'open');
    const walkA = await walkIn('violation');
    advance(1);
    const walkB = await walkIn('violation');
    advance(1);
    const elder = await walkIn('violation', '1950-01-01');
    advance(1);

    const queue = await call<OutletQueue>(clerk, 'GET', '/api/outlets/yt-dmv/queue');
    const violation = queue.body.waiting.filter((t) => t.serviceId === 'violation').map((t) => `${t.position} ${t.number} ${t.class}`);
    expect(violation).toEqual([`0 ${elder.number} green`, `1 ${walkA.number} walk_in`, `2 ${walkB.number} walk_in`]);

    const called: string[] = [];
    for (let i = 0; i < 3; i++) called.push((await act(clerk, 7, 'call-next')).body.ticket!.number);
    expect(called).toEqual([elder.number, walkA.number, walkB.number]);
    const empty = await act(clerk, 7, 'call-next');
    expect(empty.body).toMatchObject({ ticket: null, note: { zh: '当前没有等候的号。' } });
    // Calling next finished the ticket in hand each time.
    const finished = await ctx.database.db.select().from(tickets).where(eq(tickets.id, walkB.id));
    expect(finished[0]!.status).toBe('finished');
    await act(clerk, 7, 'close');
  });

  it('does one call for a double click: the same key answers as the first press did', async () => {
    await clearQueue(['violation']);
    await act(clerk, 7, 'open');
    const first = await walkIn('violation');
    const second = await walkIn('violation');
    const key = randomUUID();
    const [a, b] = await Promise.all([act(clerk, 7, 'call-next', {}, key), act(clerk, 7, 'call-next', {}, key)]);
    expect(a.body.ticket!.number).toBe(first.number);
    expect(b.body.ticket!.number).toBe(first.number);
    const [still] = await ctx.database.db.select().from(tickets).where(eq(tickets.id, second.id));
    expect(still!.status).toBe('waiting');
    await act(clerk, 7, 'missed');
    await act(clerk, 7, 'call-next');
    await act(clerk, 7, 'finish');
    await act(clerk, 7, 'close');
  });

  it('recalls, marks missed, requeues once behind those waiting, and refuses a second requeue', async () => {
    await clearQueue(['violation']);
    await act(clerk, 7, 'open');
    const late = await walkIn('violation');
    const called = await act(clerk, 7, 'call-next');
    expect(called.body.ticket!.number).toBe(late.number);
    const recalled = await act(clerk, 7, 'recall');
    expect(recalled.body.ticket).toMatchObject({ status: 'called', recalls: 1, counterNumber: 7 });
    const missed = await act(clerk, 7, 'missed');
    expect(missed.body.ticket!.status).toBe('missed');
    expect(missed.body.counter.current).toBeNull();

    const meanwhile = await walkIn('violation');
    advance(1);
    const requeued = await call(guide, 'POST', `/api/tickets/${late.id}/requeue`, { idempotencyKey: randomUUID() });
    expect(requeued).toMatchObject({ status: 200, body: { status: 'waiting', requeueCount: 1 } });
    const order = (await call<OutletQueue>(clerk, 'GET', '/api/outlets/yt-dmv/queue')).body.waiting.filter((t) => t.serviceId === 'violation');
    expect(order.map((t) => t.number)).toEqual([meanwhile.number, late.number]);

    await act(clerk, 7, 'call-next');
    await act(clerk, 7, 'call-next');
    await act(clerk, 7, 'missed');
    const again = await call(guide, 'POST', `/api/tickets/${late.id}/requeue`, { idempotencyKey: randomUUID() });
    expect(again).toMatchObject({ status: 409, body: { code: 'requeue_limit_reached' } });
    await act(clerk, 7, 'close');
  });

  it('takes one ticket through the four steps of a vehicle registration, recording each step', async () => {
    await clearQueue(['mv-inspection', 'mv-acceptance', 'mv-payment', 'mv-issuing']);
    const holder = await insertHolder(ctx.database.db, server.privacy);
    const booking = await insertBookingFor(ctx.database.db, holder, { date: '2026-11-23', serviceId: 'mv-registration' });
    const checkIn = await fetch(`${server.url}/api/kiosk/check-in`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seeded.devices.find((d) => d.kind === 'kiosk')!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: holder.idNumber, appointmentNo: booking.appointmentNo }),
    });
    const { ticket } = (await checkIn.json()) as IssuedTicket;
    const counterFor = async (serviceId: string) => {
      const list = (await call<{ counters: CounterView[] }>(clerk, 'GET', '/api/outlets/yt-dmv/counters')).body.counters;
      return list.find((c) => c.services.some((s) => s.id === serviceId))!.number;
    };

    const steps: string[] = [];
    for (const serviceId of ['mv-inspection', 'mv-acceptance', 'mv-payment', 'mv-issuing']) {
      const counter = await counterFor(serviceId);
      await act(clerk, counter, 'open');
      const called = await act(clerk, counter, 'call-next');
      expect(called.body.ticket).toMatchObject({ number: ticket.number, serviceId, journeyService: { zh: '机动车注册登记' } });
      steps.push(`${called.body.ticket!.step}/${called.body.ticket!.steps}`);
      await act(clerk, counter, 'start');
      advance(5);
      const done = await act(clerk, counter, 'finish');
      expect(done.body.ticket!.status).toBe(serviceId === 'mv-issuing' ? 'finished' : 'waiting');
      await act(clerk, counter, 'close');
    }
    expect(steps).toEqual(['1/4', '2/4', '3/4', '4/4']);
    const events = await ctx.database.db.select({ type: ticketEvents.type, serviceId: ticketEvents.serviceId }).from(ticketEvents)
      .where(eq(ticketEvents.ticketId, ticket.id)).orderBy(ticketEvents.id);
    expect(events.filter((e) => e.type === 'step_finished').map((e) => e.serviceId)).toEqual(['mv-inspection', 'mv-acceptance', 'mv-payment']);
    expect(events.at(-1)).toEqual({ type: 'finished', serviceId: 'mv-issuing' });
  });

  it('transfers the ticket in hand to another queue; a ticket already called cannot be started twice', async () => {
    await clearQueue(['violation', 'dl-renewal']);
    await act(clerk, 7, 'open');
    const ticket = await walkIn('violation');
    await act(clerk, 7, 'call-next');
    const moved = await act(clerk, 7, 'transfer', { serviceId: 'dl-renewal' });
    expect(moved.body.ticket).toMatchObject({ number: ticket.number, status: 'waiting', serviceId: 'dl-renewal', service: { zh: '驾驶证换证' } });
    expect(moved.body.counter.current).toBeNull();
    expect(await act(clerk, 7, 'transfer', { serviceId: 'dl-renewal' })).toMatchObject({ status: 409, body: { code: 'no_current_ticket' } });
    await act(clerk, 7, 'close');

    await act(clerk2, 6, 'open');
    const called = await act(clerk2, 6, 'call-next');
    expect(called.body.ticket!.number).toBe(ticket.number);
    expect((await act(clerk2, 6, 'start')).status).toBe(200);
    expect(await act(clerk2, 6, 'start')).toMatchObject({ status: 409, body: { code: 'ticket_state_conflict' } });
    await act(clerk2, 6, 'finish');
    await act(clerk2, 6, 'close');
  });

  it('moves a ticket made green to the front, explains the order, and tells the outlet room', async () => {
    await clearQueue(['violation']);
    const display = connect(server.url, { transports: ['websocket'], reconnection: false, auth: { token: seeded.devices.find((d) => d.kind === 'display')!.token } }) as Socket<ServerToClientEvents, ClientToServerEvents>;
    try {
      await new Promise<void>((resolve, reject) => { display.once('connect', resolve); display.once('connect_error', reject); });
      await display.emitWithAck('outlet:join', { outletId: 'yt-dmv' });
      const heard: QueueEvent[] = [];
      display.on('queue:event', (event) => heard.push(event));

      const first = await walkIn('violation');
      advance(1);
      const second = await walkIn('violation');
      const before = await call(guide, 'GET', `/api/tickets/${first.id}/explain?behind=${second.id}`);
      expect(before).toMatchObject({ status: 200, body: { code: 'earlier_in_class' } });

      await call(guide, 'POST', `/api/tickets/${second.id}/green`, { reason: 'disability' });
      const order = (await call<OutletQueue>(guide, 'GET', '/api/outlets/yt-dmv/queue')).body.waiting.filter((t) => t.serviceId === 'violation');
      expect(order.map((t) => t.number)).toEqual([second.number, first.number]);
      const why = await call<{ zh: string }>(guide, 'GET', `/api/tickets/${second.id}/explain?behind=${first.id}`);
      expect(why.body).toMatchObject({ code: 'green_first' });
      expect(why.body.zh).toContain(second.number);
      expect((await call(guide, 'GET', `/api/tickets/${first.id}/explain?behind=${second.id}`)).status).toBe(400);

      const counterHeard: string[] = [];
      display.on('counter:event', (event) => counterHeard.push(`${event.counter.number} ${event.counter.status}`));
      await act(clerk, 7, 'open');
      await act(clerk, 7, 'call-next');
      await expect.poll(() => heard.map((e) => e.type)).toEqual(['issued', 'issued', 'green', 'called']);
      expect(counterHeard).toEqual(['7 open']);
      expect(heard.at(-1)!.ticket).toMatchObject({ number: second.number, status: 'called', counterNumber: 7, green: true });
      await act(clerk, 7, 'finish');
      await act(clerk, 7, 'close');
    } finally {
      display.disconnect();
    }
  });

  it('takes one rating per finished ticket, a reason for the two lowest grades, from the counter or the phone', async () => {
    await clearQueue(['violation']);
    await act(clerk, 7, 'open');
    const ticket = await walkIn('violation');
    await act(clerk, 7, 'call-next');
    expect(await call(clerk, 'POST', `/api/tickets/${ticket.id}/rating`, { grade: 5 })).toMatchObject({ status: 409, body: { code: 'ticket_not_finished' } });
    await act(clerk, 7, 'finish');
    expect((await call(clerk, 'POST', `/api/tickets/${ticket.id}/rating`, { grade: 2 })).status).toBe(400);
    expect(await call(clerk, 'POST', `/api/tickets/${ticket.id}/rating`, { grade: 2, reason: '等待时间太长' })).toMatchObject({ status: 201, body: { grade: 2 } });
    const token = ticket.followUrl.split('/').at(-1)!;
    const phone = await fetch(`${server.url}/api/follow/${token}/rating`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grade":5}' });
    expect(phone.status).toBe(409);
    const [row] = await ctx.database.db.select().from(ratings).where(eq(ratings.ticketId, ticket.id));
    expect(row).toMatchObject({ grade: 2, reason: '等待时间太长', source: 'counter' });
    await act(clerk, 7, 'close');
  });
});
