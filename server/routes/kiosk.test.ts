/**
 * The lobby kiosk through its HTTP API, as the paired demo kiosk of the office: check-in with every
 * refusal DOMAIN.md names, idempotent check-in, the 70th birthday, agents and their power of
 * attorney, walk-ins, numbering per prefix, and green-channel grants by a guide.
 * The test clock stands at Monday 2026-11-23 09:00 in Beijing.
 */
import { and, asc, eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, QueueEvent, ServerToClientEvents } from '../../common/events.ts';
import type { IssuedTicket, KioskTicket, WalkInOptions } from '../../common/kiosk.ts';
import { agents, auditLog, blacklist, bookings, citizens, devices, ticketEvents, tickets } from '../../db/schema.ts';
import { startTestServer } from '../../test/support/app.ts';
import { idNumberBornOn, insertAgency, insertBookingFor, insertHolder } from '../../test/support/check-in.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { fetcherFor, signIn } from '../../test/support/sign-in.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { voucherExpiry } from '../booking/voucher-token.ts';
import { DEMO_GUIDE_CODE, seedDemoData, type SeedResult } from '../demo-data.ts';

const TODAY = '2026-11-23';

describeOnDatabases('the lobby kiosk', (ctx) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let seeded: SeedResult;
  const db = () => ctx.database.db;

  beforeAll(async () => {
    seeded = (await seedDemoData(ctx.database.db))!;
    server = await startTestServer(ctx.database);
  });
  afterAll(async () => {
    await server?.close();
  });

  const kioskToken = () => seeded.devices.find((d) => d.kind === 'kiosk')!.token;

  async function post<T = IssuedTicket>(path: string, body: unknown, token = kioskToken()): Promise<{ status: number; body: T & { code?: string; message?: string; messageEn?: string } }> {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T & { code?: string } };
  }
  async function get<T>(path: string, token = kioskToken()): Promise<{ status: number; body: T & { code?: string } }> {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as T & { code?: string } };
  }
  const checkIn = (idNumber: string, appointmentNo: string, token?: string) => post('/api/kiosk/check-in', { idNumber, appointmentNo }, token);

  /** A person with an active booking at the office today, 09:00–10:00 unless told otherwise. */
  async function booked(slot: { date?: string; startsAt?: string; endsAt?: string; outletId?: string; status?: 'active' | 'cancelled' | 'no_show' } = {}, birthDate?: string) {
    const holder = await insertHolder(db(), server.privacy, birthDate ? { birthDate } : {});
    const booking = await insertBookingFor(db(), holder, { date: TODAY, ...slot });
    return { holder, booking };
  }

  /** A paired kiosk at another outlet. */
  async function kioskAt(outletId: string): Promise<string> {
    const token = newToken();
    await db().insert(devices).values({ kind: 'kiosk', outletId, name: `kiosk ${outletId}`, status: 'active', tokenHash: hashToken(token), pairedAt: new Date() });
    return token;
  }

  describe('check-in', () => {
    it('issues an appointment ticket, marks the booking used, gives the holder their number back, and records the event', async () => {
      const { holder, booking } = await booked();
      const res = await checkIn(holder.idNumber, booking.appointmentNo);

      expect(res.status).toBe(201);
      const { ticket } = res.body;
      expect(ticket).toMatchObject({
        class: 'appointment', green: false, status: 'waiting', appointmentNo: booking.appointmentNo, presentAttorney: false,
        service: { zh: '机动车转移登记（过户）' }, group: { zh: '机动车业务' }, serviceDate: TODAY,
      });
      expect(ticket.number).toMatch(/^A\d{3}$/);
      expect(ticket.counterNumbers.length).toBeGreaterThan(0);
      expect(ticket.followUrl).toMatch(/\/h5\/#\/ticket\/[\w-]{20,}$/);
      expect(ticket.followQr).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(Buffer.from(ticket.followQr.split(',')[1]!, 'base64').toString()).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
      expect(JSON.stringify(res.body)).not.toContain(holder.idNumber);

      const [row] = await db().select().from(bookings).where(eq(bookings.id, booking.id));
      expect(row).toMatchObject({ status: 'checked_in', checkedInAt: server.clock.now() });
      const [person] = await db().select().from(citizens).where(eq(citizens.id, holder.citizenId));
      expect(person!.activePersonalBookings).toBe(0);
      const events = await db().select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
      expect(events).toMatchObject([{ type: 'issued', fromStatus: null, toStatus: 'waiting', actorKind: 'device' }]);
    });

    it('gives the same ticket again when the same booking is checked in again', async () => {
      const { holder, booking } = await booked();
      const first = await checkIn(holder.idNumber, booking.appointmentNo);
      const again = await checkIn(holder.idNumber.toLowerCase(), ` ${booking.appointmentNo} `);
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body.created).toBe(false);
      expect(again.body.ticket.number).toBe(first.body.ticket.number);
      expect(await db().select().from(tickets).where(eq(tickets.bookingId, booking.id))).toHaveLength(1);
    });

    it('checks in with the voucher QR token instead of the typed number', async () => {
      const { holder, booking } = await booked();
      const token = server.vouchers.sign({ bookingId: booking.id, appointmentNo: booking.appointmentNo, expiresAt: voucherExpiry(TODAY) });
      const res = await post('/api/kiosk/check-in', { idNumber: holder.idNumber, voucherToken: token });
      expect(res.status).toBe(201);
      expect(res.body.ticket.appointmentNo).toBe(booking.appointmentNo);
      // A signature that is not ours.
      const forged = await post('/api/kiosk/check-in', { idNumber: holder.idNumber, voucherToken: `${token.slice(0, -4)}AAAA` });
      expect([forged.status, forged.body.code]).toEqual([400, 'voucher_forged']);
    });

    describe('refuses, saying what to do', () => {
      it('an appointment number that does not exist, or is not 12 digits', async () => {
        const { holder } = await booked();
        expect(await checkIn(holder.idNumber, '999999999999')).toMatchObject({ status: 404, body: { code: 'appointment_not_found' } });
        const short = await checkIn(holder.idNumber, '12345');
        expect(short).toMatchObject({ status: 404, body: { code: 'appointment_not_found' } });
        expect(short.body.message).toContain('12 位数字');
      });

      it('an ID number that does not check out', async () => {
        const { holder, booking } = await booked();
        const wrongCheck = `${holder.idNumber.slice(0, 17)}${holder.idNumber[17] === '0' ? '1' : '0'}`;
        expect(await checkIn(wrongCheck, booking.appointmentNo)).toMatchObject({ status: 400, body: { code: 'id_number_checksum' } });
        expect(await checkIn('12345', booking.appointmentNo)).toMatchObject({ status: 400, body: { code: 'id_number_format' } });
      });

      it("someone else's ID card, without telling them anything about the booking", async () => {
        const { booking } = await booked();
        const stranger = idNumberBornOn('1990-01-01');
        const res = await checkIn(stranger, booking.appointmentNo);
        expect(res).toMatchObject({ status: 403, body: { code: 'appointment_not_yours' } });
        expect(JSON.stringify(res.body)).not.toMatch(/09:00|机动车/);
      });

      it('an appointment on another day: a later one names its day, a past one has lapsed', async () => {
        const later = await booked({ date: '2026-11-25' });
        const res = await checkIn(later.holder.idNumber, later.booking.appointmentNo);
        expect(res).toMatchObject({ status: 409, body: { code: 'appointment_not_today' } });
        expect(res.body.message).toContain('2026-11-25 09:00–10:00');
        const past = await booked({ date: '2026-11-20' });
        expect(await checkIn(past.holder.idNumber, past.booking.appointmentNo)).toMatchObject({ status: 410, body: { code: 'appointment_missed' } });
      });

      it('an appointment at another outlet, naming that outlet and its address', async () => {
        const { holder, booking } = await booked({ outletId: 'yt-xinjiang' });
        const res = await checkIn(holder.idNumber, booking.appointmentNo);
        expect(res).toMatchObject({ status: 409, body: { code: 'appointment_other_outlet' } });
        expect(res.body.message).toMatch(/信江.*服务站|信江/);
        expect(res.body.messageEn).toMatch(/Xinjiang/);
      });

      it('before the check-in window opens (saying when), and after it has closed', async () => {
        const early = await booked({ startsAt: '10:30', endsAt: '11:30' });
        const res = await checkIn(early.holder.idNumber, early.booking.appointmentNo);
        expect(res).toMatchObject({ status: 409, body: { code: 'check_in_not_open' } });
        expect(res.body.message).toContain('09:30');
        const justOpen = await booked({ startsAt: '10:00', endsAt: '11:00' });
        expect((await checkIn(justOpen.holder.idNumber, justOpen.booking.appointmentNo)).status).toBe(201);
        const over = await booked({ startsAt: '07:30', endsAt: '08:30' });
        expect(await checkIn(over.holder.idNumber, over.booking.appointmentNo)).toMatchObject({ status: 409, body: { code: 'check_in_closed' } });
      });

      it('a cancelled booking, and one already marked as missed', async () => {
        const cancelled = await booked({ status: 'cancelled' });
        expect(await checkIn(cancelled.holder.idNumber, cancelled.booking.appointmentNo)).toMatchObject({ status: 410, body: { code: 'appointment_cancelled' } });
        const missed = await booked({ status: 'no_show' });
        expect(await checkIn(missed.holder.idNumber, missed.booking.appointmentNo)).toMatchObject({ status: 410, body: { code: 'appointment_missed' } });
      });

      it('a holder put on the blacklist after booking', async () => {
        const { holder, booking } = await booked();
        const [person] = await db().select().from(citizens).where(eq(citizens.id, holder.citizenId));
        await db().insert(blacklist).values({ kind: 'id_number', valueHash: person!.idNumberHash, display: '3606**********', source: 'illegal_booking', reason: '倒卖号源' });
        const res = await checkIn(holder.idNumber, booking.appointmentNo);
        expect(res).toMatchObject({ status: 403, body: { code: 'blacklisted' } });
        expect(res.body.message).toContain('不能签到取号');
        expect(res.body.message).toContain('倒卖号源');
      });

      it('a second waiting ticket for the same service: the walk-in ticket taken before is named', async () => {
        const { holder, booking } = await booked();
        const walkIn = await post('/api/kiosk/walk-ins', { idNumber: holder.idNumber, serviceId: 'mv-transfer' });
        expect(walkIn.status).toBe(201);
        const res = await checkIn(holder.idNumber, booking.appointmentNo);
        expect(res).toMatchObject({ status: 409, body: { code: 'ticket_already_waiting' } });
        expect(res.body.message).toContain(walkIn.body.ticket.number);
      });
    });

    describe('agents of firms', () => {
      async function agencyBooking(options: Parameters<typeof insertAgency>[2]) {
        const agent = await insertHolder(db(), server.privacy);
        const agency = await insertAgency(db(), agent, options);
        const booking = await insertBookingFor(db(), agent, { date: TODAY, agentId: agency.agentId, firmId: agency.firmId });
        return { agent, agency, booking };
      }

      it('checks in an approved agent with a power of attorney on file, and tells them to show it', async () => {
        const { agent, agency, booking } = await agencyBooking({});
        const res = await checkIn(agent.idNumber, booking.appointmentNo);
        expect(res.status).toBe(201);
        expect(res.body.ticket.presentAttorney).toBe(true);
        const [row] = await db().select().from(agents).where(eq(agents.id, agency.agentId));
        expect(row!.activeBookings).toBe(0);
      });

      it.each([
        ['an agent whose review is pending', { agentStatus: 'pending' as const }],
        ['an agent who was revoked', { agentStatus: 'revoked' as const }],
        ['an approved agent without a power of attorney on file', { attorney: false }],
        ['an approved agent whose power of attorney ran out', { attorneyValidUntil: '2026-11-22' }],
      ])('refuses %s', async (_, options) => {
        const { agent, booking } = await agencyBooking(options);
        const res = await checkIn(agent.idNumber, booking.appointmentNo);
        expect(res).toMatchObject({ status: 403, body: { code: 'attorney_not_approved' } });
        expect(res.body.message).toContain('委托书');
      });
    });

    describe('the green channel by age (70 or over on the day, Beijing time)', () => {
      it('is not green the day before the 70th birthday', async () => {
        const { holder, booking } = await booked({}, '1956-11-24');
        const res = await checkIn(holder.idNumber, booking.appointmentNo);
        expect(res.body.ticket).toMatchObject({ class: 'appointment', green: false, greenReason: null });
      });

      it('is green on the 70th birthday itself', async () => {
        const { holder, booking } = await booked({}, '1956-11-23');
        const res = await checkIn(holder.idNumber, booking.appointmentNo);
        expect(res.body.ticket).toMatchObject({ class: 'green', green: true, greenReason: 'age', peopleAhead: 0 });
      });
    });
  });

  describe('walk-ins', () => {
    it('lists the services with their queues, and issues a walk-in ticket once per ID and service', async () => {
      const options = await get<WalkInOptions>('/api/kiosk/walk-in-options');
      expect(options.body.walkInsAllowed).toBe(true);
      const dl = options.body.services.find((s) => s.id === 'dl-renewal');
      expect(dl).toMatchObject({ prefix: 'B', group: { zh: '驾驶证业务' } });

      const idNumber = idNumberBornOn('1992-03-04');
      const first = await post('/api/kiosk/walk-ins', { idNumber, serviceId: 'dl-renewal' });
      expect(first.status).toBe(201);
      expect(first.body.ticket).toMatchObject({ class: 'walk_in', appointmentNo: null, service: { zh: '驾驶证换证' } });
      expect(first.body.ticket.number).toMatch(/^B\d{3}$/);
      const again = await post('/api/kiosk/walk-ins', { idNumber, serviceId: 'dl-renewal' });
      expect(again).toMatchObject({ status: 200, body: { created: false, ticket: { id: first.body.ticket.id } } });

      const after = await get<WalkInOptions>('/api/kiosk/walk-in-options');
      expect(after.body.services.find((s) => s.id === 'dl-renewal')!.waiting).toBe(dl!.waiting + 1);
    });

    it('numbers each prefix by itself, one after the other', async () => {
      const numbers: string[] = [];
      for (const serviceId of ['violation', 'violation', 'dl-replacement', 'violation']) {
        numbers.push((await post('/api/kiosk/walk-ins', { idNumber: idNumberBornOn('1988-08-08'), serviceId })).body.ticket.number);
      }
      const c = numbers.filter((n) => n.startsWith('C')).map((n) => Number(n.slice(1)));
      expect(c).toEqual([c[0], c[0]! + 1, c[0]! + 2]);
      expect(numbers[2]).toMatch(/^B/);
    });

    it('ranks someone whose appointment window passed today as a late arrival', async () => {
      const { holder } = await booked({ startsAt: '07:30', endsAt: '08:30' });
      const res = await post('/api/kiosk/walk-ins', { idNumber: holder.idNumber, serviceId: 'mv-alteration' });
      expect(res.body.ticket.class).toBe('late');
    });

    it('refuses where the outlet takes no walk-ins, and outside opening hours', async () => {
      const xinjiang = await kioskAt('yt-xinjiang');
      const options = await get<WalkInOptions>('/api/kiosk/walk-in-options', xinjiang);
      expect(options.body).toMatchObject({ walkInsAllowed: false, reason: { zh: expect.stringContaining('不提供现场取号') } });
      const refused = await post('/api/kiosk/walk-ins', { idNumber: idNumberBornOn('1990-02-02'), serviceId: 'ebike-registration' }, xinjiang);
      expect(refused).toMatchObject({ status: 409, body: { code: 'walk_ins_not_allowed' } });

      server.clock.set('2026-11-23T19:30:00+08:00');
      try {
        const evening = await post('/api/kiosk/walk-ins', { idNumber: idNumberBornOn('1990-02-03'), serviceId: 'violation' });
        expect(evening).toMatchObject({ status: 409, body: { code: 'outlet_closed_now' } });
        expect(evening.body.message).toMatch(/\d\d:\d\d–\d\d:\d\d/);
      } finally {
        server.clock.set('2026-11-23T09:00:00+08:00');
      }
    });
  });

  describe('green-channel grants', () => {
    type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

    it('a guide confirms at the kiosk with their code: the ticket turns green, moves to the front, is audited, and the outlet room hears it', async () => {
      const display = connect(server.url, { transports: ['websocket'], reconnection: false, auth: { token: seeded.devices.find((d) => d.kind === 'display')!.token } }) as Client;
      try {
        await new Promise<void>((resolve, reject) => { display.once('connect', resolve); display.once('connect_error', reject); });
        expect(await display.emitWithAck('outlet:join', { outletId: 'yt-dmv' })).toHaveProperty('data');
        const heard: QueueEvent[] = [];
        display.on('queue:event', (event) => heard.push(event));

        const ahead = await post('/api/kiosk/walk-ins', { idNumber: idNumberBornOn('1980-01-01'), serviceId: 'mv-mortgage' });
        const behind = await post('/api/kiosk/walk-ins', { idNumber: idNumberBornOn('1980-01-02'), serviceId: 'mv-mortgage' });
        expect(behind.body.ticket.peopleAhead).toBe(ahead.body.ticket.peopleAhead + 1);

        const wrong = await post<KioskTicket>(`/api/kiosk/tickets/${behind.body.ticket.id}/green`, { staffCode: '000000', reason: 'pregnancy' });
        expect(wrong).toMatchObject({ status: 401, body: { code: 'staff_code_invalid' } });
        const granted = await post<KioskTicket>(`/api/kiosk/tickets/${behind.body.ticket.id}/green`, { staffCode: DEMO_GUIDE_CODE, reason: 'pregnancy' });
        expect(granted).toMatchObject({ status: 200, body: { green: true, greenReason: 'pregnancy', peopleAhead: 0 } });
        const reprint = await get<KioskTicket>(`/api/kiosk/tickets/${ahead.body.ticket.id}`);
        expect(reprint.body.peopleAhead).toBe(ahead.body.ticket.peopleAhead + 1);

        const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'ticket.green_granted'), eq(auditLog.targetId, behind.body.ticket.id)));
        expect(entry).toMatchObject({ actorKind: 'staff', details: { reason: 'pregnancy', via: 'kiosk', number: behind.body.ticket.number } });
        expect(entry!.actorId).toBeTruthy();

        await expect.poll(() => heard.map((e) => `${e.type} ${e.ticket.number}`)).toEqual([
          `issued ${ahead.body.ticket.number}`, `issued ${behind.body.ticket.number}`, `green ${behind.body.ticket.number}`,
        ]);
        expect(heard.at(-1)!.ticket.green).toBe(true);
        expect(heard[1]!.seq).toBeGreaterThan(heard[0]!.seq);
      } finally {
        display.disconnect();
      }
    });

    it('a guide grants from the console; a ticket already called cannot be made green', async () => {
      const guide = await signIn(fetcherFor(server.url), 'guide', '10.6.0.1');
      const walkIn = await post('/api/kiosk/walk-ins', { idNumber: idNumberBornOn('1979-05-05'), serviceId: 'mv-cancellation' });
      const res = await fetch(`${server.url}/api/tickets/${walkIn.body.ticket.id}/green`, {
        method: 'POST', headers: guide.headers, body: JSON.stringify({ reason: 'serviceman', note: '军官证已核验' }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ green: true, greenReason: 'serviceman' });

      const other = await post('/api/kiosk/walk-ins', { idNumber: idNumberBornOn('1979-05-06'), serviceId: 'mv-cancellation' });
      await db().update(tickets).set({ status: 'called' }).where(eq(tickets.id, other.body.ticket.id));
      const late = await fetch(`${server.url}/api/tickets/${other.body.ticket.id}/green`, { method: 'POST', headers: guide.headers, body: JSON.stringify({ reason: 'disability' }) });
      expect(late.status).toBe(409);
      expect(((await late.json()) as { code: string }).code).toBe('ticket_not_waiting');
    });
  });

  it('shows a reprint only of tickets this outlet issued today', async () => {
    const { holder, booking } = await booked({ outletId: 'yt-zhishu', startsAt: '09:00', endsAt: '10:00' });
    const zhishu = await kioskAt('yt-zhishu');
    const issued = await checkIn(holder.idNumber, booking.appointmentNo, zhishu);
    expect(issued.status).toBe(201);
    expect((await get(`/api/kiosk/tickets/${issued.body.ticket.id}`, zhishu)).status).toBe(200);
    expect(await get(`/api/kiosk/tickets/${issued.body.ticket.id}`)).toMatchObject({ status: 404, body: { code: 'ticket_not_found' } });
    const order = await db().select({ number: tickets.number }).from(tickets).where(eq(tickets.outletId, 'yt-zhishu')).orderBy(asc(tickets.seq));
    expect(order.map((t) => t.number)).toEqual(['E001']);
  });
});

