/**
 * The administration API as the staff console uses it: each area's happy path and refusals, the
 * preview of a change that affects bookings (counting real bookings, saving nothing), the save
 * repeating that count, an audit row for every change, who may do what, and people only ever masked.
 * The test clock stands at Monday 2026-11-23 09:00 in Beijing.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AdminCounter, AdminOutlet, AdminService, AuditPage, BlacklistEntryView, BlacklistList, CalendarMonth, CapacityChanged,
  OutletChanged, OverrideRemoved, OverridesAdded, ServiceChanged, SettingsChanged, SettingView, StaffAccount, SuspensionList,
} from '../../common/admin.ts';
import { creditCheckChar } from '../../common/credit-code.ts';
import {
  auditLog, blacklist, bookings, calendarOverrides, capacityPlans, citizens, counters, outletServices, outlets, settings, slots, staff, tickets,
} from '../../db/schema.ts';
import { testApp } from '../../test/support/app.ts';
import { idNumberBornOn, insertBookingFor, insertHolder } from '../../test/support/check-in.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { fetcherFor, signIn, signInRequest, type StaffSession } from '../../test/support/sign-in.ts';
import { DEMO_GUIDE_CODE, seedDemoData } from '../demo-data.ts';

type Reply<T> = { status: number; body: T & { code?: string; fields?: Record<string, string>; details?: Record<string, string> }; text: string };

describeOnDatabases('the administration API', (ctx) => {
  let built: ReturnType<typeof testApp>;
  let admin: StaffSession;
  let supervisor: StaffSession;
  let clerk: StaffSession;
  const db = () => ctx.database.db;

  beforeAll(async () => {
    await seedDemoData(ctx.database.db);
    built = testApp(ctx.database);
    admin = await signIn(fetcherFor(built.app), 'admin', '10.8.0.1');
    supervisor = await signIn(fetcherFor(built.app), 'supervisor', '10.8.0.2');
    clerk = await signIn(fetcherFor(built.app), 'clerk', '10.8.0.3');
  });

  async function call<T>(who: StaffSession, method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const res = await built.app.request(path, { method, headers: who.headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as Reply<T>['body'], text };
  }
  const auditActions = async (targetId: string) =>
    (await db().select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(auditLog.id));
  const auditCount = async () => (await db().select({ id: auditLog.id }).from(auditLog)).length;

  /** A holder with an active booking; at the office for a vehicle service unless told otherwise. */
  async function booked(booking: Parameters<typeof insertBookingFor>[2]) {
    const holder = await insertHolder(db(), built.privacy);
    return { holder, booking: await insertBookingFor(db(), holder, booking) };
  }

  describe('outlets', () => {
    it('lists every outlet with its hours, walk-ins and services, for administrators only', async () => {
      const res = await call<{ outlets: AdminOutlet[] }>(admin, 'GET', '/api/admin/outlets');
      expect(res.status).toBe(200);
      const xinjiang = res.body.outlets.find((o) => o.id === 'yt-xinjiang')!;
      expect(xinjiang).toMatchObject({ walkInsAllowed: false, active: true, serviceIds: ['ebike-registration'] });
      expect(xinjiang.openingHours['1']).toEqual([{ open: '09:00', close: '12:00' }, { open: '14:30', close: '17:00' }]);
      expect((await call(supervisor, 'GET', '/api/admin/outlets')).status).toBe(403);
      expect((await call(clerk, 'GET', '/api/admin/outlets')).status).toBe(403);
    });

    it('previews shorter hours with the bookings they spoil and saves nothing; the save repeats the count and closes those slots', async () => {
      const afternoon = await booked({ outletId: 'yt-gaoxin', date: '2026-11-24', startsAt: '16:00', endsAt: '16:30' });
      await booked({ outletId: 'yt-gaoxin', date: '2026-11-24', startsAt: '09:30', endsAt: '10:00' });
      const mornings = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ open: '09:00', close: '12:00' }]]));
      const audits = await auditCount();

      const preview = await call<OutletChanged>(admin, 'PATCH', '/api/admin/outlets/yt-gaoxin?dryRun=true', { openingHours: mornings });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ dryRun: true, slotsClosed: 1, impact: { affectedBookings: 1, suggestedNotice: { kind: 'hours_change', outletId: 'yt-gaoxin', effectiveFrom: '2026-11-24' } } });
      expect(preview.body.impact.examples).toEqual([expect.objectContaining({ appointmentNo: afternoon.booking.appointmentNo, date: '2026-11-24', startsAt: '16:00', endsAt: '16:30' })]);
      expect(preview.body.impact.advice.map((a) => a.en).join(' ')).toMatch(/None is cancelled.*opening-hours notice/);
      const [unchanged] = await db().select().from(outlets).where(eq(outlets.id, 'yt-gaoxin'));
      expect(unchanged!.openingHours['2']).toHaveLength(2);
      expect(await auditCount()).toBe(audits);

      const saved = await call<OutletChanged>(admin, 'PATCH', '/api/admin/outlets/yt-gaoxin', { openingHours: mornings, walkInsAllowed: false, phone: '0701-6221234' });
      expect(saved.body).toMatchObject({ dryRun: false, slotsClosed: 1, outlet: { walkInsAllowed: false, phone: '0701-6221234' }, impact: { affectedBookings: 1 } });
      expect(saved.body.outlet.openingHours['2']).toEqual([{ open: '09:00', close: '12:00' }]);
      const [still] = await db().select({ status: bookings.status, closed: slots.closed }).from(bookings).innerJoin(slots, eq(slots.id, bookings.slotId))
        .where(eq(bookings.id, afternoon.booking.id));
      expect(still).toEqual({ status: 'active', closed: true });
      const [entry] = await auditActions('yt-gaoxin');
      expect(entry).toMatchObject({ action: 'outlet.updated', details: { affectedBookings: 1, slotsClosed: 1, walkInsAllowed: false } });
    });

    it('counts every booking ahead when an outlet is taken out of service', async () => {
      await booked({ outletId: 'yt-xinjiang', date: '2026-11-25', startsAt: '09:00', endsAt: '09:30' });
      const res = await call<OutletChanged>(admin, 'PATCH', '/api/admin/outlets/yt-xinjiang?dryRun=true', { active: false });
      expect(res.body).toMatchObject({ dryRun: true, outlet: { active: false }, impact: { affectedBookings: 1, suggestedNotice: { kind: 'info', outletId: 'yt-xinjiang' } } });
      const [row] = await db().select({ active: outlets.active }).from(outlets).where(eq(outlets.id, 'yt-xinjiang'));
      expect(row!.active).toBe(true);
    });

    it('refuses hours that overlap, close before they open or are not HH:MM, naming the period', async () => {
      const overlap = await call(admin, 'PATCH', '/api/admin/outlets/yt-dmv', { openingHours: { '1': [{ open: '08:30', close: '12:00' }, { open: '11:00', close: '17:00' }], '2': [{ open: '12:00', close: '08:00' }] } });
      expect(overlap.status).toBe(400);
      expect(overlap.body).toMatchObject({ code: 'validation_failed', fields: { 'openingHours.1.1': 'overlaps', 'openingHours.2.0': 'close_before_open' } });
      expect((await call(admin, 'PATCH', '/api/admin/outlets/yt-dmv', { openingHours: { '1': [{ open: '8:30', close: '12:00' }] } })).status).toBe(400);
      expect((await call(admin, 'PATCH', '/api/admin/outlets/yt-dmv', { openingHours: { '8': [] } })).status).toBe(400);
      expect((await call(admin, 'PATCH', '/api/admin/outlets/nowhere', { walkInsAllowed: true })).status).toBe(404);
    });
  });

  describe('services', () => {
    it('lists services with group, prefix, steps, materials and outlets', async () => {
      const res = await call<{ services: AdminService[] }>(admin, 'GET', '/api/admin/services');
      const registration = res.body.services.find((s) => s.id === 'mv-registration')!;
      expect(registration).toMatchObject({ prefix: 'A', steps: ['mv-inspection', 'mv-acceptance', 'mv-payment', 'mv-issuing'], outletIds: ['yt-dmv'], bookable: true });
      expect(res.body.services.find((s) => s.id === 'ebike-registration')!.outletIds).toEqual(['yt-dmv', 'yt-gaoxin', 'yt-xinjiang', 'yt-zhishu']);
    });

    it('previews taking a service away from an outlet with the bookings made there, and saves with the same count', async () => {
      const there = await booked({ outletId: 'yt-zhishu', date: '2026-11-25', startsAt: '09:00', endsAt: '09:30' });
      const others = ['yt-dmv', 'yt-gaoxin', 'yt-xinjiang'];
      const preview = await call<ServiceChanged>(admin, 'PATCH', '/api/admin/services/ebike-registration?dryRun=true', { outletIds: others });
      expect(preview.body).toMatchObject({ dryRun: true, service: { outletIds: others }, impact: { affectedBookings: 1, examples: [{ appointmentNo: there.booking.appointmentNo, outletId: 'yt-zhishu' }] } });
      expect(await db().select().from(outletServices).where(and(eq(outletServices.outletId, 'yt-zhishu'), eq(outletServices.serviceId, 'ebike-registration')))).toHaveLength(1);

      const saved = await call<ServiceChanged>(admin, 'PATCH', '/api/admin/services/ebike-registration', {
        outletIds: others, averageMinutes: 9, requiredMaterials: [{ zh: '本人居民身份证原件', en: 'ID card' }, { zh: '购车发票', en: '' }],
      });
      expect(saved.body).toMatchObject({ dryRun: false, service: { averageMinutes: 9, outletIds: others }, impact: { affectedBookings: 1 } });
      expect(saved.body.service.requiredMaterials).toHaveLength(2);
      expect(await db().select().from(outletServices).where(and(eq(outletServices.outletId, 'yt-zhishu'), eq(outletServices.serviceId, 'ebike-registration')))).toHaveLength(0);
      const [entry] = await auditActions('ebike-registration');
      expect(entry).toMatchObject({ action: 'service.updated', details: { outletsRemoved: ['yt-zhishu'], outletsAdded: [], affectedBookings: 1 } });
      const [booking] = await db().select({ status: bookings.status }).from(bookings).where(eq(bookings.id, there.booking.id));
      expect(booking!.status).toBe('active');
    });

    it('replaces a journey\'s steps, and refuses steps that are unknown, repeated or journeys themselves', async () => {
      const steps = ['mv-inspection', 'mv-acceptance', 'mv-issuing'];
      const ok = await call<ServiceChanged>(admin, 'PATCH', '/api/admin/services/mv-registration', { steps });
      expect(ok.status).toBe(200);
      expect(ok.body.service.steps).toEqual(steps);
      const bad = await call(admin, 'PATCH', '/api/admin/services/mv-registration', { steps: ['mv-inspection', 'mv-inspection', 'nope', 'mv-registration'] });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'service_steps_invalid', fields: { 'steps.1': 'duplicate', 'steps.2': 'not_found', 'steps.3': 'self' } });
      const nested = await call(admin, 'PATCH', '/api/admin/services/mv-inspection', { steps: ['mv-payment'] });
      expect(nested.body).toMatchObject({ code: 'service_steps_invalid', fields: { steps: 'service_is_a_step' } });
      expect((await call(admin, 'PATCH', '/api/admin/services/mv-transfer', { averageMinutes: 0 })).status).toBe(400);
    });

    it('adds service groups with a unique prefix letter and renames them', async () => {
      const created = await call(admin, 'POST', '/api/admin/service-groups', { id: 'plates', prefix: 'P', name: { zh: '号牌业务', en: 'Plates' } });
      expect(created.status).toBe(201);
      const taken = await call(admin, 'POST', '/api/admin/service-groups', { id: 'other', prefix: 'A', name: { zh: '其他', en: 'Other' } });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('service_group_prefix_taken');
      expect((await call(admin, 'POST', '/api/admin/service-groups', { id: 'plates', prefix: 'Q', name: { zh: '号牌', en: '' } })).body.code).toBe('service_group_id_taken');
      expect((await call(admin, 'POST', '/api/admin/service-groups', { id: 'lower', prefix: 'q', name: { zh: '小写', en: '' } })).status).toBe(400);
      const renamed = await call(admin, 'PATCH', '/api/admin/service-groups/plates', { prefix: 'Q', name: { zh: '号牌预选', en: 'Plate choice' } });
      expect(renamed.body).toMatchObject({ id: 'plates', prefix: 'Q', name: { zh: '号牌预选' } });
      expect((await auditActions('plates')).map((a) => a.action)).toEqual(['service_group.created', 'service_group.updated']);
    });
  });

  describe('capacity', () => {
    it('previews lowering a group\'s seats below the bookings a made slot holds, then saves: the slot keeps its bookings and takes nobody else', async () => {
      const date = '2026-11-26';
      const made = [];
      for (let i = 0; i < 3; i++) made.push(await booked({ date, startsAt: '09:00', endsAt: '09:30', groupId: 'licence', serviceId: 'dl-renewal' }));
      const [slot] = await db().update(slots).set({ booked: 3, capacity: 8 })
        .where(and(eq(slots.outletId, 'yt-dmv'), eq(slots.groupId, 'licence'), eq(slots.date, date))).returning();

      const list = await call<{ plans: { outletId: string; groupId: string; capacity: number }[] }>(admin, 'GET', '/api/admin/capacity?outletId=yt-dmv');
      expect(list.body.plans).toContainEqual({ outletId: 'yt-dmv', groupId: 'licence', slotMinutes: 30, capacity: 8 });

      const preview = await call<CapacityChanged>(admin, 'PUT', '/api/admin/capacity/yt-dmv/licence?dryRun=true', { slotMinutes: 30, capacity: 2 });
      expect(preview.body).toMatchObject({ dryRun: true, plan: { capacity: 2 }, slotsUpdated: 1, impact: { affectedBookings: 1 } });
      // The latest booking is the one beyond capacity.
      expect(preview.body.impact.examples.map((e) => e.appointmentNo)).toEqual([made[2]!.booking.appointmentNo]);
      const [plan] = await db().select().from(capacityPlans).where(and(eq(capacityPlans.outletId, 'yt-dmv'), eq(capacityPlans.groupId, 'licence')));
      expect(plan!.capacity).toBe(8);

      const saved = await call<CapacityChanged>(admin, 'PUT', '/api/admin/capacity/yt-dmv/licence', { slotMinutes: 30, capacity: 2 });
      expect(saved.body).toMatchObject({ dryRun: false, slotsUpdated: 1, impact: { affectedBookings: 1 } });
      const [after] = await db().select().from(slots).where(eq(slots.id, slot!.id));
      expect(after).toMatchObject({ capacity: 3, booked: 3 });
      expect((await auditActions('yt-dmv/licence'))[0]).toMatchObject({ action: 'capacity.updated', details: { from: { capacity: 8 }, to: { capacity: 2 }, affectedBookings: 1 } });

      const longer = await call<CapacityChanged>(admin, 'PUT', '/api/admin/capacity/yt-dmv/licence?dryRun=true', { slotMinutes: 60, capacity: 10 });
      expect(longer.body).toMatchObject({ slotsUpdated: 0, impact: { affectedBookings: 0 } });
      expect(longer.body.impact.advice[0]!.en).toMatch(/keep their slot length/);
      expect((await call(admin, 'PUT', '/api/admin/capacity/yt-dmv/nope', { slotMinutes: 30, capacity: 2 })).status).toBe(404);
      expect((await call(admin, 'PUT', '/api/admin/capacity/yt-dmv/licence', { slotMinutes: 0, capacity: 2 })).status).toBe(400);
    });
  });

  describe('calendar', () => {
    it('shows a month with official holidays and make-up days', async () => {
      const res = await call<CalendarMonth>(admin, 'GET', '/api/admin/calendar/yt-dmv?month=2026-10');
      const days = new Map(res.body.days.map((d) => [d.date, d]));
      expect(res.body.days).toHaveLength(31);
      expect(days.get('2026-10-01')).toMatchObject({ official: { kind: 'holiday', name: { zh: '国庆节' } }, open: false });
      expect(days.get('2026-10-10')).toMatchObject({ official: { kind: 'makeup' }, open: true, hours: [{ open: '08:30', close: '12:00' }, { open: '14:00', close: '17:30' }] });
      expect((await call(admin, 'GET', '/api/admin/calendar/yt-dmv?month=2026-13')).status).toBe(400);
      expect((await call(admin, 'GET', '/api/admin/calendar/nowhere?month=2026-10')).status).toBe(404);
    });

    it('previews a local closure with the bookings that day and the notice to publish; saves it; removing it reopens the day', async () => {
      const day = '2026-11-27';
      const { booking } = await booked({ date: day, startsAt: '10:00', endsAt: '10:30' });
      const closure = { outletId: 'yt-dmv', from: day, kind: 'closed', reason: { zh: '停电检修', en: 'Power maintenance' } };
      const preview = await call<OverridesAdded>(admin, 'POST', '/api/admin/calendar/overrides?dryRun=true', closure);
      expect(preview.body).toMatchObject({
        dryRun: true, overrides: [{ date: day, kind: 'closed' }],
        impact: { affectedBookings: 1, examples: [{ appointmentNo: booking.appointmentNo }], suggestedNotice: { kind: 'closure', outletId: 'yt-dmv', effectiveFrom: day, effectiveTo: day } },
      });
      expect(preview.body.impact.advice.map((a) => a.zh).join('')).toContain('闭馆通知');
      expect(await db().select().from(calendarOverrides).where(eq(calendarOverrides.date, day))).toHaveLength(0);

      const saved = await call<OverridesAdded>(admin, 'POST', '/api/admin/calendar/overrides', closure);
      expect(saved.body).toMatchObject({ dryRun: false, impact: { affectedBookings: 1 } });
      const month = await call<CalendarMonth>(admin, 'GET', '/api/admin/calendar/yt-dmv?month=2026-11');
      expect(month.body.days.find((d) => d.date === day)).toMatchObject({ open: false, closedReason: { zh: '停电检修' }, activeBookings: 1, overrides: [{ kind: 'closed' }] });
      expect((await db().select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(eq(auditLog.action, 'calendar.overrides_set')))[0]!.details)
        .toMatchObject({ from: day, to: day, kind: 'closed', affectedBookings: 1 });

      // A notice closed that day's slot meanwhile; taking the closure away opens it again.
      await db().update(slots).set({ closed: true }).where(and(eq(slots.outletId, 'yt-dmv'), eq(slots.date, day)));
      const id = saved.body.overrides[0]!.id;
      const removed = await call<OverrideRemoved>(admin, 'DELETE', `/api/admin/calendar/overrides/${id}`);
      expect(removed.body).toMatchObject({ dryRun: false, removed: { id, date: day }, slotsReopened: 1, impact: { affectedBookings: 0 } });
      expect((await auditActions(id)).map((a) => a.action)).toEqual(['calendar.override_removed']);
      expect((await call(admin, 'DELETE', `/api/admin/calendar/overrides/${id}`)).status).toBe(404);
    });

    it('counts the bookings of an extra open day when it is taken away, and closes days for every outlet', async () => {
      const saturday = '2026-11-28';
      const opened = await call<OverridesAdded>(admin, 'POST', '/api/admin/calendar/overrides', { outletId: null, from: saturday, kind: 'open', reason: { zh: '周六加班', en: 'Saturday clinic' } });
      expect(opened.body.impact.affectedBookings).toBe(0);
      await booked({ date: saturday, startsAt: '09:00', endsAt: '09:30' });
      await booked({ outletId: 'yt-zhishu', date: saturday, startsAt: '09:00', endsAt: '09:30' });
      const id = opened.body.overrides[0]!.id;
      const preview = await call<OverrideRemoved>(admin, 'DELETE', `/api/admin/calendar/overrides/${id}?dryRun=true`);
      expect(preview.body).toMatchObject({ dryRun: true, impact: { affectedBookings: 2, suggestedNotice: { kind: 'closure', outletId: null } } });
      expect(await db().select().from(calendarOverrides).where(eq(calendarOverrides.id, id))).toHaveLength(1);
    });

    it('refuses a closure in the past, a span backwards or too long, and an unknown outlet', async () => {
      const reason = { zh: '原因', en: '' };
      const past = await call(admin, 'POST', '/api/admin/calendar/overrides', { outletId: 'yt-dmv', from: '2026-11-20', kind: 'closed', reason });
      expect(past.body).toMatchObject({ code: 'validation_failed', fields: { from: 'in_past' } });
      expect((await call(admin, 'POST', '/api/admin/calendar/overrides', { outletId: 'yt-dmv', from: '2026-12-10', to: '2026-12-01', kind: 'closed', reason })).body.fields).toEqual({ to: 'before_from' });
      expect((await call(admin, 'POST', '/api/admin/calendar/overrides', { outletId: 'yt-dmv', from: '2026-12-01', to: '2027-03-01', kind: 'closed', reason })).body.fields).toEqual({ to: 'range_too_long' });
      expect((await call(admin, 'POST', '/api/admin/calendar/overrides', { outletId: 'nowhere', from: '2026-12-01', kind: 'closed', reason })).body.fields).toEqual({ outletId: 'not_found' });
      expect((await call(admin, 'POST', '/api/admin/calendar/overrides', { outletId: 'yt-dmv', from: '2026-12-01', kind: 'closed', reason: { zh: ' ', en: '' } })).status).toBe(400);
      expect((await call(admin, 'POST', '/api/admin/calendar/overrides', { outletId: 'yt-dmv', from: '2026-02-30', kind: 'closed', reason })).body.fields).toEqual({ from: 'custom' });
    });
  });

  describe('counters', () => {
    it('creates, renumbers and re-serves counters; numbers are unique per outlet and services must be offered there', async () => {
      const created = await call<AdminCounter>(admin, 'POST', '/api/admin/counters', { outletId: 'yt-dmv', number: 9, name: { zh: '9号窗口', en: 'Counter 9' }, serviceIds: ['violation'] });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ number: 9, status: 'closed', serviceIds: ['violation'], active: true, ticketInHand: null });
      expect((await call(admin, 'POST', '/api/admin/counters', { outletId: 'yt-dmv', number: 9, name: { zh: '重复', en: '' }, serviceIds: [] })).body.code).toBe('counter_number_taken');
      const elsewhere = await call(admin, 'POST', '/api/admin/counters', { outletId: 'yt-gaoxin', number: 2, name: { zh: '2号窗口', en: '' }, serviceIds: ['violation'] });
      expect(elsewhere.body).toMatchObject({ code: 'validation_failed', fields: { 'serviceIds.0': 'not_offered_here' } });

      const updated = await call<AdminCounter>(admin, 'PATCH', `/api/admin/counters/${created.body.id}`, { number: 10, serviceIds: ['violation', 'dl-renewal'] });
      expect(updated.body).toMatchObject({ number: 10, serviceIds: ['dl-renewal', 'violation'] });
      expect((await call(admin, 'PATCH', `/api/admin/counters/${created.body.id}`, { number: 1 })).body.code).toBe('counter_number_taken');
      const listed = await call<{ counters: AdminCounter[] }>(admin, 'GET', '/api/admin/counters?outletId=yt-dmv');
      expect(listed.body.counters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10]);
      expect((await auditActions(created.body.id)).map((a) => a.action)).toEqual(['counter.created', 'counter.updated']);
    });

    it('deactivates a counter only when no ticket is in hand there', async () => {
      const [counter] = await db().select().from(counters).where(and(eq(counters.outletId, 'yt-dmv'), eq(counters.number, 8)));
      const [ticket] = await db().insert(tickets).values({
        outletId: 'yt-dmv', serviceDate: '2026-11-23', prefix: 'C', seq: 901, number: 'C901', journeyServiceId: 'violation', serviceId: 'violation',
        class: 'walk_in', status: 'called', queuedAt: new Date(), counterId: counter!.id, followToken: randomBytes(18).toString('base64url'),
      }).returning();
      const busy = await call(admin, 'POST', `/api/admin/counters/${counter!.id}/deactivate`);
      expect(busy.status).toBe(409);
      expect(busy.body).toMatchObject({ code: 'counter_busy', details: { ticket: 'C901' } });

      await db().update(tickets).set({ status: 'finished' }).where(eq(tickets.id, ticket!.id));
      const done = await call<AdminCounter>(admin, 'POST', `/api/admin/counters/${counter!.id}/deactivate`);
      expect(done.body).toMatchObject({ status: 'closed', staffId: null, serviceIds: [], active: false });
      expect((await auditActions(counter!.id)).map((a) => a.action)).toEqual(['counter.deactivated']);
    });
  });

  describe('staff', () => {
    it('creates a guide with a staff code, shows no hash, and the new account signs in', async () => {
      const res = await call<StaffAccount>(admin, 'POST', '/api/admin/staff', {
        username: 'guide2', displayName: '引导员二', role: 'guide', outletIds: ['yt-dmv'], password: 'a-long-initial-pass', staffCode: '135790',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ username: 'guide2', role: 'guide', outletIds: ['yt-dmv'], active: true, hasStaffCode: true });
      expect(res.text).not.toMatch(/scrypt|passwordHash|staffCodeHash|135790/);
      const listed = await call<{ staff: StaffAccount[] }>(admin, 'GET', '/api/admin/staff');
      expect(listed.text).not.toMatch(/scrypt|Hash/);
      expect(listed.body.staff.map((s) => s.username)).toContain('guide2');
      expect((await signInRequest(fetcherFor(built.app), 'guide2', 'a-long-initial-pass', '10.8.1.1')).status).toBe(200);
      expect((await auditActions(res.body.id))[0]).toMatchObject({ action: 'staff.created', details: { username: 'guide2', role: 'guide', staffCode: true } });
    });

    it('refuses a taken user name, a short password, a code at the same outlet or for a clerk, and an unknown outlet', async () => {
      const base = { displayName: '新人', role: 'guide', outletIds: ['yt-dmv'], password: 'a-long-initial-pass' };
      expect((await call(admin, 'POST', '/api/admin/staff', { ...base, username: 'clerk' })).body.code).toBe('staff_username_taken');
      expect((await call(admin, 'POST', '/api/admin/staff', { ...base, username: 'short', password: 'short' })).body).toMatchObject({ code: 'validation_failed', fields: { password: 'too_small' } });
      expect((await call(admin, 'POST', '/api/admin/staff', { ...base, username: 'samecode', staffCode: DEMO_GUIDE_CODE })).body.code).toBe('staff_code_in_use');
      expect((await call(admin, 'POST', '/api/admin/staff', { ...base, username: 'clerkcode', role: 'clerk', staffCode: '975310' })).body.code).toBe('staff_code_role');
      expect((await call(admin, 'POST', '/api/admin/staff', { ...base, username: 'lost', outletIds: ['nowhere'] })).body.fields).toEqual({ 'outletIds.0': 'not_found' });
    });

    it('keeps the last active administrator: no self-demotion or deactivation, but one admin of two may step down', async () => {
      const me = await call<{ id: string }>(admin, 'GET', '/api/staff/me');
      const demote = await call(admin, 'PATCH', `/api/admin/staff/${me.body.id}`, { role: 'supervisor' });
      expect(demote.status).toBe(409);
      expect(demote.body.code).toBe('last_admin');
      expect((await call(admin, 'PATCH', `/api/admin/staff/${me.body.id}`, { active: false })).body.code).toBe('last_admin');

      const second = await call<StaffAccount>(admin, 'POST', '/api/admin/staff', { username: 'admin2', displayName: '副管理员', role: 'admin', outletIds: [], password: 'another-long-pass' });
      const session = await signIn(fetcherFor(built.app), 'admin', '10.8.1.2');
      const stepDown = await call<StaffAccount>(session, 'PATCH', `/api/admin/staff/${second.body.id}`, { role: 'clerk', outletIds: ['yt-dmv'] });
      expect(stepDown.body).toMatchObject({ role: 'clerk', outletIds: ['yt-dmv'] });
      expect((await auditActions(second.body.id)).map((a) => a.action)).toEqual(['staff.created', 'staff.updated']);
    });

    it('deactivating an account ends its sessions; a reset password unlocks and replaces the old one', async () => {
      const created = await call<StaffAccount>(admin, 'POST', '/api/admin/staff', { username: 'temp', displayName: '临时', role: 'clerk', outletIds: ['yt-dmv'], password: 'first-password-1' });
      const own = await signInRequest(fetcherFor(built.app), 'temp', 'first-password-1', '10.8.1.4');
      const cookie = own.headers.get('set-cookie')!.split(';')[0]!;
      expect((await built.app.request('/api/staff/me', { headers: { cookie } })).status).toBe(200);

      await db().update(staff).set({ failedLogins: 5, lockedUntil: new Date('2026-11-23T02:00:00Z') }).where(eq(staff.id, created.body.id));
      const reset = await call<StaffAccount>(admin, 'POST', `/api/admin/staff/${created.body.id}/password`, { password: 'second-password-2' });
      expect(reset.body).toMatchObject({ lockedUntil: null });
      expect((await built.app.request('/api/staff/me', { headers: { cookie } })).status).toBe(401);
      expect((await signInRequest(fetcherFor(built.app), 'temp', 'first-password-1', '10.8.1.5')).status).toBe(401);
      const again = await signInRequest(fetcherFor(built.app), 'temp', 'second-password-2', '10.8.1.6');
      expect(again.status).toBe(200);
      const cookie2 = again.headers.get('set-cookie')!.split(';')[0]!;

      const off = await call<StaffAccount>(admin, 'PATCH', `/api/admin/staff/${created.body.id}`, { active: false });
      expect(off.body.active).toBe(false);
      expect((await built.app.request('/api/staff/me', { headers: { cookie: cookie2 } })).status).toBe(401);
      const changes = (await auditActions(created.body.id)).map((a) => a.action).filter((a) => !a.startsWith('staff.sign'));
      expect(changes).toEqual(['staff.created', 'staff.password_reset', 'staff.deactivated']);
    });

    it('sets and clears a guide\'s staff code, never for a clerk', async () => {
      const [guide] = await db().select({ id: staff.id }).from(staff).where(eq(staff.username, 'guide'));
      const [clerkRow] = await db().select({ id: staff.id }).from(staff).where(eq(staff.username, 'clerk'));
      expect((await call(admin, 'POST', `/api/admin/staff/${clerkRow!.id}/staff-code`, { staffCode: '112233' })).body.code).toBe('staff_code_role');
      expect((await call(admin, 'POST', `/api/admin/staff/${guide!.id}/staff-code`, { staffCode: '12a' })).status).toBe(400);
      const cleared = await call<StaffAccount>(admin, 'POST', `/api/admin/staff/${guide!.id}/staff-code`, { staffCode: null });
      expect(cleared.body.hasStaffCode).toBe(false);
      const set = await call<StaffAccount>(admin, 'POST', `/api/admin/staff/${guide!.id}/staff-code`, { staffCode: DEMO_GUIDE_CODE });
      expect(set.body.hasStaffCode).toBe(true);
      expect((await auditActions(guide!.id)).map((a) => a.action)).toEqual(['staff.code_cleared', 'staff.code_set']);
      expect((await call(supervisor, 'GET', '/api/admin/staff')).status).toBe(403);
    });
  });

  describe('settings', () => {
    it('lists every setting with its value, default, description and bounds', async () => {
      const res = await call<{ settings: SettingView[] }>(admin, 'GET', '/api/admin/settings');
      const byKey = new Map(res.body.settings.map((s) => [s.key, s]));
      expect(byKey.get('maxActivePersonalBookings')).toMatchObject({ value: 1, default: 1, overridden: false, limits: { min: 1, max: 10, integer: true } });
      expect(byKey.get('maintenanceWindow')).toMatchObject({ value: null, limits: null });
      expect(byKey.get('noShowLimit')!.description.zh).toBeTruthy();
      expect(byKey.size).toBe(13);
      expect((await call(supervisor, 'GET', '/api/admin/settings')).status).toBe(403);
    });

    it('refuses values outside a setting\'s rule and unknown keys, naming each', async () => {
      const res = await call(admin, 'PATCH', '/api/admin/settings', { values: { noShowLimit: 0, cancelDeadlineMinutes: 'soon', nope: 1, maintenanceWindow: { from: '24:00', to: '01:00' } } });
      expect(res.status).toBe(400);
      expect(res.body.fields).toMatchObject({ 'values.noShowLimit': 'too_small', 'values.cancelDeadlineMinutes': 'invalid_type', 'values.nope': 'unknown_setting' });
      expect(res.body.fields!['values.maintenanceWindow']).toBeDefined();
    });

    it('previews lowering one person\'s limit with the citizens over it, saves, and resetting puts the default back', async () => {
      await call(admin, 'PATCH', '/api/admin/settings', { values: { maxActivePersonalBookings: 3 } });
      const holder = await insertHolder(db(), built.privacy);
      await db().update(citizens).set({ activePersonalBookings: 3 }).where(eq(citizens.id, holder.citizenId));

      const preview = await call<SettingsChanged>(admin, 'PATCH', '/api/admin/settings?dryRun=true', { values: { maxActivePersonalBookings: 2 } });
      expect(preview.body).toMatchObject({ dryRun: true, effects: [{ key: 'maxActivePersonalBookings', count: 1, unit: 'citizens' }] });
      expect(preview.body.settings.find((s) => s.key === 'maxActivePersonalBookings')!.value).toBe(2);
      const [stored] = await db().select().from(settings).where(eq(settings.key, 'maxActivePersonalBookings'));
      expect(stored!.value).toBe(3);

      const saved = await call<SettingsChanged>(admin, 'PATCH', '/api/admin/settings', { values: { maxActivePersonalBookings: 2, turnNearAhead: 4 } });
      expect(saved.body).toMatchObject({ dryRun: false, effects: [{ count: 1 }] });
      const [entry] = (await db().select({ details: auditLog.details }).from(auditLog).where(eq(auditLog.action, 'settings.updated'))).slice(-1);
      expect(entry!.details).toMatchObject({ changed: { maxActivePersonalBookings: { from: 3, to: 2 }, turnNearAhead: { from: 3, to: 4 } } });

      const reset = await call<SettingsChanged>(admin, 'PATCH', '/api/admin/settings', { reset: ['maxActivePersonalBookings', 'turnNearAhead'] });
      expect(reset.body.settings.find((s) => s.key === 'maxActivePersonalBookings')).toMatchObject({ value: 1, overridden: false });
      expect(await db().select().from(settings).where(inArray(settings.key, ['maxActivePersonalBookings', 'turnNearAhead']))).toHaveLength(0);
    });

    it('counts the bookings past a shortened booking window, which stay valid', async () => {
      // From Monday 23 November, 3 working days end on Thursday 26; 7 end on Wednesday 2 December.
      const inside = await booked({ date: '2026-11-25', startsAt: '14:00', endsAt: '14:30' });
      const past = await booked({ date: '2026-12-01', startsAt: '14:00', endsAt: '14:30' });
      const res = await call<SettingsChanged>(admin, 'PATCH', '/api/admin/settings?dryRun=true', { values: { bookingWindowWorkingDays: 3 } });
      const numbers = res.body.impact.examples.map((e) => e.appointmentNo);
      expect(numbers).toContain(past.booking.appointmentNo);
      expect(numbers).not.toContain(inside.booking.appointmentNo);
      expect(res.body.effects).toEqual([expect.objectContaining({ key: 'bookingWindowWorkingDays', unit: 'bookings', count: res.body.impact.affectedBookings })]);
    });

    it('says whom a stricter no-show rule suspends', async () => {
      const holder = await insertHolder(db(), built.privacy);
      for (const date of ['2026-11-10', '2026-11-20']) await insertBookingFor(db(), holder, { date, startsAt: '11:00', endsAt: '11:30', status: 'no_show' });
      const res = await call<SettingsChanged>(admin, 'PATCH', '/api/admin/settings?dryRun=true', { values: { noShowLimit: 2 } });
      expect(res.body.effects).toEqual([expect.objectContaining({ key: 'noShowLimit', unit: 'citizens', count: 1 })]);
    });
  });

  describe('blacklist and suspensions', () => {
    it('lets a supervisor blacklist an ID number: stored as the keyed hash the booking core looks up, shown masked, blocking its bookings', async () => {
      const { holder } = await booked({ date: '2026-11-30', startsAt: '09:00', endsAt: '09:30' });
      const res = await call<{ entry: BlacklistEntryView; blockedBookings: number }>(supervisor, 'POST', '/api/admin/blacklist', {
        kind: 'id_number', value: holder.idNumber, source: 'illegal_booking', reason: '以个人名义代办车行业务', expiresAt: '2027-05-23T00:00:00+08:00',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        blockedBookings: 1,
        entry: { kind: 'id_number', display: `3606**********${holder.idNumber.slice(-4)}`, source: 'illegal_booking', state: 'active', createdBy: { displayName: '值班长' } },
      });
      expect(res.text).not.toContain(holder.idNumber);
      const [row] = await db().select().from(blacklist).where(eq(blacklist.id, res.body.entry.id));
      const [person] = await db().select({ idNumberHash: citizens.idNumberHash }).from(citizens).where(eq(citizens.id, holder.citizenId));
      expect(row!.valueHash).toBe(person!.idNumberHash);
      const [entry] = await auditActions(res.body.entry.id);
      expect(entry!.action).toBe('blacklist.added');
      expect(JSON.stringify(entry!.details)).not.toContain(holder.idNumber);

      const again = await call(admin, 'POST', '/api/admin/blacklist', { kind: 'id_number', value: holder.idNumber, reason: '重复' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'blacklist_entry_exists', details: { id: res.body.entry.id } });
    });

    it('checks each value by its own rule and refuses an expiry in the past', async () => {
      const valid = idNumberBornOn('1985-06-15');
      const wrongCheck = `${valid.slice(0, 17)}${valid[17] === '1' ? '2' : '1'}`;
      const bad = await call(supervisor, 'POST', '/api/admin/blacklist', { kind: 'id_number', value: wrongCheck, reason: 'x' });
      expect(bad.body).toMatchObject({ code: 'id_number_checksum', fields: { value: 'id_number_checksum' } });
      expect((await call(supervisor, 'POST', '/api/admin/blacklist', { kind: 'phone', value: '1234', reason: 'x' })).body.code).toBe('phone_invalid');
      expect((await call(supervisor, 'POST', '/api/admin/blacklist', { kind: 'firm', value: '91360600MA35R1B10X', reason: 'x' })).body.code).toBe('credit_code_invalid');
      expect((await call(supervisor, 'POST', '/api/admin/blacklist', { kind: 'phone', value: '13912345678', reason: 'x', expiresAt: '2026-11-01T00:00:00+08:00' })).body.fields).toEqual({ expiresAt: 'in_past' });
      expect((await call(supervisor, 'POST', '/api/admin/blacklist', { kind: 'phone', value: '13912345678', reason: ' ' })).status).toBe(400);
      expect((await call(clerk, 'POST', '/api/admin/blacklist', { kind: 'phone', value: '13912345678', reason: 'x' })).status).toBe(403);
    });

    it('lists entries with why, masked, and removes with who and when (a second removal changes nothing)', async () => {
      const first17 = '91360600MA35R1B10';
      const code = `${first17}${creditCheckChar(first17)}`;
      const firm = await call<{ entry: BlacklistEntryView }>(supervisor, 'POST', '/api/admin/blacklist', { kind: 'firm', value: code, reason: '员工以个人名义预约' });
      expect(firm.body.entry.display).toBe(code);
      const phone = await call<{ entry: BlacklistEntryView }>(admin, 'POST', '/api/admin/blacklist', { kind: 'phone', value: '139 1234 5678', reason: '倒卖号源' });
      expect(phone.body.entry.display).toBe('139****5678');

      const removed = await call<BlacklistEntryView>(supervisor, 'POST', `/api/admin/blacklist/${phone.body.entry.id}/remove`);
      expect(removed.body).toMatchObject({ state: 'removed', removedBy: { displayName: '值班长' } });
      expect((await call(supervisor, 'POST', `/api/admin/blacklist/${phone.body.entry.id}/remove`)).status).toBe(200);
      expect((await auditActions(phone.body.entry.id)).map((a) => a.action)).toEqual(['blacklist.added', 'blacklist.removed']);

      const all = await call<BlacklistList>(supervisor, 'GET', '/api/admin/blacklist');
      expect(all.body.entries.map((e) => e.state)).toEqual(expect.arrayContaining(['active', 'removed']));
      expect(all.text).not.toContain('13912345678');
      const active = await call<BlacklistList>(supervisor, 'GET', '/api/admin/blacklist?state=active&kind=firm');
      expect(active.body.entries.map((e) => e.id)).toEqual([firm.body.entry.id]);
      const gone = await call<BlacklistList>(admin, 'GET', '/api/admin/blacklist?state=removed');
      expect(gone.body.entries.map((e) => e.id)).toEqual([phone.body.entry.id]);
      expect((await call(clerk, 'GET', '/api/admin/blacklist')).status).toBe(403);
    });

    it('lists the citizens suspended for no-shows with the day booking opens again, masked', async () => {
      const holder = await insertHolder(db(), built.privacy);
      for (const date of ['2026-11-02', '2026-11-10', '2026-11-20']) await insertBookingFor(db(), holder, { date, startsAt: '10:00', endsAt: '10:30', status: 'no_show' });
      const res = await call<SuspensionList>(supervisor, 'GET', '/api/admin/suspensions');
      expect(res.status).toBe(200);
      expect(res.body.rule).toEqual({ noShowLimit: 3, noShowWindowDays: 30, noShowSuspensionDays: 30 });
      const mine = res.body.suspensions.find((s) => s.citizenId === holder.citizenId);
      expect(mine).toMatchObject({ name: '取*人', noShowDates: ['2026-11-02', '2026-11-10', '2026-11-20'], until: '2026-12-20' });
      expect(mine!.idNumber).toBe(`3606**********${holder.idNumber.slice(-4)}`);
      expect(mine!.phone).toMatch(/^139\*{4}\d{4}$/);
      expect(res.text).not.toContain(holder.idNumber);
      expect((await call(clerk, 'GET', '/api/admin/suspensions')).status).toBe(403);
    });
  });

  describe('audit log', () => {
    it('searches by action prefix and pages back by id', async () => {
      const first = await call<AuditPage>(admin, 'GET', '/api/admin/audit?action=blacklist.&limit=2');
      expect(first.status).toBe(200);
      expect(first.body.entries).toHaveLength(2);
      expect(first.body.entries.every((e) => e.action.startsWith('blacklist.'))).toBe(true);
      expect(first.body.entries[0]!.id).toBeGreaterThan(first.body.entries[1]!.id);
      expect(first.body.next).toBe(first.body.entries[1]!.id);
      const second = await call<AuditPage>(admin, 'GET', `/api/admin/audit?action=blacklist.&limit=2&before=${first.body.next}`);
      expect(second.body.entries[0]!.id).toBeLessThan(first.body.next!);

      const byActor = await call<AuditPage>(admin, 'GET', `/api/admin/audit?actorKind=staff&action=staff.signed_in&limit=200`);
      expect(byActor.body.entries.some((e) => e.actorName === '值班长')).toBe(true);
      const none = await call<AuditPage>(admin, 'GET', '/api/admin/audit?from=2030-01-01T00:00:00Z');
      expect(none.body).toEqual({ entries: [], next: null });
      // `%` is no wildcard: nothing is named like that.
      expect((await call<AuditPage>(admin, 'GET', '/api/admin/audit?action=%25')).body.entries).toEqual([]);
    });

    it('shows a supervisor their outlets\' entries and their own actions only', async () => {
      const res = await call<AuditPage>(supervisor, 'GET', '/api/admin/audit?limit=200');
      expect(res.body.entries.length).toBeGreaterThan(0);
      const supervisorId = res.body.entries.find((e) => e.outletId === null)?.actorId;
      // Outside their outlets, only what they did themselves (blacklist entries belong to no outlet).
      expect(res.body.entries.filter((e) => e.outletId !== 'yt-dmv').every((e) => e.outletId === null && e.actorId === supervisorId)).toBe(true);
      expect(res.body.entries.some((e) => e.outletId === null && e.action.startsWith('blacklist.'))).toBe(true);
      expect((await call(supervisor, 'GET', '/api/admin/audit?outletId=yt-gaoxin')).status).toBe(403);
      const admins = await call<AuditPage>(admin, 'GET', '/api/admin/audit?outletId=yt-gaoxin');
      expect(admins.body.entries.map((e) => e.action)).toContain('outlet.updated');
      expect((await call(clerk, 'GET', '/api/admin/audit')).status).toBe(403);
    });

    it('cannot be changed: the table refuses updates', async () => {
      await expect(db().update(auditLog).set({ action: 'tampered' })).rejects.toThrow();
    });
  });
});
