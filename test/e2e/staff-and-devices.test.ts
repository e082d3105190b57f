/**
 * Staff and devices as people meet them, in Chromium against the real server: a clerk signing in to
 * the console, an administrator pairing a kiosk by the code its screen shows and then revoking it,
 * and a display that keeps its token through reloads and network failures.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData, type SeedResult } from '../../server/demo-data.ts';
import { ensureWebBuild } from '../../server/web-build.ts';
import { startTestServer, type RunningServer } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from '../support/browser.ts';
import { describeOnDatabases } from '../support/databases.ts';

/** What Chromium logs for a response it got with this status: provoked on purpose below. */
const statusLogged = (status: string) => `console.error: Failed to load resource: the server responded with a status of ${status}`;

describeOnDatabases('staff and devices in Chromium', (ctx) => {
  let server: RunningServer;
  let browser: Browser;
  let seeded: SeedResult;

  beforeAll(async () => {
    await ensureWebBuild();
    seeded = (await seedDemoData(ctx.database.db))!;
    server = await startTestServer(ctx.database);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page that gives up on any one step after 10 s, so a failure names its step within the test's time. */
  async function open(viewport: { width: number; height: number }): Promise<WatchedPage> {
    const watched = await openPage(browser, viewport);
    watched.page.setDefaultTimeout(10_000);
    return watched;
  }

  async function signInOnConsole(page: Page, username: string, password: string): Promise<void> {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  }

  async function openConsole(): Promise<WatchedPage> {
    const watched = await open({ width: 1366, height: 768 });
    await watched.page.goto(`${server.url}/console/`);
    return watched;
  }

  it('a clerk is told of a wrong password, signs in, stays signed in across a reload, and signs out', async () => {
    const { page, problems } = await openConsole();
    await expect.poll(() => page.getByRole('heading', { name: '员工登录' }).isVisible()).toBe(true);

    await signInOnConsole(page, 'clerk', 'not-the-password');
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await screenshot(page, `${ctx.kind}-console-wrong-password`);

    await signInOnConsole(page, 'clerk', DEMO_PASSWORD);
    await page.getByText('窗口一').waitFor();
    expect(await page.getByText('窗口人员').isVisible()).toBe(true);
    expect(await page.getByRole('listitem').filter({ hasText: '鹰潭市公安局交警支队车辆管理所' }).count()).toBe(1);
    // Not an administrator: no devices.
    expect(await page.getByRole('heading', { name: '设备' }).count()).toBe(0);
    await screenshot(page, `${ctx.kind}-console-signed-in`);

    await page.reload();
    await page.getByText('窗口一').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '员工登录' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '员工登录' }).waitFor();

    expect(problems.filter((p) => !p.startsWith(statusLogged('401')))).toEqual([]);
    expect(problems).toHaveLength(1); // the wrong password, once
    await page.context().close();
  });

  it('an administrator pairs a kiosk by the code on its screen, and the kiosk turns active; revoking it shows at once', async () => {
    const kiosk = await open({ width: 1080, height: 1920 });
    await kiosk.page.goto(`${server.url}/kiosk/`);
    const codeOnScreen = kiosk.page.locator('.code[data-code]');
    await codeOnScreen.waitFor();
    const code = (await codeOnScreen.getAttribute('data-code'))!;
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(await kiosk.page.getByText('本设备尚未配对').isVisible()).toBe(true);
    await screenshot(kiosk.page, `${ctx.kind}-kiosk-pairing`);

    const console = await openConsole();
    await signInOnConsole(console.page, 'admin', DEMO_PASSWORD);
    await console.page.getByRole('heading', { name: '配对新设备' }).waitFor();
    // Typed as read off the screen, with its dash, in lower case.
    await console.page.getByLabel('配对码').fill(`${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase());
    await console.page.locator('select[name=outletId]').selectOption('yt-zhishu');
    await console.page.getByLabel('设备名称').fill('直属大队取号机');
    await console.page.getByRole('button', { name: '配对', exact: true }).click();
    await console.page.getByRole('status').filter({ hasText: '已配对：直属大队取号机' }).waitFor();
    const row = console.page.locator('tr', { hasText: '直属大队取号机' });
    expect(await row.textContent()).toContain('使用中');
    await screenshot(console.page, `${ctx.kind}-console-devices`);

    // The kiosk, waiting on its pairing status, finds itself paired and bound to the outlet.
    await kiosk.page.getByText('请刷身份证或输入预约号').waitFor({ timeout: 10_000 });
    await kiosk.page.getByText('交警支队直属大队便民服务点').waitFor();
    await screenshot(kiosk.page, `${ctx.kind}-kiosk-active`);
    await kiosk.page.reload();
    await kiosk.page.getByText('交警支队直属大队便民服务点').waitFor();

    await row.getByRole('button', { name: '停用' }).click();
    await row.getByRole('button', { name: '确定停用' }).click();
    await console.page.getByRole('status').filter({ hasText: '已停用：直属大队取号机' }).waitFor();
    // Its live connection is dropped at once, and the kiosk says so.
    await kiosk.page.getByText('本设备已停用').waitFor({ timeout: 3_000 });
    await screenshot(kiosk.page, `${ctx.kind}-kiosk-revoked`);
    await kiosk.page.getByRole('button', { name: /重新配对/ }).click();
    await codeOnScreen.waitFor();
    expect(await codeOnScreen.getAttribute('data-code')).not.toBe(code);

    expect(kiosk.problems).toEqual([]);
    expect(console.problems).toEqual([]);
    await kiosk.page.context().close();
    await console.page.context().close();
  });

  it('a display takes its token from the address, keeps it across reloads, and retries through a network failure', async () => {
    const token = seeded.devices.find((d) => d.kind === 'display')!.token;
    const { page, problems } = await open({ width: 1920, height: 1080 });
    await page.goto(`${server.url}/display/#device=${token}`);
    await page.getByText('鹰潭市公安局交警支队车辆管理所').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('lobby.device'))).toContain(token);

    // The server cannot be reached for a while: the display says so and keeps trying, token kept.
    let failures = 0;
    await page.route('**/api/devices/pairing/status', (route) => {
      failures++;
      return route.abort('internetdisconnected');
    });
    await page.reload();
    await page.getByText('网络连接已断开').waitFor();
    // What it last knew stays on screen: never a signed-out or blank display.
    expect(await page.getByText('鹰潭市公安局交警支队车辆管理所').isVisible()).toBe(true);
    await screenshot(page, `${ctx.kind}-display-offline`);
    expect(await page.evaluate(() => localStorage.getItem('lobby.device'))).toContain(token);
    await page.unroute('**/api/devices/pairing/status');
    await page.getByText('鹰潭市公安局交警支队车辆管理所').waitFor({ timeout: 10_000 });
    await page.getByText('已连接 Connected').waitFor();
    await screenshot(page, `${ctx.kind}-display-active`);

    expect(failures).toBeGreaterThan(0);
    const provoked = (p: string) => p.endsWith('/api/devices/pairing/status') || p === 'console.error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED';
    expect(problems.filter((p) => !provoked(p))).toEqual([]);
    await page.context().close();
  });
});
