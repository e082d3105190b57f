/**
 * Booking on the H5 API, on PGlite and PostgreSQL: the catalogue and availability, personal and
 * agency bookings with every refusal (code, specific sentence, details), idempotent submits,
 * cancel and reschedule, the voucher (QR decoded back and verified by the kiosk route) and the .ics.
 * The clock stands at Monday 2026-11-23 09:00 (Beijing) unless a test moves it.
 */
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeAll, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../../common/errors.ts';
import { agents, blacklist, bookings, calendarOverrides, citizens, firms, outbox, settings, slots } from '../../db/schema.ts';
import { makeCitizens, newKey, slotRow, slotsOf, type TestCitizen } from '../../test/support/booking.ts';
import { testApp } from '../../test/support/app.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { createVoucherSigner, voucherExpiry } from '../booking/voucher-token.ts';
import { seedDemoData, type SeedResult } from '../demo-data.ts';

const NOW = '2026-11-23T09:00:00+08:00';
const TRANSFER = { serviceId: 'mv-transfer', outletId: 'yt-dmv' };

describeOnDatabases('booking', (ctx) => {
  let built: ReturnType<typeof testApp>;
  let kioskToken: string;
  const fetcher = (path: string, init?: RequestInit) => built.app.request(path, init);
  const people = async (n = 1) => makeCitizens(ctx.database.db, built.privacy, fetcher, n, built.clock.now());
  const person = async () => (await people(1))[0]!;

  beforeAll(async () => {
    const seeded = (await seedDemoData(ctx.database.db)) as SeedResult;
    kioskToken = seeded.devices.find((d) => d.kind === 'kiosk')!.token;
    built = testApp(ctx.database, { now: NOW });
  });

  async function refused(res: Response, code: ErrorCode) {
    const body = (await res.json()) as { code: string; message: string; messageEn: string; details?: Record<string, string> };
    expect(body.code, JSON.stringify(body)).toBe(code);
    expect(res.status).toBe(ERRORS[code].status);
    expect(body.message.length).toBeGreaterThan(0);
    expect(body.messageEn.length).toBeGreaterThan(0);
    return body;
  }

  const book = (who: TestCitizen, slotId: string, over: Record<string, unknown> = {}) =>
    who.request('/api/bookings', { json: { kind: 'personal', ...TRANSFER, slotId, details: { plate: '赣L12345' }, idempotencyKey: newKey(), ...over } });

  async function firstSlot(date = '2026-11-24', index = 0) {
    return (await slotsOf(fetcher, TRANSFER.serviceId, TRANSFER.outletId, date))[index]!;
  }

  const verify = (token: string) => built.app.request('/api/vouchers/verify', {
    method: 'POST', headers: { authorization: `Bearer ${kioskToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ token }),
  });

  it('lists bookable services with their materials and the outlets that handle one', async () => {
    const services = (await (await fetcher('/api/services')).json()) as { services: { id: string; requiredMaterials: unknown[] }[] };
    const ids = services.services.map((s) => s.id);
    expect(ids).toContain('mv-transfer');
    expect(ids).not.toContain('mv-payment'); // a step reached on site only
    expect(services.services.find((s) => s.id === 'mv-transfer')!.requiredMaterials).toHaveLength(4);
    const ebike = (await (await fetcher('/api/services/ebike-registration/outlets')).json()) as { outlets: { id: string; route: { zh: string }; openingHours: Record<string, unknown> }[] };
    expect(ebike.outlets.map((o) => o.id)).toEqual(['yt-dmv', 'yt-gaoxin', 'yt-xinjiang', 'yt-zhishu']);
    expect(ebike.outlets.find((o) => o.id === 'yt-xinjiang')!.route.zh).toContain('向北步行约100米');
    expect((await fetcher('/api/services/nope/outlets')).status).toBe(404);
  });

  it('offers the next 7 working days from tomorrow, with seats, and the weekend between as closed', async () => {
    const res = await fetcher('/api/availability/dates?serviceId=mv-transfer&outletId=yt-dmv');
    const body = (await res.json()) as { dates: { date: string; capacity: number; seatsLeft: number }[]; closedDates: { date: string }[] };
    expect(body.dates.map((d) => d.date)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02']);
    // 08:30–12:00 and 14:00–17:30 in 30-minute slots of 12 people.
    expect(body.dates[0]).toMatchObject({ capacity: 14 * 12 });
    expect(body.closedDates.map((d) => d.date)).toEqual(['2026-11-28', '2026-11-29']);
  });

  it('gives a date\'s slots with seats left, makes them once, and none on a closed day or outside the window', async () => {
    const first = await slotsOf(fetcher, TRANSFER.serviceId, TRANSFER.outletId, '2026-11-26');
    expect(first.map((s) => s.startsAt)).toEqual(['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00']);
    expect(await slotsOf(fetcher, TRANSFER.serviceId, TRANSFER.outletId, '2026-11-26')).toEqual(first);
    const rows = await ctx.database.db.select().from(slots).where(and(eq(slots.outletId, 'yt-dmv'), eq(slots.date, '2026-11-26'), eq(slots.groupId, 'vehicle')));
    expect(rows).toHaveLength(14);
    const saturday = await (await fetcher('/api/availability/slots?serviceId=mv-transfer&outletId=yt-dmv&date=2026-11-28')).json();
    expect(saturday).toMatchObject({ status: 'closed', slots: [], reason: { en: 'Closed at weekends' } });
    const later = await (await fetcher('/api/availability/slots?serviceId=mv-transfer&outletId=yt-dmv&date=2026-12-03')).json();
    expect(later).toMatchObject({ status: 'outside_window', slots: [] });
    const wrong = await fetcher('/api/availability/slots?serviceId=mv-transfer&outletId=yt-gaoxin&date=2026-11-26');
    await refused(wrong, 'service_not_at_outlet');
  });

  it('books a personal slot: a 12-digit number, the seat and the number taken, the confirmation in the outbox', async () => {
    const citizen = await person();
    const slot = await firstSlot();
    const res = await book(citizen, slot.id);
    expect(res.status).toBe(201);
    const booking = (await res.json()) as { id: string; appointmentNo: string; status: string; date: string; startsAt: string; changeableUntil: string };
    expect(booking).toMatchObject({ status: 'active', date: '2026-11-24', startsAt: '08:30', changeableUntil: new Date('2026-11-24T07:30:00+08:00').toISOString() });
    expect(booking.appointmentNo).toMatch(/^\d{12}$/);
    expect((await slotRow(ctx.database.db, slot.id)).booked).toBe(1);
    const [row] = await ctx.database.db.select().from(citizens).where(eq(citizens.id, citizen.id));
    expect(row!.activePersonalBookings).toBe(1);
    const [message] = await ctx.database.db.select().from(outbox).where(eq(outbox.dedupeKey, `booking_confirmed:${booking.id}`));
    expect(message).toMatchObject({ channel: 'wechat', recipient: citizen.openid, template: 'booking_confirmed', status: 'pending' });
    expect(message!.payload).toMatchObject({ appointmentNo: booking.appointmentNo, date: '2026-11-24', startsAt: '08:30' });
  });

  it('answers a retried submit with the same booking (200), and refuses the key reused for another slot', async () => {
    const citizen = await person();
    const slot = await firstSlot('2026-11-24', 1);
    const key = newKey();
    const first = await book(citizen, slot.id, { idempotencyKey: key });
    expect(first.status).toBe(201);
    const again = await book(citizen, slot.id, { idempotencyKey: key });
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe((await first.json()).id);
    expect((await slotRow(ctx.database.db, slot.id)).booked).toBe(1);
    const other = await firstSlot('2026-11-24', 2);
    await refused(await book(citizen, other.id, { idempotencyKey: key }), 'idempotency_key_reused');
  });

  it('keeps one person to one number and says which booking holds it', async () => {
    const citizen = await person();
    const first = (await (await book(citizen, (await firstSlot('2026-11-25')).id)).json()) as { appointmentNo: string };
    const body = await refused(await book(citizen, (await firstSlot('2026-11-26')).id), 'one_active_booking');
    expect(body.message).toContain(first.appointmentNo);
    expect(body.messageEn).toContain(first.appointmentNo);
    expect(body.details).toMatchObject({ appointmentNo: first.appointmentNo, date: '2026-11-25', startsAt: '08:30' });
  });

  it('refuses a full slot', async () => {
    const slot = await firstSlot('2026-11-27', 3);
    await ctx.database.db.update(slots).set({ booked: slot.capacity - 1 }).where(eq(slots.id, slot.id));
    const [a, b] = await people(2);
    expect((await book(a!, slot.id)).status).toBe(201);
    await refused(await book(b!, slot.id), 'slot_full');
    const [row] = await ctx.database.db.select().from(citizens).where(eq(citizens.id, b!.id));
    expect(row!.activePersonalBookings).toBe(0); // the refused booking's number went back with its transaction
  });

  it('refuses a closed day, a local closure, today and the day after the window', async () => {
    const citizen = await person();
    const make = async (date: string) => (await ctx.database.db.insert(slots).values({ outletId: 'yt-dmv', groupId: 'vehicle', date, startsAt: '09:00', endsAt: '09:30', capacity: 5 })
      .onConflictDoNothing().returning())[0] ?? (await ctx.database.db.select().from(slots).where(and(eq(slots.outletId, 'yt-dmv'), eq(slots.groupId, 'vehicle'), eq(slots.date, date), eq(slots.startsAt, '09:00'))))[0]!;
    const saturday = await refused(await book(citizen, (await make('2026-11-28')).id), 'closed_day');
    expect(saturday.message).toContain('2026-11-28');
    await refused(await book(citizen, (await make('2026-11-23')).id), 'outside_window');
    await refused(await book(citizen, (await make('2026-12-03')).id), 'outside_window');

    const slot = await firstSlot('2026-12-01', 5);
    await ctx.database.db.insert(calendarOverrides).values({ outletId: 'yt-dmv', date: '2026-12-01', kind: 'closed', reason: { zh: '设备检修', en: 'Equipment maintenance' } });
    try {
      const closure = await refused(await book(citizen, slot.id), 'closed_day');
      expect(closure.message).toContain('设备检修');
      const window = (await (await fetcher('/api/availability/dates?serviceId=mv-transfer&outletId=yt-dmv')).json()) as { dates: { date: string }[]; closedDates: { date: string; reason: { zh: string } }[] };
      expect(window.dates.map((d) => d.date)).not.toContain('2026-12-01');
      expect(window.dates.at(-1)!.date).toBe('2026-12-03');
      expect(window.closedDates).toContainEqual({ date: '2026-12-01', reason: { zh: '设备检修', en: 'Equipment maintenance' } });
    } finally {
      await ctx.database.db.delete(calendarOverrides).where(eq(calendarOverrides.date, '2026-12-01'));
    }
  });

  it('refuses a slot a closure notice closed, and no longer offers it', async () => {
    const citizen = await person();
    const slot = await firstSlot('2026-11-30', 9);
    await ctx.database.db.update(slots).set({ closed: true }).where(eq(slots.id, slot.id));
    await refused(await book(citizen, slot.id), 'closed_day');
    expect((await slotsOf(fetcher, TRANSFER.serviceId, TRANSFER.outletId, '2026-11-30')).map((s) => s.id)).not.toContain(slot.id);
  });

  it('refuses a service the outlet does not handle', async () => {
    const citizen = await person();
    const slot = await firstSlot();
    await refused(await book(citizen, slot.id, { outletId: 'yt-gaoxin' }), 'validation_failed');
    const ebikeAtPoint = (await slotsOf(fetcher, 'ebike-registration', 'yt-gaoxin', '2026-11-24'))[0]!;
    await refused(await book(citizen, ebikeAtPoint.id, { serviceId: 'mv-transfer', outletId: 'yt-gaoxin' }), 'service_not_at_outlet');
  });

  it('refuses blacklisted ID numbers and phones, saying why and until when; removed and expired entries do not block', async () => {
    const [byId, byPhone, cleared] = await people(3);
    const slot = await firstSlot('2026-11-30');
    const until = new Date('2026-12-31T00:00:00+08:00');
    await ctx.database.db.insert(blacklist).values([
      { kind: 'id_number', valueHash: built.privacy.hash('id_number', byId!.idNumber), display: 'x', source: 'illegal_booking', reason: '以个人名义预约代办业务', expiresAt: until },
      { kind: 'phone', valueHash: built.privacy.hash('phone', byPhone!.phone), display: 'x', source: 'manual', reason: '倒卖号源' },
      { kind: 'phone', valueHash: built.privacy.hash('phone', cleared!.phone), display: 'x', source: 'manual', reason: '误加', removedAt: new Date('2026-11-01T00:00:00Z') },
      { kind: 'id_number', valueHash: built.privacy.hash('id_number', cleared!.idNumber), display: 'x', source: 'manual', reason: '过期', expiresAt: new Date('2026-11-20T00:00:00Z') },
    ]);
    const id = await refused(await book(byId!, slot.id), 'blacklisted');
    expect(id.message).toContain('以个人名义预约代办业务');
    expect(id.message).toContain('2026-12-31 00:00');
    expect(id.details).toEqual({ kind: 'id_number', reason: '以个人名义预约代办业务', until: until.toISOString() });
    const phone = await refused(await book(byPhone!, slot.id), 'blacklisted');
    expect(phone.details).toEqual({ kind: 'phone', reason: '倒卖号源' });
    expect((await book(cleared!, slot.id)).status).toBe(201);
  });

  it('suspends booking after 3 no-shows in 30 days, until 30 days after the third', async () => {
    const citizen = await person();
    const past = await ctx.database.db.insert(slots).values(['2026-11-02', '2026-11-10', '2026-11-20'].map((date) => ({
      outletId: 'yt-dmv', groupId: 'vehicle', date, startsAt: '10:00', endsAt: '10:30', capacity: 12,
    }))).returning();
    await ctx.database.db.insert(bookings).values(past.map((s, i) => ({
      appointmentNo: `90000000000${i}`, kind: 'personal' as const, citizenId: citizen.id, serviceId: 'mv-transfer', outletId: 'yt-dmv',
      slotId: s.id, date: s.date, status: 'no_show' as const, idempotencyKey: `past-${i}`,
    })));
    const body = await refused(await book(citizen, (await firstSlot('2026-11-30', 1)).id), 'suspended_for_no_shows');
    expect(body.message).toContain('2026-12-20');
    expect(body.details).toEqual({ until: new Date('2026-12-20T00:00:00+08:00').toISOString() });
  });

  it('lets an agent book for the firm only once approved, one agent one number, apart from their personal number', async () => {
    const citizen = await person();
    const [firm] = await ctx.database.db.insert(firms).values({ name: '鹰潭市某某二手车经纪有限公司', creditCode: '91360600MA35XXXX0X', status: 'approved' }).returning();
    const [agent] = await ctx.database.db.insert(agents).values({ firmId: firm!.id, citizenId: citizen.id }).returning();
    const slot = await firstSlot('2026-11-30', 2);
    const agency = (over: Record<string, unknown> = {}) => book(citizen, slot.id, { kind: 'agency', agentId: agent!.id, ...over });

    const pending = await refused(await agency(), 'agent_not_approved');
    expect(pending.message).toContain('鹰潭市某某二手车经纪有限公司');
    await refused(await book(citizen, slot.id, { kind: 'agency' }), 'validation_failed');

    await ctx.database.db.update(agents).set({ status: 'approved' }).where(eq(agents.id, agent!.id));
    const res = await agency();
    expect(res.status).toBe(201);
    const booking = (await res.json()) as { kind: string; firm: { name: string } };
    expect(booking).toMatchObject({ kind: 'agency', firm: { name: '鹰潭市某某二手车经纪有限公司' } });
    const [counted] = await ctx.database.db.select().from(agents).where(eq(agents.id, agent!.id));
    expect(counted!.activeBookings).toBe(1);

    await refused(await agency(), 'one_active_booking');
    expect((await book(citizen, slot.id)).status).toBe(201); // the personal number is another one

    await ctx.database.db.insert(blacklist).values({ kind: 'firm', valueHash: firm!.creditCode, display: firm!.name, source: 'illegal_booking', reason: '冒用个人名义' });
    await ctx.database.db.update(agents).set({ activeBookings: 0 }).where(eq(agents.id, agent!.id));
    const blocked = await refused(await agency(), 'blacklisted');
    expect(blocked.details).toMatchObject({ kind: 'firm', reason: '冒用个人名义' });
  });

  it('pauses booking in the maintenance window with Retry-After', async () => {
    const citizen = await person();
    const slot = await firstSlot('2026-12-02');
    await ctx.database.db.insert(settings).values({ key: 'maintenanceWindow', value: { from: '08:30', to: '09:30' } });
    try {
      const res = await book(citizen, slot.id);
      expect(res.headers.get('retry-after')).toBe('1800');
      expect((await refused(res, 'maintenance_window')).message).toContain('09:30');
    } finally {
      await ctx.database.db.delete(settings).where(eq(settings.key, 'maintenanceWindow'));
    }
    expect((await book(citizen, slot.id)).status).toBe(201);
  });

  it('cancels until 60 minutes before the slot, freeing the seat and the number; a second cancel answers the same', async () => {
    const [early, late] = await people(2);
    const slot = await firstSlot('2026-11-24', 4); // 10:30
    const booked = (await (await book(early!, slot.id)).json()) as { id: string };
    const cancelled = await early!.request(`/api/bookings/${booked.id}/cancel`, { json: {} });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ id: booked.id, status: 'cancelled' });
    expect((await slotRow(ctx.database.db, slot.id)).booked).toBe(0);
    const [row] = await ctx.database.db.select().from(citizens).where(eq(citizens.id, early!.id));
    expect(row!.activePersonalBookings).toBe(0);
    expect((await early!.request(`/api/bookings/${booked.id}/cancel`, { json: {} })).status).toBe(200);
    expect((await slotRow(ctx.database.db, slot.id)).booked).toBe(0);

    const other = (await (await book(late!, slot.id)).json()) as { id: string };
    expect((await early!.request(`/api/bookings/${other.id}/cancel`, { json: {} })).status).toBe(404);
    built.clock.set('2026-11-24T09:30:00+08:00');
    try {
      await refused(await late!.request(`/api/bookings/${other.id}/cancel`, { json: {} }), 'cancel_deadline_passed');
    } finally {
      built.clock.set(NOW);
    }
  });

  it('reschedules with the rules of booking: the old one cancelled, the seat moved, a new number, the holder still one', async () => {
    const citizen = await person();
    const from = await firstSlot('2026-11-25', 6);
    const to = await firstSlot('2026-11-26', 6);
    const old = (await (await book(citizen, from.id)).json()) as { id: string; appointmentNo: string };
    const key = newKey();
    const res = await citizen.request(`/api/bookings/${old.id}/reschedule`, { json: { slotId: to.id, idempotencyKey: key } });
    expect(res.status).toBe(201);
    const moved = (await res.json()) as { id: string; appointmentNo: string; rescheduledFrom: string; date: string };
    expect(moved).toMatchObject({ rescheduledFrom: old.id, date: '2026-11-26' });
    expect(moved.appointmentNo).not.toBe(old.appointmentNo);
    expect((await slotRow(ctx.database.db, from.id)).booked).toBe(0);
    expect((await slotRow(ctx.database.db, to.id)).booked).toBe(1);
    const [row] = await ctx.database.db.select().from(citizens).where(eq(citizens.id, citizen.id));
    expect(row!.activePersonalBookings).toBe(1);
    const again = await citizen.request(`/api/bookings/${old.id}/reschedule`, { json: { slotId: to.id, idempotencyKey: key } });
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(moved.id);
    await refused(await citizen.request(`/api/bookings/${old.id}/reschedule`, { json: { slotId: from.id, idempotencyKey: newKey() } }), 'booking_not_active');
    const list = (await (await citizen.request('/api/bookings')).json()) as { bookings: { id: string; status: string }[] };
    expect(list.bookings.map((b) => [b.id, b.status]).sort()).toEqual([[moved.id, 'active'], [old.id, 'cancelled']].sort());
  });

  it('shows the voucher with a QR code that decodes to a token the kiosk route verifies', async () => {
    const citizen = await person();
    const slot = await firstSlot('2026-11-27', 8);
    const booked = (await (await book(citizen, slot.id)).json()) as { id: string; appointmentNo: string };
    const res = await citizen.request(`/api/bookings/${booked.id}`);
    expect(res.status).toBe(200);
    const voucher = (await res.json()) as {
      appointmentNo: string; materials: unknown[]; present: { en: string }[]; outletRoute: { zh: string }; details: Record<string, string>;
      qr: { token: string; dataUrl: string; expiresAt: string };
    };
    expect(voucher.materials).toHaveLength(4);
    expect(voucher.present.map((p) => p.en).join(' ')).toContain('own resident ID card');
    expect(voucher.details).toEqual({ plate: '赣L12345' });
    expect(voucher.qr.expiresAt).toBe(voucherExpiry('2026-11-27').toISOString());

    const png = PNG.sync.read(Buffer.from(voucher.qr.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
    expect(decoded?.data).toBe(voucher.qr.token);

    const verified = await verify(decoded!.data);
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ booking: { id: booked.id, appointmentNo: booked.appointmentNo, outletId: 'yt-dmv', date: '2026-11-27', holderName: expect.stringMatching(/^预\*+试$/) } });
    // Only the owner sees a voucher.
    const stranger = await person();
    expect((await stranger.request(`/api/bookings/${booked.id}`)).status).toBe(404);
  });

  it('refuses forged, altered, expired and cancelled vouchers, each with its own code', async () => {
    const citizen = await person();
    const slot = await firstSlot('2026-11-24', 9);
    const booked = (await (await book(citizen, slot.id)).json()) as { id: string; appointmentNo: string };
    const { qr } = (await (await citizen.request(`/api/bookings/${booked.id}`)).json()) as { qr: { token: string } };

    const forged = createVoucherSigner(Buffer.alloc(32, 7)).sign({ bookingId: booked.id, appointmentNo: booked.appointmentNo, expiresAt: voucherExpiry('2026-11-24') });
    await refused(await verify(forged), 'voucher_forged');
    await refused(await verify('not a token'), 'voucher_forged');
    const altered = qr.token.replace(/\.(\d+)\.([^.]+)$/, (_, exp: string, mac: string) => `.${Number(exp) + 7 * 86_400}.${mac}`);
    await refused(await verify(altered), 'voucher_altered');

    built.clock.set('2026-11-25T00:00:00+08:00');
    try {
      await refused(await verify(qr.token), 'voucher_expired');
    } finally {
      built.clock.set(NOW);
    }
    expect((await verify(qr.token)).status).toBe(200);
    await ctx.database.db.update(bookings).set({ status: 'checked_in' }).where(eq(bookings.id, booked.id));
    await refused(await verify(qr.token), 'voucher_used');
    await ctx.database.db.update(bookings).set({ status: 'no_show' }).where(eq(bookings.id, booked.id));
    await refused(await verify(qr.token), 'voucher_expired');
    await ctx.database.db.update(bookings).set({ status: 'active' }).where(eq(bookings.id, booked.id));
    expect((await citizen.request(`/api/bookings/${booked.id}/cancel`, { json: {} })).status).toBe(200);
    await refused(await verify(qr.token), 'voucher_cancelled');
  });

  it('gives an .ics that parses to the slot in Asia/Shanghai at the outlet\'s address', async () => {
    const citizen = await person();
    const slot = await firstSlot('2026-11-25', 7); // 14:00
    const booked = (await (await book(citizen, slot.id)).json()) as { id: string; appointmentNo: string };
    const res = await citizen.request(`/api/bookings/${booked.id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    ICAL.TimezoneService.register(new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date('2026-11-25T14:00:00+08:00').toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(new Date('2026-11-25T14:30:00+08:00').toISOString());
    expect(event.location).toContain('鹰潭市交警支队车辆管理所');
    expect(event.summary).toContain(booked.appointmentNo);
    expect(event.description).toContain('机动车登记证书');
  });
});
