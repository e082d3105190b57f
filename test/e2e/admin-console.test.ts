/**
 * The staff console's administration, one story per role, in Chromium against the real server
 * (Monday 2026-11-23, 09:00 Beijing, demo data):
 *
 * - an administrator shortens Tuesday's hours and is told, before saving, that 2 bookings no longer
 *   fit; closes a service point for a day; raises a setting; adds a guide; reads the history report
 *   with its charts and downloads its CSV;
 * - a supervisor blacklists a phone and takes it off again, approves a firm's agent, publishes a
 *   notice and finds it in the audit log, reads the live report — and meets no configuration;
 * - a clerk and a guide see their counter work and no administration at all.
 *
 * What a role may not do is not shown, and the server refuses it when asked with that page's own
 * session (403).
 */
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AdminOutlet, SettingView } from '../../common/admin.ts';
import type { IssuedTicket } from '../../common/kiosk.ts';
import { counters } from '../../db/schema.ts';
import { DEMO_PASSWORD, seedDemoData, type SeedResult } from '../../server/demo-data.ts';
import { ensureWebBuild } from '../../server/web-build.ts';
import { startTestServer } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from '../support/browser.ts';
import { idNumberBornOn, insertAgency, insertBookingFor, insertHolder, type TodayBooking } from '../support/check-in.ts';
import { describeOnDatabases } from '../support/databases.ts';
import { fetcherFor, signIn } from '../support/sign-in.ts';

