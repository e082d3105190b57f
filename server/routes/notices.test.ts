/**
 * Notices on the API: staff write, publish (now or later) and withdraw them; the public list shows
 * what is in force; a closure or an hours change marks exactly the bookings it affects and tells
 * each holder once.
 */
import { and, eq, inArray, like } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { CreateNoticeRequest } from '../../common/notices.ts';
import { auditLog, bookings, calendarOverrides, outbox, slots } from '../../db/schema.ts';
import { testApp } from '../../test/support/app.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { insertBooking, insertCitizen } from '../../test/support/lobby-rows.ts';
import { fetcherFor, signIn, type StaffSession } from '../../test/support/sign-in.ts';
import { seedDemoData } from '../demo-data.ts';

const bi = (zh: string) => ({ zh, en: zh });
type Listed = { notices: { id: string; title: { zh: string } }[] };

describeOnDatabases('notices', (ctx) => {
  let built: ReturnType<typeof testApp>;
  let admin: StaffSession;
  let supervisor: StaffSession;

  beforeAll(async () => {
    await seedDemoData(ctx.database.db);
    built = testApp(ctx.database);
    admin = await signIn(fetcherFor(built.app), 'admin', '10.4.0.1');
    supervisor = await signIn(fetcherFor(built.app), 'supervisor', '10.4.0.2');
  });

  const post = (app: typeof built.app, who: StaffSession, path: string, body: unknown = {}) =>
    app.request(path, { method: 'POST', headers: who.headers, body: JSON.stringify(body) });
  async function draft(input: Partial<CreateNoticeRequest> & { title: { zh: string; en: string } }, who = admin): Promise<string> {
    const res = await post(built.app, who, '/api/admin/notices', { outletId: 'yt-dmv', kind: 'info', body: bi('详见正文'), ...input });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  const publicTitles = async (app = built.app, query = '?outletId=yt-dmv') =>
    ((await (await app.request(`/api/notices${query}`)).json()) as Listed).notices.map((n) => n.title.zh);

  it('lists a notice publicly only once published, and no longer once withdrawn', async () => {
    const id = await draft({ title: bi('元旦放假安排') });
    expect(await publicTitles()).not.toContain('元旦放假安排');
    const published = await post(built.app, admin, `/api/admin/notices/${id}/publish`);
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ id, publishAt: built.clock.now().toISOString(), affectedBookings: 0 });
    expect(await publicTitles()).toContain('元旦放假安排');
    expect((await post(built.app, admin, `/api/admin/notices/${id}/publish`)).status).toBe(409);

    const withdrawn = await post(built.app, supervisor, `/api/admin/notices/${id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(await publicTitles()).not.toContain('元旦放假安排');
    expect((await post(built.app, admin, `/api/admin/notices/${id}/withdraw`)).status).toBe(409);
    const actions = await ctx.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, id)).orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual(['notice.created', 'notice.published', 'notice.withdrawn']);
  });

  it('shows an outlet its own notices and those for every outlet, not another outlet\'s', async () => {
    const own = await draft({ title: bi('车管所停车场施工') });
    const all = await draft({ outletId: null, title: bi('全市系统升级') });
    const other = await draft({ outletId: 'yt-zhishu', title: bi('直属大队服务点搬迁') });
    for (const id of [own, all, other]) await post(built.app, admin, `/api/admin/notices/${id}/publish`);
    const titles = await publicTitles();
    expect(titles).toEqual(expect.arrayContaining(['车管所停车场施工', '全市系统升级']));
    expect(titles).not.toContain('直属大队服务点搬迁');
    expect(await publicTitles(built.app, '?outletId=yt-zhishu')).toEqual(expect.arrayContaining(['全市系统升级', '直属大队服务点搬迁']));
  });

  it('publishes at a set time: listed from then on', async () => {
    const later = testApp(ctx.database);
    const id = await draft({ title: bi('下周起延长办公时间') });
    const at = new Date(later.clock.now().getTime() + 3600_000);
    const res = await post(later.app, admin, `/api/admin/notices/${id}/publish`, { publishAt: at.toISOString() });
    expect(await res.json()).toMatchObject({ publishAt: at.toISOString() });
    expect(await publicTitles(later.app)).not.toContain('下周起延长办公时间');
    later.clock.advance(3600_000);
    expect(await publicTitles(later.app)).toContain('下周起延长办公时间');
  });

  it('refuses an incomplete closure, and lets a supervisor write only for their own outlet', async () => {
    const incomplete = await post(built.app, admin, '/api/admin/notices', { outletId: 'yt-dmv', kind: 'closure', title: bi('停止办公'), body: bi('停止办公') });
    expect(incomplete.status).toBe(400);
    expect(await incomplete.json()).toMatchObject({ code: 'notice_invalid', fields: { effectiveFrom: 'required' } });
    const elsewhere = await post(built.app, supervisor, '/api/admin/notices', { outletId: 'yt-zhishu', kind: 'info', title: bi('x'), body: bi('x') });
    expect(elsewhere.status).toBe(403);
    const everywhere = await post(built.app, supervisor, '/api/admin/notices', { outletId: null, kind: 'info', title: bi('x'), body: bi('x') });
    expect(everywhere.status).toBe(403);
    const unknown = await post(built.app, admin, '/api/admin/notices', { outletId: 'no-such-outlet', kind: 'info', title: bi('x'), body: bi('x') });
    expect(await unknown.json()).toMatchObject({ code: 'validation_failed', fields: { outletId: 'not_found' } });
    await draft({ title: bi('车管所内部通知') }, supervisor);
  });

  it('a closure marks exactly the active bookings on its days at its outlet and tells each holder once', async () => {
    const { db } = ctx.database;
    const now = built.clock.now();
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => insertCitizen(db, built.privacy, now, { openid: i === 5 ? null : undefined })));
    const hit = [
      await insertBooking(db, { citizenId: people[0]!.id, date: '2026-11-25', startsAt: '08:30', endsAt: '09:00' }),
      await insertBooking(db, { citizenId: people[1]!.id, date: '2026-11-25', startsAt: '15:00', endsAt: '15:30' }),
      // No WeChat identity bound: told by SMS, to the stored (encrypted) phone.
      await insertBooking(db, { citizenId: people[5]!.id, date: '2026-11-25', startsAt: '10:00', endsAt: '10:30' }),
    ];
    const spared = [
      await insertBooking(db, { citizenId: people[2]!.id, date: '2026-11-24', startsAt: '09:00', endsAt: '09:30' }),
      await insertBooking(db, { citizenId: people[3]!.id, date: '2026-11-25', startsAt: '09:00', endsAt: '09:30', outletId: 'yt-zhishu' }),
      await insertBooking(db, { citizenId: people[4]!.id, date: '2026-11-25', startsAt: '11:00', endsAt: '11:30', status: 'cancelled' }),
    ];
    const id = await draft({ kind: 'closure', title: bi('11月25日系统升级暂停办公'), effectiveFrom: '2026-11-25' });
    const res = await post(built.app, admin, `/api/admin/notices/${id}/publish`);
    expect(await res.json()).toMatchObject({ affectedBookings: 3 });

    const marked = await db.select({ id: bookings.id }).from(bookings).where(eq(bookings.affectedByNoticeId, id));
    expect(marked.map((b) => b.id).sort()).toEqual(hit.map((b) => b.id).sort());
    const messages = await db.select().from(outbox).where(like(outbox.dedupeKey, `booking_affected:${id}:%`));
    expect(messages.map((m) => m.dedupeKey).sort()).toEqual(hit.map((b) => `booking_affected:${id}:${b.id}`).sort());
    expect(messages.map((m) => m.channel).sort()).toEqual(['sms', 'wechat', 'wechat']);
    const toFirst = messages.find((m) => m.payload.bookingId === hit[0]!.id)!;
    expect(toFirst).toMatchObject({ status: 'pending', template: 'booking_affected', recipient: people[0]!.openid, availableAt: now });
    expect(toFirst.payload).toMatchObject({ date: '2026-11-25', startsAt: '08:30', notice: { id, kind: 'closure', title: { zh: '11月25日系统升级暂停办公' } } });
    expect(built.privacy.decrypt(messages.find((m) => m.channel === 'sms')!.recipient)).toMatch(/^1370000\d{4}$/);

    // The day is closed: its slots take no seat, and slots made later for it are never offered.
    const closedSlots = await db.select({ id: slots.id, closed: slots.closed }).from(slots).where(inArray(slots.id, [...hit, ...spared].map((b) => b.slotId)));
    expect(closedSlots.filter((s) => s.closed).map((s) => s.id).sort()).toEqual([...hit.map((b) => b.slotId), spared[2]!.slotId].sort());
    expect(await db.select({ kind: calendarOverrides.kind }).from(calendarOverrides)
      .where(and(eq(calendarOverrides.outletId, 'yt-dmv'), eq(calendarOverrides.date, '2026-11-25')))).toEqual([{ kind: 'closed' }]);
  });

  it('an hours change marks only the bookings whose slot falls outside the new hours', async () => {
    const { db } = ctx.database;
    const now = built.clock.now();
    const people = await Promise.all(Array.from({ length: 4 }, () => insertCitizen(db, built.privacy, now)));
    const early = await insertBooking(db, { citizenId: people[0]!.id, date: '2026-11-26', startsAt: '08:30', endsAt: '09:00' });
    const inside = await insertBooking(db, { citizenId: people[1]!.id, date: '2026-11-26', startsAt: '09:30', endsAt: '10:00' });
    const lastFitting = await insertBooking(db, { citizenId: people[2]!.id, date: '2026-11-26', startsAt: '11:30', endsAt: '12:00' });
    const afternoon = await insertBooking(db, { citizenId: people[3]!.id, date: '2026-11-26', startsAt: '14:00', endsAt: '14:30' });
    const id = await draft({ kind: 'hours_change', title: bi('11月26日仅上午办公'), effectiveFrom: '2026-11-26', changedHours: [{ open: '09:00', close: '12:00' }] });
    // Published for later: the messages wait for the notice to be visible.
    const at = new Date(now.getTime() + 30 * 60_000);
    expect(await (await post(built.app, admin, `/api/admin/notices/${id}/publish`, { publishAt: at.toISOString() })).json()).toMatchObject({ affectedBookings: 2 });
    const marked = await db.select({ id: bookings.id }).from(bookings).where(eq(bookings.affectedByNoticeId, id));
    expect(marked.map((b) => b.id).sort()).toEqual([early.id, afternoon.id].sort());
    const messages = await db.select().from(outbox).where(like(outbox.dedupeKey, `booking_affected:${id}:%`));
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => m.availableAt.getTime() === at.getTime())).toBe(true);
    const stillOpen = await db.select({ id: slots.id }).from(slots).where(and(inArray(slots.id, [inside.slotId, lastFitting.slotId]), eq(slots.closed, false)));
    expect(stillOpen).toHaveLength(2);
    // No override: the day stays open, with fewer hours.
    expect(await db.select().from(calendarOverrides).where(eq(calendarOverrides.date, '2026-11-26'))).toEqual([]);
  });
});
