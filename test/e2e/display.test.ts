/**
 * The lobby display as the hall sees and hears it, in Chromium at 1920×1080 against the real server
 * (the demo display of the office, the clock on Monday 2026-11-23 09:00 Beijing): a clerk calls a
 * walk-in ticket through the counter API, the screen shows the number and the counter, and the
 * sentence handed to `speechSynthesis` is the expected one — once per call, again for a recall,
 * never again after a reload; English and mute from the keyboard. The queue shows a green-channel
 * ticket first and marked, and the notices run along the bottom. With the network gone it says
 * so, and once back it shows what happened meanwhile without announcing it.
 *
 * `speechSynthesis.speak` is wrapped before the page loads: it records the utterance's text and
 * ends it at once (headless Chromium has no voices), so the display's queue moves on.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { counters } from '../../db/schema.ts';
import { seedDemoData, type SeedResult } from '../../server/demo-data.ts';
import { ensureWebBuild } from '../../server/web-build.ts';
import { startTestServer, type RunningServer } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from '../support/browser.ts';
import { idNumberBornOn } from '../support/check-in.ts';
import { describeOnDatabases } from '../support/databases.ts';
import { fetcherFor, signIn, type StaffSession } from '../support/sign-in.ts';

const SCREEN = { width: 1920, height: 1080 };
/** A chime (about 1.4 s) comes before each sentence. */
const SPEECH = { timeout: 5_000 };
/** Long enough for a chime and a sentence that should not come. */
const SILENCE_MS = 2_500;

/** Runs in the page before its scripts: what the display says is kept in `window.__spoken`. */
function captureSpeech(): void {
  const spoken: string[] = [];
  Object.defineProperty(window, '__spoken', { value: spoken });
  window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
    spoken.push(utterance.text);
    setTimeout(() => utterance.onend?.(new SpeechSynthesisEvent('end', { utterance })), 20);
  };
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.slice());

