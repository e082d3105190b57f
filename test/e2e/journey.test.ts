/**
 * The whole journey in real Chromium, one page per device, against the real server, the fake WeChat
 * and the seeded demo office (issue 10): a citizen signs in through WeChat, registers and books on
 * the H5 page (375 px); on the day, the lobby kiosk checks them in (card reader + keypad); a
 * 72-year-old with a booking for the same service and slot checks in after them and goes ahead in
 * the green channel; a clerk calls from the console with F1 — the 72-year-old first, then the
 * citizen; the display (1920×1080) shows each call and hands the exact sentence to speech; the
 * citizen's phone, opened from the ticket's QR code, says "your turn" with the counter; the clerk
 * finishes and the citizen rates the service on the phone; the day's report counts all of it.
 * A screenshot of every page at every step is kept in test-results/ (`<database>-journey-…`).
 *
 * The server's clock stands still and is moved by the test: booking happens on Monday 2026-11-23
 * 09:00 (Beijing), the lobby part on Tuesday, from the start of the booked slot on, minute by
 * minute, so the report's waits and service times are exact.
 */
import { desc, eq } from 'drizzle-orm';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { idCheckChar } from '../../common/id-number.ts';
import { maskIdNumber } from '../../common/mask.ts';
import type { HistoryReport } from '../../common/reports.ts';
import { shanghaiInstant } from '../../common/time.ts';
import { bookings, outbox, ratings, slots, tickets } from '../../db/schema.ts';
import { DEMO_PASSWORD, seedDemoData, type SeedResult } from '../../server/demo-data.ts';
import { ensureWebBuild } from '../../server/web-build.ts';
import { startFakeWechat, type FakeWechat } from '../../server/wechat/fake-server.ts';
import { startTestServer } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from '../support/browser.ts';
import { insertBookingFor, insertHolder } from '../support/check-in.ts';
import { describeOnDatabases } from '../support/databases.ts';
import { fetcherFor, signIn } from '../support/sign-in.ts';
import { wechatConfigOf } from '../support/wechat.ts';

const PHONE = { width: 375, height: 812 };
const KIOSK = { width: 1080, height: 1920 };
const SCREEN = { width: 1920, height: 1080 };
const CONSOLE = { width: 1366, height: 900 };
const OFFICE = 'yt-dmv';
const SERVICE = 'mv-transfer';
/** Tomorrow from the test clock's Monday: the first bookable day, and the day of the lobby part. */
const DAY = '2026-11-24';
/** Born so as to be 72 on DAY. */
const ELDER_BIRTH_DATE = '1954-05-01';
/** Counter 1 serves ownership transfers. */
const COUNTER = 1;
/** Live updates, and a chime (about 1.4 s) before each sentence. */
const LIVE = { timeout: 8_000 };

/** A valid resident ID number born 1990 (not in the green channel by age). */
function citizenIdNumber(): string {
  const first17 = '36010219900101201';
  return `${first17}${idCheckChar(first17)}`;
}

/** The text of the QR code in a PNG (a screenshot of it), read with jsQR as a phone's camera would. */
function decodeQr(image: Buffer): string | undefined {
  const png = PNG.sync.read(image);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** Runs in the display before its scripts: what it says is kept in `window.__spoken` (headless Chromium has no voices). */
function captureSpeech(): void {
  const spoken: string[] = [];
  Object.defineProperty(window, '__spoken', { value: spoken });
  window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
    spoken.push(utterance.text);
    setTimeout(() => utterance.onend?.(new SpeechSynthesisEvent('end', { utterance })), 20);
  };
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.slice());
/** The sentence the display says for a call: `请 A 0 0 1 号到 1 号窗口办理`. */
const sentence = (number: string, counter: number) => `请 ${[...number].join(' ')} 号到 ${counter} 号窗口办理`;