describeOnDatabases('the administration console in Chromium', (ctx) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let seeded: SeedResult;
  /** Tuesday afternoon at the office: shortening Tuesday's hours to 15:00 leaves these outside. */
  let lateTuesday: TodayBooking[];

  beforeAll(async () => {
    await ensureWebBuild();
    const { db } = ctx.database;
    seeded = (await seedDemoData(db))!;
    server = await startTestServer(ctx.database);
    browser = await launchBrowser();
    lateTuesday = [];
    for (let i = 0; i < 2; i++) {
      lateTuesday.push(await insertBookingFor(db, await insertHolder(db, server.privacy), { date: '2026-11-24', startsAt: '16:00', endsAt: '17:00' }));
    }
    await aMorningAtTheOffice();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Tickets for the history report, through the real kiosk and counter API: a walk-in and an elder
   * (green by age) at counter 7; the elder waits 6 minutes and is served in 10, the walk-in waits 30.
   */
  async function aMorningAtTheOffice(): Promise<void> {
    const kiosk = { authorization: `Bearer ${seeded.devices.find((d) => d.kind === 'kiosk')!.token}`, 'content-type': 'application/json' };
    const clerk = await signIn(fetcherFor(server.url), 'clerk', '10.9.0.2');
    const [row] = await ctx.database.db.select().from(counters).where(and(eq(counters.outletId, 'yt-dmv'), eq(counters.number, 7)));
    const at = (hhmm: string) => server.clock.set(`2026-11-23T${hhmm}:00+08:00`);
    const walkIn = async (birthDate: string) => {
      const res = await fetch(`${server.url}/api/kiosk/walk-ins`, { method: 'POST', headers: kiosk, body: JSON.stringify({ idNumber: idNumberBornOn(birthDate), serviceId: 'violation' }) });
      expect(res.status).toBe(201);
      return ((await res.json()) as IssuedTicket).ticket;
    };
    const act = async (action: string) => {
      const res = await fetch(`${server.url}/api/counters/${row!.id}/${action}`, { method: 'POST', headers: clerk.headers, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
      expect(res.status).toBe(200);
    };
    at('09:00');
    await walkIn('1985-01-01');
    at('09:04');
    const elder = await walkIn('1940-03-03');
    await act('open');
    at('09:10');
    await act('call-next');
    at('09:20');
    await act('finish');
    await act('call-next');
    at('09:30');
    await act('finish');
    const rated = await fetch(`${server.url}/api/tickets/${elder.id}/rating`, { method: 'POST', headers: clerk.headers, body: JSON.stringify({ grade: 4 }) });
    expect(rated.status).toBe(201);
  }

  async function openConsoleAs(username: string): Promise<WatchedPage> {
    const watched = await openPage(browser, { width: 1440, height: 900 });
    watched.page.setDefaultTimeout(10_000);
    await watched.page.goto(`${server.url}/console/`);
    await watched.page.getByLabel('用户名').fill(username);
    await watched.page.getByLabel('密码').fill(DEMO_PASSWORD);
    await watched.page.getByRole('button', { name: '登录' }).click();
    await watched.page.getByRole('button', { name: '退出登录' }).waitFor();
    return watched;
  }

  /** The server's answer to the page's own session (its cookie) asking for `path`. */
  async function statusFor(page: Page, path: string): Promise<{ status: number; code: unknown }> {
    const res = await page.request.get(`${server.url}${path}`);
    const body = (await res.json().catch(() => ({}))) as { code?: unknown };
    return { status: res.status(), code: body.code };
  }

  const navLink = (page: Page, name: string) => page.getByRole('navigation', { name: '功能' }).getByRole('link', { name, exact: true });

  it('an administrator sees what a change does to bookings before saving it, configures the office and reads the reports', async () => {
    const { page, problems } = await openConsoleAs('admin');
    // Configuration first, and no counter work for an administrator.
    await page.getByRole('heading', { name: '配对新设备' }).waitFor();
    expect(await navLink(page, '配置').getAttribute('aria-current')).toBe('page');
    expect(await navLink(page, '窗口工作').count()).toBe(0);
    const queue = await statusFor(page, '/api/outlets/yt-dmv/queue');
    expect(queue).toEqual({ status: 403, code: 'forbidden' });
    await screenshot(page, `${ctx.kind}-admin-config-devices`);

    // Each configuration section opens on what is configured now.
    for (const [section, row] of [['业务', 'tr[data-service=mv-transfer]'], ['业务类别', 'td:text-is("vehicle")'], ['预约容量', 'tr[data-group=vehicle]'], ['窗口', 'tr[data-counter="7"]']] as const) {
      await page.getByRole('link', { name: section, exact: true }).click();
      await page.locator(row).first().waitFor();
      await screenshot(page, `${ctx.kind}-admin-config-${section}`);
    }

    // Tuesday closes at 15:00 instead of 17:30: the preview names the two bookings before anything is saved.
    await page.getByRole('link', { name: '网点与营业时间' }).click();
    await page.getByLabel('周二 第2段 结束').fill('15:00');
    await page.getByRole('button', { name: '预览并保存' }).click();
    const preview = page.locator('console-impact-preview section.preview');
    await preview.getByText('此更改影响 2 个预约').waitFor();
    for (const booking of lateTuesday) expect(await preview.textContent()).toContain(booking.appointmentNo);
    await screenshot(page, `${ctx.kind}-admin-outlet-preview`);
    const before = await outletHours(page);
    expect(before['2']).toEqual([{ open: '08:30', close: '12:00' }, { open: '14:00', close: '17:30' }]); // nothing saved yet
    await preview.getByRole('button', { name: '确认保存' }).click();
    await page.getByRole('status').filter({ hasText: '已保存。' }).waitFor();
    expect((await outletHours(page))['2']).toEqual([{ open: '08:30', close: '12:00' }, { open: '14:00', close: '15:00' }]);

    // A local closure of a service point on Friday, shown in the month.
    await page.getByRole('link', { name: '日历' }).click();
    await page.locator('console-calendar-grid td[data-date="2026-11-27"]').waitFor();
    await page.locator('select[name=outletId]').selectOption('yt-zhishu');
    await page.getByLabel('开始日期').fill('2026-11-27');
    await page.getByLabel('原因（中文）').fill('设备检修');
    await page.getByRole('button', { name: '预览并保存' }).click();
    await page.getByText('此更改不影响任何已有预约').waitFor();
    await page.getByRole('button', { name: '确认保存' }).click();
    const friday = page.locator('console-calendar-grid td[data-date="2026-11-27"]');
    await expect.poll(() => friday.getAttribute('data-open')).toBe('false');
    expect(await friday.textContent()).toContain('设备检修');
    await screenshot(page, `${ctx.kind}-admin-calendar`);

    // A setting, with its default and bounds beside it.
    await page.getByRole('link', { name: '参数' }).click();
    const noShows = page.locator('tr[data-setting=noShowLimit]');
    await noShows.waitFor();
    await noShows.locator('input[name=noShowLimit]').fill('4');
    await page.getByRole('button', { name: '预览并保存' }).click();
    await page.locator('console-impact-preview section.preview').waitFor();
    await page.getByRole('button', { name: '确认保存' }).click();
    await page.getByRole('status').filter({ hasText: '已保存。' }).waitFor();
    const settings = (await (await page.request.get(`${server.url}/api/admin/settings`)).json()) as { settings: SettingView[] };
    expect(settings.settings.find((s) => s.key === 'noShowLimit')).toMatchObject({ value: 4, default: 3, overridden: true });
    await screenshot(page, `${ctx.kind}-admin-settings`);

    // A new guide, with a staff code for the kiosk.
    await page.getByRole('link', { name: '人员' }).click();
    const form = page.locator('console-staff-create');
    await form.getByLabel('登录用户名').fill('guide2');
    await form.getByLabel('姓名').fill('引导员二');
    await form.getByLabel('角色').selectOption('guide');
    await form.getByLabel('初始密码').fill('a-long-password-1');
    await form.getByLabel('再次输入密码').fill('a-long-password-1');
    await form.getByLabel('员工码').fill('135790');
    await form.getByLabel('鹰潭市公安局交警支队车辆管理所').check();
    await form.getByRole('button', { name: '新增人员' }).click();
    await page.getByRole('status').filter({ hasText: '已新增：引导员二（guide2）' }).waitFor();
    expect(await page.locator('tr[data-staff=guide2]').textContent()).toContain('已设员工码');
    await screenshot(page, `${ctx.kind}-admin-staff`);

    // Today's history: figures, five charts drawn, the rows, and their CSV as Excel reads it.
    await navLink(page, '报表').click();
    await page.getByRole('link', { name: '历史统计' }).click();
    await expect.poll(() => page.locator('lobby-chart[data-rendered]').count(), { timeout: 10_000 }).toBe(5);
    const canvas = await page.locator('lobby-chart[data-rendered] canvas').first().boundingBox();
    expect(canvas!.width).toBeGreaterThan(100);
    expect(canvas!.height).toBeGreaterThan(100);
    expect(await page.locator('console-history-report table.rows').textContent()).toContain('交通违法处理');
    await screenshot(page, `${ctx.kind}-admin-report-history`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载明细 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('history-2026-11-23-2026-11-23.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split(/\r?\n/)[0]).toMatch(/^日期,办理点,业务,预约数/);
    expect(csv).toContain('交通违法处理');

    expect(problems).toEqual([]);
    await page.context().close();
  });

  /** yt-dmv's opening hours as the server has them now. */
  async function outletHours(page: Page): Promise<Record<string, unknown>> {
    const list = (await (await page.request.get(`${server.url}/api/admin/outlets`)).json()) as { outlets: AdminOutlet[] };
    return list.outlets.find((o) => o.id === 'yt-dmv')!.openingHours;
  }

  it('a supervisor runs the blacklist, agents, notices, audit and reports of their outlet, and meets no configuration', async () => {
    const holder = await insertHolder(ctx.database.db, server.privacy);
    await insertAgency(ctx.database.db, holder, { agentStatus: 'pending' });
    const { page, problems } = await openConsoleAs('supervisor');
    const nav = page.getByRole('navigation', { name: '功能' });
    await nav.waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['窗口工作', '单位与经办人', '黑名单', '公告', '报表', '审计']);
    // Not shown, not even by address, and refused by the server.
    await page.goto(`${server.url}/console/#config/settings`);
    await page.getByRole('heading', { name: '我的网点' }).waitFor();
    expect(await page.getByRole('link', { name: '参数' }).count()).toBe(0);
    expect(await statusFor(page, '/api/admin/settings')).toEqual({ status: 403, code: 'forbidden' });

    // A phone on the blacklist, why it is there, and off again.
    await navLink(page, '黑名单').click();
    const add = page.locator('console-blacklist-add');
    await add.getByLabel('类型').selectOption('phone');
    await add.getByRole('textbox', { name: '手机号' }).fill('13800138000');
    await add.getByLabel('原因').fill('倒卖号源');
    await add.getByRole('button', { name: '加入黑名单' }).click();
    await page.getByRole('status').filter({ hasText: '已加入黑名单：138****8000' }).waitFor();
    const entry = page.locator('console-blacklist tr', { hasText: '138****8000' });
    expect(await entry.textContent()).toContain('倒卖号源');
    await screenshot(page, `${ctx.kind}-supervisor-blacklist`);
    await entry.getByRole('button', { name: '移除' }).click();
    await entry.getByRole('button', { name: '确定移除' }).click();
    await page.getByRole('status').filter({ hasText: '已移出黑名单：138****8000' }).waitFor();
    expect(await page.locator('console-blacklist tr', { hasText: '138****8000' }).count()).toBe(0);

    // A firm's agent approved, its power of attorney on file.
    await navLink(page, '单位与经办人').click();
    const agent = page.locator('console-agents article').first();
    await agent.getByRole('link', { name: '在新窗口打开委托书' }).waitFor();
    await screenshot(page, `${ctx.kind}-supervisor-agents`);
    await agent.getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('status').filter({ hasText: '已通过' }).waitFor();

    // A notice for the office, published now; then found in the audit log.
    await navLink(page, '公告').click();
    const write = page.locator('console-notice-form');
    expect(await write.locator('select[name=outletId] option').allTextContents()).toEqual(['鹰潭市公安局交警支队车辆管理所']);
    await write.getByLabel('标题（中文）').fill('周五下午系统升级');
    await write.getByLabel('正文（中文）').fill('周五下午预约系统升级，现场取号不受影响。');
    await write.getByRole('button', { name: '保存为草稿' }).click();
    await page.getByRole('status').filter({ hasText: '已保存草稿：周五下午系统升级' }).waitFor();
    await page.locator('console-notices tr', { hasText: '周五下午系统升级' }).getByRole('button', { name: '立即发布' }).click();
    await page.getByRole('status').filter({ hasText: '已发布：周五下午系统升级' }).waitFor();
    await screenshot(page, `${ctx.kind}-supervisor-notices`);

    await navLink(page, '审计').click();
    await page.getByLabel('操作（前缀）').fill('notice.');
    await page.getByRole('button', { name: '搜索' }).click();
    const results = page.locator('console-audit tbody');
    await results.getByText('notice.published').waitFor();
    expect(await results.getByText('notice.created').count()).toBeGreaterThan(0);
    expect(await results.locator('tr').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('值班长')]));
    await screenshot(page, `${ctx.kind}-supervisor-audit`);

    // The live state of their outlet, and the history of it only.
    await navLink(page, '报表').click();
    await page.locator('console-live-report article[data-outlet=yt-dmv]').waitFor();
    expect(await page.locator('console-live-report article').count()).toBe(1);
    await screenshot(page, `${ctx.kind}-supervisor-reports`);

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a clerk and a guide see their counter work and no administration, which the server refuses them too', async () => {
    for (const [username, forbidden] of [['clerk', '/api/admin/blacklist'], ['guide', '/api/reports/live']] as const) {
      const { page, problems } = await openConsoleAs(username);
      await page.getByRole('heading', { name: '我的网点' }).waitFor();
      expect(await page.getByRole('navigation', { name: '功能' }).count()).toBe(0);
      await page.goto(`${server.url}/console/#reports/history`);
      await page.getByRole('heading', { name: '我的网点' }).waitFor();
      expect(await page.locator('console-reports, console-config, console-blacklist, console-audit').count()).toBe(0);
      expect(await statusFor(page, forbidden)).toEqual({ status: 403, code: 'forbidden' });
      await screenshot(page, `${ctx.kind}-${username}-no-administration`);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });
});