describeOnDatabases('the lobby display in Chromium', (ctx) => {
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
    clerk = await signIn(fetcherFor(server.url), 'clerk', '10.7.0.1');
    const [row] = await ctx.database.db.select({ id: counters.id }).from(counters)
      .where(and(eq(counters.outletId, 'yt-dmv'), eq(counters.number, 7)));
    counter7 = row!.id;
    await atCounter('open');
    await publishNotice();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const token = (kind: 'kiosk' | 'display') => seeded.devices.find((d) => d.kind === kind)!.token;

  /** A notice for the office, for the display's ticker. */
  async function publishNotice(): Promise<void> {
    const supervisor = await signIn(fetcherFor(server.url), 'supervisor', '10.7.0.3');
    const created = await fetch(`${server.url}/api/admin/notices`, {
      method: 'POST', headers: supervisor.headers,
      body: JSON.stringify({
        outletId: 'yt-dmv', kind: 'info',
        title: { zh: '大厅叫号提示', en: 'Calling in the lobby' },
        body: { zh: '请留意大屏和语音叫号，过号请到咨询台。', en: 'Watch the screen and listen for your number.' },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await fetch(`${server.url}/api/admin/notices/${id}/publish`, { method: 'POST', headers: supervisor.headers, body: '{}' })).status).toBe(200);
  }

  /**
   * A walk-in ticket for traffic violations (prefix C) from the office's kiosk; `green`: the holder
   * is over 70, which the kiosk reads from the ID number.
   */
  async function walkIn(options: { green?: boolean } = {}): Promise<string> {
    const res = await fetch(`${server.url}/api/kiosk/walk-ins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token('kiosk')}`, 'content-type': 'application/json', 'x-forwarded-for': '10.7.0.2' },
      body: JSON.stringify({ idNumber: idNumberBornOn(options.green ? '1950-01-01' : '1985-01-01'), serviceId: 'violation' }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { ticket: { number: string } }).ticket.number;
  }

  /** The clerk's action at counter 7 (which serves traffic violations); returns the ticket it moved. */
  async function atCounter(action: 'open' | 'call-next' | 'recall' | 'finish'): Promise<string | undefined> {
    const res = await fetch(`${server.url}/api/counters/${counter7}/${action}`, {
      method: 'POST', headers: clerk.headers, body: JSON.stringify({ idempotencyKey: randomUUID() }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { ticket: { number: string } | null }).ticket?.number;
  }

  /** The demo display, paired by the token in its address, its board shown and its voice allowed. */
  async function openDisplay(): Promise<WatchedPage> {
    const watched = await openPage(browser, SCREEN);
    watched.page.setDefaultTimeout(10_000);
    await watched.page.addInitScript(captureSpeech);
    await watched.page.goto(`${server.url}/display/#device=${token('display')}`);
    await watched.page.getByText('鹰潭市公安局交警支队车辆管理所').first().waitFor();
    await watched.page.getByRole('heading', { name: /正在呼叫/ }).waitFor();
    await allowVoice(watched.page);
    return watched;
  }

  /** What someone setting up the screen does once: a click, which lets the browser make sound. */
  async function allowVoice(page: Page): Promise<void> {
    const overlay = page.getByText('点击启用语音');
    await overlay.waitFor();
    await page.mouse.click(SCREEN.width / 2, SCREEN.height / 2);
    await overlay.waitFor({ state: 'detached' });
  }

  const callCard = (page: Page, number: string) => page.locator(`display-calling li[data-number="${number}"]`);

  it('shows a call from the counter with its counter, says it once, a recall again, nothing after a reload, and in English or not at all as set from the keyboard', async () => {
    const { page, problems } = await openDisplay();
    await page.locator('display-notice-ticker').getByText('大厅叫号提示').waitFor();
    const first = await walkIn();
    await page.locator('display-queues').getByText(first).waitFor();

    expect(await atCounter('call-next')).toBe(first);
    await callCard(page, first).waitFor();
    expect(await callCard(page, first).getAttribute('data-counter')).toBe('7');
    expect(await callCard(page, first).textContent()).toContain('请到 7 号窗口');
    await expect.poll(() => spoken(page), SPEECH).toEqual([`请 ${[...first].join(' ')} 号到 7 号窗口办理`]);
    expect(first).toBe('C001');
    expect(await spoken(page)).toEqual(['请 C 0 0 1 号到 7 号窗口办理']);
    // The last calls, and the queue without the called ticket.
    await page.locator('display-recent-calls').getByText('C001').waitFor();
    await expect.poll(() => page.locator('display-queues').getByText('C001').count()).toBe(0);

    // Two more wait; the one over 70 is marked and goes first, as the server orders the queue.
    const later = await walkIn();
    const green = await walkIn({ green: true });
    const next = page.locator('display-queues [data-group="violation"] .next li');
    const shown = async () => (await next.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    await expect.poll(shown, SPEECH).toEqual([`${green} 绿色通道`, later]);
    await screenshot(page, `${ctx.kind}-display-1920x1080`);

    expect(await atCounter('recall')).toBe(first);
    await expect.poll(() => spoken(page), SPEECH).toEqual(['请 C 0 0 1 号到 7 号窗口办理', '请 C 0 0 1 号到 7 号窗口办理']);
    await expect.poll(() => page.locator('display-recent-calls li').count()).toBe(2);

    // A reload shows the same call, and announces nothing: it is not new.
    await page.reload();
    await page.getByRole('heading', { name: /正在呼叫/ }).waitFor();
    await allowVoice(page);
    await callCard(page, first).waitFor();
    await page.waitForTimeout(SILENCE_MS);
    expect(await spoken(page)).toEqual([]);

    // Settings from the keyboard, shown for a moment: English after Chinese, then muted.
    await page.keyboard.press('e');
    await page.getByText('英文播报：开').waitFor();
    await atCounter('recall');
    await expect.poll(() => spoken(page), SPEECH).toEqual(['请 C 0 0 1 号到 7 号窗口办理', 'Number C 0 0 1, please go to counter 7']);
    await page.keyboard.press('m');
    await page.getByText('语音已静音').waitFor();
    await atCounter('recall');
    await page.waitForTimeout(SILENCE_MS);
    expect(await spoken(page)).toHaveLength(2);
    expect(await page.evaluate(() => localStorage.getItem('lobby.display.voice'))).toBe('{"muted":true,"english":true,"volume":0.8}');

    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('says when the connection is lost, keeps trying, and shows what it missed without announcing it', async () => {
    const { page, problems } = await openDisplay();
    const banner = page.getByText('连接中断，正在重连');
    expect(await banner.count()).toBe(0);

    await page.context().setOffline(true);
    await banner.waitFor();
    expect(await page.getByText('Connection lost, reconnecting').isVisible()).toBe(true);
    await screenshot(page, `${ctx.kind}-display-connection-lost`);

    // Called while the display is away (this also finishes the ticket in hand).
    await walkIn();
    const missed = await atCounter('call-next');
    expect(missed).toBeDefined();

    await page.context().setOffline(false);
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    await callCard(page, missed!).waitFor();
    expect(await callCard(page, missed!).getAttribute('data-counter')).toBe('7');
    await page.waitForTimeout(SILENCE_MS);
    expect(await spoken(page)).toEqual([]);

    // And live again: the next call is said.
    const next = await atCounter('call-next');
    await expect.poll(() => spoken(page), SPEECH).toEqual([`请 ${[...next!].join(' ')} 号到 7 号窗口办理`]);

    // Going offline may make the browser log the websocket's failure to reconnect.
    expect(problems.filter((p) => !/WebSocket|ERR_INTERNET_DISCONNECTED/.test(p))).toEqual([]);
    await page.context().close();
  }, 60_000);
});
