/**
 * The counter console as clerks and guides use it, in Chromium against the real server: a clerk
 * opens counter 1, calls with a keyboard shortcut, starts and finishes the ticket and has it rated,
 * calls another and transfers it; meanwhile a second clerk at counter 2 (which shares the
 * ownership-transfer queue with counter 1) calls from the same queue, and the two never hold the
 * same ticket. A guide makes a waiting ticket green and sees it move to the front, and is told when
 * the live connection is lost.
 * The test clock stands at Monday 2026-11-23 09:00 in Beijing, inside opening hours.
 */
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IssuedTicket } from '../../common/kiosk.ts';
import { ticketEvents, tickets } from '../../db/schema.ts';
import { DEMO_PASSWORD, seedDemoData, type SeedResult } from '../../server/demo-data.ts';
import { ensureWebBuild } from '../../server/web-build.ts';
import { startTestServer, type RunningServer } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from '../support/browser.ts';
import { idNumberBornOn } from '../support/check-in.ts';
import { describeOnDatabases } from '../support/databases.ts';

describeOnDatabases('the counter console in Chromium', (ctx) => {
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

  /** A walk-in from the demo kiosk, as a citizen taking a number would get it. */
  async function walkIn(serviceId: string): Promise<IssuedTicket['ticket']> {
    const res = await fetch(`${server.url}/api/kiosk/walk-ins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seeded.devices.find((d) => d.kind === 'kiosk')!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: idNumberBornOn('1985-01-01'), serviceId }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as IssuedTicket).ticket;
  }

  /** A console in its own browser context (its own session cookie), signed in as `username`. */
  async function signedIn(username: string): Promise<WatchedPage> {
    const watched = await openPage(browser, { width: 1366, height: 900 });
    watched.page.setDefaultTimeout(10_000);
    await watched.page.goto(`${server.url}/console/`);
    await watched.page.getByLabel('用户名').fill(username);
    await watched.page.getByLabel('密码').fill(DEMO_PASSWORD);
    await watched.page.getByRole('button', { name: '登录' }).click();
    return watched;
  }

  async function openCounter(page: Page, number: number): Promise<void> {
    await page.getByRole('button', { name: `开启${number}号窗口` }).click();
    await page.getByRole('heading', { name: `${number}号窗口` }).waitFor();
  }

  /** The number in hand at this console's counter, once one is shown. */
  async function numberInHand(page: Page): Promise<string> {
    const number = page.locator('console-current-ticket .number');
    await number.waitFor();
    return (await number.getAttribute('data-number'))!;
  }

  /** Waits until the counter holds a ticket other than `previous` (or any, without one). */
  async function nextNumberInHand(page: Page, previous?: string): Promise<string> {
    await expect.poll(async () => {
      const shown = page.locator('console-current-ticket .number');
      return (await shown.count()) > 0 ? shown.getAttribute('data-number') : null;
    }).not.toBe(previous ?? null);
    return numberInHand(page);
  }

  const commandButton = (page: Page, command: string) => page.locator(`console-counter-panel button[data-command="${command}"]`);

  it('two clerks call from a shared queue with shortcuts and buttons, never the same ticket; finish, rate and transfer', async () => {
    const issued = [];
    for (let i = 0; i < 6; i++) issued.push(await walkIn('mv-transfer'));
    const issuedNumbers = issued.map((t) => t.number);

    const first = await signedIn('clerk');
    const second = await signedIn('clerk2');
    const clerk = first.page;
    const clerk2 = second.page;

    await openCounter(clerk, 1);
    await openCounter(clerk2, 2);
    // Counter 1's queues: all six are waiting there.
    await clerk.getByRole('heading', { name: '等候队列（6 人）' }).waitFor();
    expect(await commandButton(clerk, 'call-next').textContent()).toContain('F1 / N');

    // Clerk 1 calls with the function key; the walk-ins are called in the order they came.
    await clerk.keyboard.press('F1');
    const a = await nextNumberInHand(clerk);
    expect(a).toBe(issuedNumbers[0]);
    // Clerk 2 calls with the button; clerk 1's list drops that ticket too, told by the live event.
    await commandButton(clerk2, 'call-next').click();
    const b = await nextNumberInHand(clerk2);
    expect(b).not.toBe(a);
    await clerk.getByRole('heading', { name: '等候队列（4 人）' }).waitFor();

    // Start (letter key), finish (function key): the rating panel appears.
    await clerk.keyboard.press('s');
    await clerk.getByText('办理中').first().waitFor();
    await clerk.keyboard.press('F5');
    await clerk.getByRole('heading', { name: `请为本次服务评价（${a}）` }).waitFor();
    // A low grade needs a reason; letters typed into it are words, not shortcuts (n, s, f, t, p...).
    await clerk.locator('console-rating-panel button[data-grade="2"]').click();
    const submit = clerk.getByRole('button', { name: '提交评价' });
    expect(await submit.isDisabled()).toBe(true);
    await clerk.getByLabel('请告诉我们不满意的原因（必填）').fill('');
    await clerk.getByLabel('请告诉我们不满意的原因（必填）').pressSequentially('no parking, staff fine');
    expect(await submit.isDisabled()).toBe(false);
    // The clerk turns the screen to the citizen, who changes their mind: very satisfied. Keys
    // pressed meanwhile are not the counter's.
    await clerk.getByRole('button', { name: '转向群众评价' }).click();
    const facing = clerk.getByRole('dialog', { name: /请为本次服务评价/ });
    await facing.waitFor();
    await clerk.keyboard.press('F1');
    await facing.locator('button[data-grade="5"]').click();
    await screenshot(clerk, `${ctx.kind}-counter-rating`);
    await facing.getByRole('button', { name: /提交评价/ }).click();
    await clerk.getByRole('status').filter({ hasText: `${a} 的评价已记录` }).waitFor();
    expect(await clerk.getByText('当前没有号').isVisible()).toBe(true);

    // Both call at the same moment: still two different tickets.
    await Promise.all([clerk.keyboard.press('n'), commandButton(clerk2, 'call-next').click()]);
    const c = await nextNumberInHand(clerk, a);
    const d = await nextNumberInHand(clerk2, b);
    expect(new Set([a, b, c, d]).size).toBe(4);
    expect(issuedNumbers).toEqual(expect.arrayContaining([a, b, c, d]));
    await clerk.getByRole('heading', { name: '等候队列（2 人）' }).waitFor();
    await screenshot(clerk, `${ctx.kind}-counter-screen`);

    // Clerk 1 transfers the ticket in hand to licence renewal.
    await clerk.keyboard.press('F6');
    const dialog = clerk.getByRole('dialog', { name: `转移 ${c} 到其他业务` });
    await dialog.waitFor();
    // Keys go to the dialog, not to the counter behind it.
    await clerk.keyboard.press('F1');
    await dialog.getByLabel('驾驶证换证', { exact: true }).check();
    await dialog.getByRole('button', { name: '确认转移' }).click();
    await clerk.getByRole('status').filter({ hasText: `${c} 已转到“驾驶证换证”排队` }).waitFor();
    await clerk.getByText('当前没有号').waitFor();
    // The whole outlet's list shows it waiting for licence renewal.
    await clerk.getByRole('checkbox', { name: '显示全部业务' }).check();
    await clerk.locator('console-waiting-list table', { hasText: '驾驶证换证' }).locator(`tr[data-ticket="${c}"]`).waitFor();

    // After a reload the clerk is back at the counter they hold.
    await clerk.reload();
    await clerk.getByRole('heading', { name: '1号窗口' }).waitFor();

    // A double click on "call next" calls one ticket, not two.
    await commandButton(clerk, 'call-next').dblclick();
    const e = await nextNumberInHand(clerk);
    expect([a, b, c, d]).not.toContain(e);

    // The end of the day: finish, skip the rating, close the counter; it is free to take again.
    await commandButton(clerk, 'finish').click();
    await clerk.getByRole('button', { name: '跳过' }).click();
    await commandButton(clerk, 'close').click();
    await clerk.getByRole('heading', { name: '选择窗口' }).waitFor();
    await clerk.getByRole('button', { name: '开启1号窗口' }).waitFor();

    const transferred = await ctx.database.db.select({ serviceId: tickets.serviceId, status: tickets.status }).from(tickets).where(eq(tickets.number, c));
    expect(transferred).toEqual([{ serviceId: 'dl-renewal', status: 'waiting' }]);
    const calls = await ctx.database.db.select({ ticketId: ticketEvents.ticketId }).from(ticketEvents).where(eq(ticketEvents.type, 'called'));
    // a, b, c, d, e: each called once, by exactly one press.
    expect(calls).toHaveLength(5);
    expect(new Set(calls.map((call) => call.ticketId)).size).toBe(5);

    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
    await clerk.context().close();
    await clerk2.context().close();
  }, 60_000);

  it('a guide makes a waiting ticket green and sees it move to the front of its queue, and sees live updates lost and regained', async () => {
    const waiting = [];
    for (let i = 0; i < 3; i++) waiting.push(await walkIn('violation'));
    const last = waiting.at(-1)!;

    const { page, problems } = await signedIn('guide');
    const queue = page.locator('console-waiting-list table', { hasText: '交通违法处理' });
    await queue.locator(`tr[data-ticket="${last.number}"]`).waitFor();
    expect(await queue.locator('tbody tr').first().getAttribute('data-ticket')).toBe(waiting[0]!.number);
    // Guides do not work counters.
    expect(await page.getByRole('heading', { name: '选择窗口' }).count()).toBe(0);

    await queue.locator(`tr[data-ticket="${last.number}"]`).getByRole('button', { name: '绿色通道' }).click();
    const dialog = page.getByRole('dialog', { name: `${last.number} 改为绿色通道` });
    await dialog.getByLabel('孕妇').check();
    await dialog.getByLabel('备注（选填）').fill('孕晚期');
    await dialog.getByRole('button', { name: '确认' }).click();
    await page.getByRole('status').filter({ hasText: `${last.number} 已改为绿色通道` }).waitFor();
    await expect.poll(() => queue.locator('tbody tr').first().getAttribute('data-ticket')).toBe(last.number);
    const [green] = await ctx.database.db.select({ class: tickets.class }).from(tickets).where(and(eq(tickets.id, last.id), eq(tickets.status, 'waiting')));
    expect(green?.class).toBe('green');

    // Why is the green ticket ahead of the first walk-in? The server says.
    await page.locator('console-order-explain select[name="first"]').selectOption({ label: `${waiting[0]!.number} · 交通违法处理` });
    await page.locator('console-order-explain select[name="second"]').selectOption({ label: `${last.number} · 交通违法处理` });
    await page.getByRole('button', { name: '为什么是这个顺序？' }).click();
    await page.getByRole('status').filter({ hasText: `${last.number} 排在 ${waiting[0]!.number} 前面` }).waitFor();
    await screenshot(page, `${ctx.kind}-console-guide-queue`);

    // The server drops the live connection: the guide is told, and once it is back the list
    // catches up with a ticket issued meanwhile.
    server.io.disconnectSockets(true);
    await page.getByRole('alert').filter({ hasText: '实时更新已中断' }).waitFor();
    const meanwhile = await walkIn('violation');
    await queue.locator(`tr[data-ticket="${meanwhile.number}"]`).waitFor();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '实时更新已中断' }).count()).toBe(0);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