describeOnDatabases('the whole journey in Chromium: book, check in, green channel, call, display, phone, rate, report', (ctx) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fake: FakeWechat;
  let browser: Browser;
  let seed: SeedResult;

  beforeAll(async () => {
    await ensureWebBuild();
    seed = (await seedDemoData(ctx.database.db))!;
    fake = await startFakeWechat();
    server = await startTestServer(ctx.database, { wechat: wechatConfigOf(fake) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
  });

  const token = (kind: 'kiosk' | 'display') => seed.devices.find((d) => d.kind === kind)!.token;
  const shot = (page: Page, step: string) => screenshot(page, `${ctx.kind}-journey-${step}`);

  /** Moves the server's clock to `time` (`HH:MM`) on the day of the lobby part, Beijing time. */
  const at = (time: string) => server.clock.set(shanghaiInstant(DAY, time));
  /** `HH:MM` plus `minutes`. */
  const plus = (time: string, minutes: number) => {
    const [h, m] = time.split(':').map(Number) as [number, number];
    const total = h * 60 + m + minutes;
    return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  };

  async function codeSentTo(phone: string): Promise<string> {
    let code: string | undefined;
    await expect.poll(async () => {
      const [sms] = await ctx.database.db.select().from(outbox).where(eq(outbox.channel, 'sms')).orderBy(desc(outbox.id)).limit(1);
      code = sms && server.privacy.decrypt(sms.recipient) === phone ? String(sms.payload.code) : undefined;
      return code;
    }).toMatch(/^\d{6}$/);
    return code!;
  }

  /** Like a card reader (or a QR scanner): the text typed and Enter, with nothing focused. */
  async function readCard(page: Page, text: string): Promise<void> {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  async function pressKeys(page: Page, digits: string): Promise<void> {
    for (const digit of digits) await page.getByRole('button', { name: digit, exact: true }).click();
  }

  const checkInChoice = (page: Page) => page.getByRole('button', { name: /有预约 · 签到取号/ });

  /** At the kiosk's start screen: card, appointment number on the keypad, "check in"; returns the ticket's number. */
  async function checkInAtKiosk(page: Page, idNumber: string, appointmentNo: string): Promise<string> {
    await expect.poll(() => checkInChoice(page).isEnabled()).toBe(true);
    await checkInChoice(page).click();
    await page.getByRole('heading', { name: /请在读卡区刷身份证/ }).waitFor();
    await readCard(page, idNumber);
    await page.getByText(maskIdNumber(idNumber)).waitFor();
    await pressKeys(page, appointmentNo);
    await page.getByRole('button', { name: /签到取号/ }).click();
    const number = page.locator('kiosk-ticket .number');
    await number.waitFor();
    return (await number.getAttribute('data-number'))!;
  }

  /** The number in the clerk's hand once it is not `previous`. */
  async function calledAtConsole(page: Page, previous: string | null): Promise<string> {
    const shown = page.locator('console-current-ticket .number');
    await expect.poll(async () => ((await shown.count()) > 0 ? shown.getAttribute('data-number') : null), LIVE).not.toBe(previous);
    return (await shown.getAttribute('data-number'))!;
  }

  it('a citizen books on the phone, checks in at the kiosk, lets a 72-year-old go first, is called to the counter on the display and the phone, rates the service, and the day\'s report counts it all', async () => {
    const pages: WatchedPage[] = [];
    const open = async (size: { width: number; height: number }) => {
      const watched = await openPage(browser, size);
      watched.page.setDefaultTimeout(10_000);
      pages.push(watched);
      return watched;
    };

    // 1. Monday: the citizen signs in through WeChat, registers and books for Tuesday on the phone.
    const citizen = { name: '赵小明', idNumber: citizenIdNumber(), phone: '13800000201' };
    const { page: phone, problems: phoneProblems } = await open(PHONE);
    await phone.goto(`${server.url}/h5/`);
    await phone.getByRole('link', { name: '微信授权登录' }).click();
    await phone.waitForURL(`${fake.url}/connect/oauth2/authorize?**`);
    await phone.getByLabel('昵称').fill('全程测试');
    await shot(phone, '01-wechat-authorize');
    await phone.getByRole('button', { name: '新建并授权' }).click();
    await phone.getByRole('heading', { name: '实名注册' }).waitFor();
    await phone.getByLabel('姓名').fill(citizen.name);
    await phone.getByLabel('身份证号码').fill(citizen.idNumber);
    await phone.getByLabel('手机号码').fill(citizen.phone);
    await phone.getByRole('button', { name: '获取验证码' }).click();
    await phone.getByLabel('短信验证码').fill(await codeSentTo(citizen.phone));
    await shot(phone, '02-h5-register');
    await phone.getByRole('button', { name: '提交注册' }).click();
    await phone.getByRole('heading', { name: '我的信息' }).waitFor();
    await shot(phone, '03-h5-registered');

    await phone.getByRole('link', { name: '预约办事' }).first().click();
    await phone.locator('button.kind-personal').click();
    await phone.locator(`button.service[data-service="${SERVICE}"]`).click();
    await phone.locator(`button.outlet[data-outlet="${OFFICE}"]`).click();
    await phone.locator(`button.date[data-date="${DAY}"]`).click();
    const firstSlot = phone.locator('button.slot:not([disabled])').first();
    await firstSlot.waitFor();
    const startsAt = (await firstSlot.getAttribute('data-starts'))!;
    expect(startsAt).toMatch(/^\d{2}:\d{2}$/);
    await shot(phone, '04-h5-slots');
    await firstSlot.click();
    await phone.getByRole('button', { name: '下一步' }).click();
    await phone.getByRole('heading', { name: '确认预约信息' }).waitFor();
    await phone.getByRole('button', { name: '确认预约' }).click();
    await phone.getByRole('heading', { name: /预约凭证/ }).waitFor();
    const appointmentNo = (await phone.locator('.appointment-no').textContent())!.trim();
    expect(appointmentNo).toMatch(/^\d{12}$/);
    expect(await phone.locator('dd.time').textContent()).toContain(startsAt);
    await shot(phone, '05-h5-voucher');

    const [booked] = await ctx.database.db.select({ id: bookings.id, endsAt: slots.endsAt }).from(bookings)
      .innerJoin(slots, eq(slots.id, bookings.slotId)).where(eq(bookings.appointmentNo, appointmentNo));
    const endsAt = booked!.endsAt.slice(0, 5);

    // A 72-year-old holds a booking for the same service in the same slot.
    const elder = await insertHolder(ctx.database.db, server.privacy, { birthDate: ELDER_BIRTH_DATE });
    const elderBooking = await insertBookingFor(ctx.database.db, elder, { date: DAY, startsAt, endsAt, serviceId: SERVICE });

    // 2. Tuesday, at the start of the slot: the lobby's display and the clerk's console are on.
    at(startsAt);
    const { page: display, problems: displayProblems } = await open(SCREEN);
    await display.addInitScript(captureSpeech);
    await display.goto(`${server.url}/display/#device=${token('display')}`);
    await display.getByRole('heading', { name: /正在呼叫/ }).waitFor();
    const voiceOverlay = display.getByText('点击启用语音');
    await voiceOverlay.waitFor();
    await display.mouse.click(SCREEN.width / 2, SCREEN.height / 2);
    await voiceOverlay.waitFor({ state: 'detached' });

    const { page: clerk, problems: clerkProblems } = await open(CONSOLE);
    await clerk.goto(`${server.url}/console/`);
    await clerk.getByLabel('用户名').fill('clerk');
    await clerk.getByLabel('密码').fill(DEMO_PASSWORD);
    await clerk.getByRole('button', { name: '登录' }).click();
    await clerk.getByRole('button', { name: `开启${COUNTER}号窗口` }).click();
    await clerk.getByRole('heading', { name: `${COUNTER}号窗口` }).waitFor();
    await clerk.getByRole('heading', { name: '等候队列（0 人）' }).waitFor();

    // The citizen checks in at the kiosk: the card reader types the ID, the keypad the number.
    const { page: kiosk, problems: kioskProblems } = await open(KIOSK);
    await kiosk.addInitScript(() => {
      window.print = () => {};
    });
    await kiosk.goto(`${server.url}/kiosk/#device=${token('kiosk')}`);
    await kiosk.getByText('请刷身份证或输入预约号').waitFor();
    await shot(kiosk, '06-kiosk-start');
    const mine = await checkInAtKiosk(kiosk, citizen.idNumber, appointmentNo);
    expect(mine).toMatch(/^A\d{3}$/);
    expect(await kiosk.locator('kiosk-ticket .appointment').textContent()).toBe(appointmentNo);
    expect(await kiosk.locator('kiosk-ticket dd.ahead').textContent()).toBe('0 人');
    expect(await kiosk.locator('kiosk-ticket article.ticket.green').count()).toBe(0);
    // Counters 1 and 2 serve ownership transfers.
    await kiosk.getByText(`请到 ${COUNTER}、2 号窗口`).waitFor();
    await shot(kiosk, '07-kiosk-ticket-citizen');
    // The ticket's QR code is its live page; the citizen's phone scans it.
    const followUrl = decodeQr(await kiosk.locator('kiosk-ticket img.qr').screenshot());
    expect(followUrl).toBeDefined();
    const follow = new URL(followUrl!);
    const followToken = follow.hash.replace('#/ticket/', '');
    const [mineRow] = await ctx.database.db.select({ followToken: tickets.followToken, class: tickets.class }).from(tickets).where(eq(tickets.number, mine));
    expect(mineRow).toEqual({ followToken, class: 'appointment' });
    await phone.goto(`${server.url}${follow.pathname}${follow.search}${follow.hash}`);
    await phone.locator(`[data-number="${mine}"]`).waitFor();
    await expect.poll(() => phone.locator('[data-ahead]').textContent(), LIVE).toBe('0');
    await phone.getByText('● 实时更新中').waitFor();
    await shot(phone, '08-phone-waiting-first');

    // 3. Two minutes later the 72-year-old checks in: a green ticket that goes ahead of the citizen.
    at(plus(startsAt, 2));
    await kiosk.getByRole('button', { name: /完成/ }).click();
    const elders = await checkInAtKiosk(kiosk, elder.idNumber, elderBooking.appointmentNo);
    expect(elders).toMatch(/^A\d{3}$/);
    expect(elders).not.toBe(mine);
    await kiosk.getByText('绿色通道 · 70 周岁以上老人').waitFor();
    expect(await kiosk.locator('kiosk-ticket article.ticket.green').count()).toBe(1);
    expect(await kiosk.locator('kiosk-ticket dd.ahead').textContent()).toBe('0 人');
    await shot(kiosk, '09-kiosk-ticket-green');
    await kiosk.getByRole('button', { name: /完成/ }).click();
    await checkInChoice(kiosk).waitFor();

    // Everyone sees the new order: the phone (one ahead now), the console and the display.
    await expect.poll(() => phone.locator('[data-ahead]').textContent(), LIVE).toBe('1');
    await shot(phone, '10-phone-one-ahead');
    await clerk.getByRole('heading', { name: '等候队列（2 人）' }).waitFor();
    expect(await clerk.locator('console-waiting-list tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket')))).toEqual([elders, mine]);
    expect(await clerk.locator(`console-waiting-list tr[data-ticket="${elders}"]`).getAttribute('class')).toBe('green');
    await shot(clerk, '11-console-queue');
    const next = display.locator('display-queues [data-group="vehicle"] .next li');
    const nextShown = async () => (await next.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    await expect.poll(nextShown, LIVE).toEqual([`${elders} 绿色通道`, mine]);
    await shot(display, '12-display-queue');
    expect(await spoken(display)).toEqual([]);

    // 4. The clerk calls with F1: the 72-year-old, in the green channel.
    at(plus(startsAt, 5));
    await clerk.keyboard.press('F1');
    expect(await calledAtConsole(clerk, null)).toBe(elders);
    await clerk.locator('console-current-ticket .badge.green').filter({ hasText: '绿色通道 · 70 周岁以上老人' }).waitFor();
    await shot(clerk, '13-console-called-elder');
    // 5. The display shows it at counter 1 and says it, once.
    const card = (number: string) => display.locator(`display-calling li[data-number="${number}"]`);
    await card(elders).waitFor(LIVE);
    expect(await card(elders).getAttribute('data-counter')).toBe(String(COUNTER));
    await expect.poll(() => spoken(display), LIVE).toEqual([sentence(elders, COUNTER)]);
    await shot(display, '14-display-call-elder');
    // The citizen is next.
    await expect.poll(() => phone.locator('[data-ahead]').textContent(), LIVE).toBe('0');
    await phone.getByText('下一位就是您').waitFor();

    // The clerk serves the 72-year-old (start F4, finish F5) and skips the rating on the console.
    at(plus(startsAt, 6));
    await clerk.keyboard.press('F4');
    await clerk.locator('console-current-ticket').getByText('办理中').waitFor();
    at(plus(startsAt, 16));
    await clerk.keyboard.press('F5');
    await clerk.getByRole('heading', { name: `请为本次服务评价（${elders}）` }).waitFor();
    await clerk.getByRole('button', { name: '跳过' }).click();
    await clerk.getByText('当前没有号').waitFor();

    // F1 again: the citizen.
    at(plus(startsAt, 17));
    await clerk.keyboard.press('F1');
    expect(await calledAtConsole(clerk, null)).toBe(mine);
    await clerk.getByRole('heading', { name: '等候队列（0 人）' }).waitFor();
    await shot(clerk, '15-console-called-citizen');
    await card(mine).waitFor(LIVE);
    expect(await card(mine).getAttribute('data-counter')).toBe(String(COUNTER));
    expect(await card(mine).textContent()).toContain(`请到 ${COUNTER} 号窗口`);
    await expect.poll(() => spoken(display), LIVE).toEqual([sentence(elders, COUNTER), sentence(mine, COUNTER)]);
    await shot(display, '16-display-call-citizen');

    // 6. The citizen's phone: your turn, at counter 1.
    await phone.getByText(`请到 ${COUNTER} 号窗口办理`).waitFor(LIVE);
    await phone.getByText(`正在叫 ${mine} 号`).waitFor();
    await shot(phone, '17-phone-your-turn');

    // 7. The clerk serves and finishes; the citizen rates on the phone; the clerk's panel is skipped.
    at(plus(startsAt, 18));
    await clerk.keyboard.press('F4');
    await phone.getByText(`您正在 ${COUNTER} 号窗口办理业务`).waitFor(LIVE);
    at(plus(startsAt, 30));
    await clerk.keyboard.press('F5');
    await clerk.getByRole('heading', { name: `请为本次服务评价（${mine}）` }).waitFor();
    await phone.getByText('业务已办结').first().waitFor(LIVE);
    at(plus(startsAt, 31));
    await phone.getByRole('radio', { name: '非常满意', exact: true }).check();
    await shot(phone, '18-phone-rating');
    await phone.getByRole('button', { name: '提交评价' }).click();
    await phone.getByText('感谢您的评价').waitFor();
    await shot(phone, '19-phone-rated');
    await clerk.getByRole('button', { name: '跳过' }).click();
    await clerk.getByText('当前没有号').waitFor();
    await shot(clerk, '20-console-done');
    const [rating] = await ctx.database.db.select({ grade: ratings.grade }).from(ratings)
      .innerJoin(tickets, eq(tickets.id, ratings.ticketId)).where(eq(tickets.number, mine));
    expect(rating).toEqual({ grade: 5 });

    // 8. The day's report, as an administrator: both bookings checked in, two tickets (one green),
    // two calls, the waits and service times as the clock moved, and the rating.
    at(plus(startsAt, 40));
    const admin = await signIn(fetcherFor(server.url), 'admin', '10.10.0.1');
    const res = await fetch(`${server.url}/api/reports/history?from=${DAY}&to=${DAY}&outletId=${OFFICE}`, { headers: admin.headers });
    expect(res.status).toBe(200);
    const report = (await res.json()) as HistoryReport;
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({
      date: DAY, outletId: OFFICE, serviceId: SERVICE,
      booked: 2, cancelled: 0, checkedIn: 2, noShows: 0,
      tickets: 2, appointment: 2, walkIn: 0, late: 0, green: 1, greenShare: 50,
      calls: 2, missed: 0,
      // Waited from check-in to the call: 5 − 2 = 3 and 17 − 0 = 17 minutes; at the counter from
      // the call to the finish: 16 − 5 = 11 and 30 − 17 = 13.
      waitMean: 10, waitMax: 17, serviceMean: 12,
      ratings: 1, ratingMean: 5,
    });
    expect(report.totals).toMatchObject({
      tickets: 2, green: 1, greenShare: 50,
      wait: { count: 2, mean: 10, max: 17 }, service: { count: 2, mean: 12, max: 13 },
      ratingCounts: [0, 0, 0, 0, 1], ratingMean: 5,
    });
    const [bookingRow] = await ctx.database.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, booked!.id));
    expect(bookingRow).toEqual({ status: 'checked_in' });

    expect(phoneProblems).toEqual([]);
    expect(kioskProblems).toEqual([]);
    expect(clerkProblems).toEqual([]);
    expect(displayProblems).toEqual([]);
    for (const { page } of pages) await page.context().close();
  }, 120_000);
});
