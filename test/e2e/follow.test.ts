/**
 * A phone following its ticket, in Chromium at 375×667 against the real server (the clock on Monday
 * 2026-11-23 09:00 Beijing): the QR code's address opens the ticket without any sign-in, shows the
 * number and the people ahead, follows the counter's calls live, tells its holder which counter to
 * go to (and vibrates), and once the business is finished takes a rating — a low one only with a
 * reason — and thanks.
 *
 * `navigator.vibrate` is wrapped before the page loads, to record what the page asked for.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { counters, ratings } from '../../db/schema.ts';
import { seedDemoData, type SeedResult } from '../../server/demo-data.ts';
import { ensureWebBuild } from '../../server/web-build.ts';
import { startTestServer, type RunningServer } from '../support/app.ts';
import { launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { idNumberBornOn } from '../support/check-in.ts';
import { describeOnDatabases } from '../support/databases.ts';
import { fetcherFor, signIn, type StaffSession } from '../support/sign-in.ts';

const PHONE = { width: 375, height: 667 };
const LIVE = { timeout: 5_000 };

/** Runs in the page before its scripts: what the page asks the phone to vibrate is kept in `window.__vibrations`. */
function captureVibration(): void {
  const vibrations: unknown[] = [];
  Object.defineProperty(window, '__vibrations', { value: vibrations });
  Object.defineProperty(navigator, 'vibrate', {
    configurable: true,
    value: (pattern: VibratePattern) => {
      vibrations.push(pattern);
      return true;
    },
  });
}

interface IssuedTicket {
  id: string;
  number: string;
  followUrl: string;
}

describeOnDatabases('a phone following its ticket in Chromium', (ctx) => {
  let server: RunningServer;
  let browser: Browser;
  let seeded: SeedResult;
  let clerk: StaffSession;
  let counter7: string;

  beforeAll(async () => {
    await ensureWebBuild();
    seeded = (await seedDemoData(ctx.database.db))!;
    server = await startTestServer(ctx.database);
    browser = await launchBrowser();
    clerk = await signIn(fetcherFor(server.url), 'clerk', '10.8.0.1');
    const [row] = await ctx.database.db.select({ id: counters.id }).from(counters)
      .where(and(eq(counters.outletId, 'yt-dmv'), eq(counters.number, 7)));
    counter7 = row!.id;
    await atCounter('open');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A walk-in ticket for traffic violations from the office's kiosk. */
  async function walkIn(): Promise<IssuedTicket> {
    const res = await fetch(`${server.url}/api/kiosk/walk-ins`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${seeded.devices.find((d) => d.kind === 'kiosk')!.token}`,
        'content-type': 'application/json', 'x-forwarded-for': '10.8.0.2',
      },
      body: JSON.stringify({ idNumber: idNumberBornOn('1985-01-01'), serviceId: 'violation' }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { ticket: IssuedTicket }).ticket;
  }

  /** The clerk's action at counter 7 (which serves traffic violations); returns the ticket it moved. */
  async function atCounter(action: 'open' | 'call-next' | 'start' | 'finish'): Promise<string | undefined> {
    const res = await fetch(`${server.url}/api/counters/${counter7}/${action}`, {
      method: 'POST', headers: clerk.headers, body: JSON.stringify({ idempotencyKey: randomUUID() }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { ticket: { number: string } | null }).ticket?.number;
  }

  /** The QR code's address, on the test server (the ticket carries the public address). */
  const onTestServer = (followUrl: string) => {
    const url = new URL(followUrl);
    return `${server.url}${url.pathname}${url.search}${url.hash}`;
  };

  it('shows the ticket and the people ahead, tells its holder the counter with a vibration, and takes a rating with its reason', async () => {
    const ahead = await walkIn();
    const mine = await walkIn();
    expect(new URL(mine.followUrl).hash).toMatch(/^#\/ticket\/[\w-]{16,}$/);

    const { page, problems } = await openPage(browser, PHONE);
    page.setDefaultTimeout(10_000);
    await page.addInitScript(captureVibration);
    await page.goto(onTestServer(mine.followUrl));

    const number = page.locator(`[data-number="${mine.number}"]`);
    await number.waitFor();
    expect(await page.getByRole('heading', { name: '排队进度' }).isVisible()).toBe(true);
    expect(await page.getByText('交通违法处理').first().isVisible()).toBe(true);
    expect(await page.locator('[data-ahead]').textContent()).toBe('1');
    // No sign-in asked for: the token is the ticket's only credential.
    expect(await page.getByText('微信').count()).toBe(0);
    await screenshot(page, `${ctx.kind}-follow-waiting`);

    // The one ahead is called: nobody ahead any more, live.
    expect(await atCounter('call-next')).toBe(ahead.number);
    await expect.poll(() => page.locator('[data-ahead]').textContent(), LIVE).toBe('0');
    await page.getByText('下一位就是您').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations.length)).toBe(0);

    // Now this one: the counter, prominently, and the phone vibrates.
    expect(await atCounter('call-next')).toBe(mine.number);
    await page.getByText('请到 7 号窗口办理').waitFor(LIVE);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations.length)).toBe(1);
    await screenshot(page, `${ctx.kind}-follow-called`);

    await atCounter('start');
    await page.getByText('您正在 7 号窗口办理业务').waitFor(LIVE);
    await atCounter('finish');
    await page.getByText('业务已办结').first().waitFor(LIVE);

    // The rating: a low grade needs a reason.
    expect(await page.getByRole('radio').count()).toBe(5);
    await page.getByRole('radio', { name: '不满意', exact: true }).check();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('请说明不满意的原因').waitFor();
    await page.getByLabel('不满意的原因（必填）').fill('等候时间太长');
    await screenshot(page, `${ctx.kind}-follow-rating`);
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('感谢您的评价').waitFor();
    expect(await page.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    await screenshot(page, `${ctx.kind}-follow-rated`);

    const [rating] = await ctx.database.db.select().from(ratings).where(eq(ratings.ticketId, mine.id));
    expect(rating).toMatchObject({ grade: 2, reason: '等候时间太长' });

    // Opened again later: thanks, no second rating.
    await page.reload();
    await page.getByText('感谢您的评价').waitFor();
    expect(await page.getByRole('button', { name: '提交评价' }).count()).toBe(0);

    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('says so when no ticket has the token', async () => {
    const { page, problems } = await openPage(browser, PHONE);
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/h5/#/ticket/${'x'.repeat(24)}`);
    await page.getByRole('alert').filter({ hasText: '没有找到该排队号' }).waitFor();
    await screenshot(page, `${ctx.kind}-follow-not-found`);
    // The page asked once, and was told 404.
    expect(problems).toEqual(['console.error: Failed to load resource: the server responded with a status of 404 (Not Found)']);
    await page.context().close();
  }, 60_000);
});
