/**
 * The lobby kiosk as people use it, in Chromium at the size of a portrait kiosk screen, against the
 * real server with the demo kiosk of the office and the clock on Monday 2026-11-23 09:00 (Beijing):
 * a card reader types the ID, the appointment number is pressed on the keypad, the ticket appears,
 * prints once, and prints on 80 mm paper; a voucher QR scanned; a walk-in ticket made green by a
 * guide; refusals said in the server's sentence; a kiosk left alone forgets; and no ticket while
 * the network is gone.
 */
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { maskIdNumber } from '../../common/mask.ts';
import { voucherExpiry } from '../../server/booking/voucher-token.ts';
import { DEMO_GUIDE_CODE, seedDemoData, type SeedResult } from '../../server/demo-data.ts';
import { ensureWebBuild } from '../../server/web-build.ts';
import { startTestServer } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from '../support/browser.ts';
import { insertAgency, insertBookingFor, insertHolder, type Holder, type TodayBooking } from '../support/check-in.ts';
import { describeOnDatabases } from '../support/databases.ts';

const TODAY = '2026-11-23';
const PORTRAIT = { width: 1080, height: 1920 };
/** CSS pixels (96 a inch) in `n` millimetres. */
const mm = (n: number) => (n * 96) / 25.4;
/** 80 mm at 96 dpi: the width of a thermal ticket roll. */
const PAPER_80MM = { width: Math.round(mm(80)), height: 1100 };

/** The text of the QR code in a PNG (a screenshot), read with jsQR as a phone's camera would. */
function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

const statusLogged = (status: string) => `console.error: Failed to load resource: the server responded with a status of ${status}`;

describeOnDatabases('the lobby kiosk in Chromium', (ctx) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let seed: SeedResult;

  beforeAll(async () => {
    await ensureWebBuild();
    seed = (await seedDemoData(ctx.database.db))!;
    server = await startTestServer(ctx.database);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const kioskToken = () => seed.devices.find((d) => d.kind === 'kiosk')!.token;

  /** A person with a booking at the office today, 09:00–10:00: inside the check-in window. */
  async function booked(): Promise<{ holder: Holder; booking: TodayBooking }> {
    const holder = await insertHolder(ctx.database.db, server.privacy);
    const booking = await insertBookingFor(ctx.database.db, holder, { date: TODAY, startsAt: '09:00', endsAt: '10:00' });
    return { holder, booking };
  }

  /**
   * The demo kiosk, paired by the token in the address, on its start screen. `window.print` is
   * counted instead of run: the test asserts when the kiosk prints, and looks at the paper itself
   * through print emulation.
   */
  async function openKiosk(options: { viewport?: { width: number; height: number }; beforeLoad?: (page: Page) => Promise<void> } = {}): Promise<WatchedPage> {
    const watched = await openPage(browser, options.viewport ?? PORTRAIT);
    const { page } = watched;
    page.setDefaultTimeout(10_000);
    await page.addInitScript(() => {
      const counted = window as unknown as { printed: number };
      counted.printed = 0;
      window.print = () => {
        counted.printed += 1;
      };
    });
    await options.beforeLoad?.(page);
    await page.goto(`${server.url}/kiosk/#device=${kioskToken()}`);
    await page.getByText('请刷身份证或输入预约号').waitFor();
    await expect.poll(() => checkInChoice(page).isEnabled()).toBe(true);
    return watched;
  }

  const checkInChoice = (page: Page) => page.getByRole('button', { name: /有预约 · 签到取号/ });
  const printed = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);

  /** Every text and attribute on the page, shadow roots included: where a full ID number must never be. */
  function everythingShown(page: Page): Promise<string> {
    return page.evaluate(() => {
      const parts: string[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          for (const attribute of element.attributes) parts.push(attribute.value);
          for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      return parts.join('\n');
    });
  }

  /** Like a card reader: the number typed and Enter, with nothing focused. */
  async function readCard(page: Page, text: string): Promise<void> {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  async function pressKeys(page: Page, digits: string): Promise<void> {
    for (const digit of digits) await page.getByRole('button', { name: digit, exact: true }).click();
  }

  const ticketNumber = (page: Page) => page.locator('kiosk-ticket .number');

  it('a person checks in with the card reader and the keypad, gets a ticket that prints once, on 80 mm paper, and can reprint it', async () => {
    const { holder, booking } = await booked();
    const { page, problems } = await openKiosk();
    await screenshot(page, `${ctx.kind}-kiosk-start`);

    await checkInChoice(page).click();
    await page.getByRole('heading', { name: /请在读卡区刷身份证/ }).waitFor();
    await readCard(page, holder.idNumber);

    // Accepted: from now on only the masked number is shown.
    const masked = maskIdNumber(holder.idNumber);
    expect(masked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    await page.getByText(masked).waitFor();
    expect(await everythingShown(page)).not.toContain(holder.idNumber);

    await pressKeys(page, booking.appointmentNo);
    expect(await page.getByLabel('预约号 Appointment number').textContent()).toContain(booking.appointmentNo.slice(0, 4));
    await screenshot(page, `${ctx.kind}-kiosk-appointment`);
    await page.getByRole('button', { name: /签到取号/ }).click();

    await ticketNumber(page).waitFor();
    const number = (await ticketNumber(page).textContent())!.trim();
    expect(number).toMatch(/^A\d{3}$/);
    expect(await page.locator('kiosk-ticket .service').textContent()).toContain('机动车转移登记');
    await page.getByText(/请到 [\d、]+ 号窗口/).waitFor();
    await page.getByText(`${TODAY} 09:00`).waitFor();
    await page.getByText(masked).waitFor();
    expect(await everythingShown(page)).not.toContain(holder.idNumber);
    expect(await page.locator('kiosk-ticket img.qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const followUrl = await page.locator('kiosk-ticket').evaluate((el) => (el as unknown as { ticket: { followUrl: string } }).ticket.followUrl);
    expect(followUrl).toMatch(/\/h5\/#\/ticket\//);
    // A new ticket prints by itself, once.
    await expect.poll(() => printed(page)).toBe(1);
    await screenshot(page, `${ctx.kind}-kiosk-ticket`);

    // The paper: the ticket alone, the number large, no buttons, no header.
    await page.setViewportSize(PAPER_80MM);
    await page.emulateMedia({ media: 'print' });
    expect(await ticketNumber(page).isVisible()).toBe(true);
    const numberSize = await ticketNumber(page).evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(numberSize).toBeGreaterThan(60);
    const numberBox = (await ticketNumber(page).boundingBox())!;
    expect(numberBox.x + numberBox.width).toBeLessThanOrEqual(PAPER_80MM.width);
    for (const name of [/打印/, /完成/, /绿色通道/]) expect(await page.getByRole('button', { name }).isVisible()).toBe(false);
    expect(await page.getByText('Lobby Kiosk').isVisible()).toBe(false);
    expect(await page.getByText(masked).isVisible()).toBe(false);
    // The QR code on paper: 30 mm square, and a phone reads the ticket's live page from it (at 96 dpi
    // here; a thermal printer has 203).
    const qr = page.locator('kiosk-ticket img.qr');
    const qrBox = (await qr.boundingBox())!;
    expect([Math.round(qrBox.width), Math.round(qrBox.height)]).toEqual([Math.round(mm(30)), Math.round(mm(30))]);
    expect(decodeQr(await qr.screenshot())).toBe(followUrl);
    await screenshot(page, `${ctx.kind}-kiosk-ticket-print-80mm`);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(PORTRAIT);

    // The print button prints again; "done" goes back to the start, where the last ticket can be reprinted.
    await page.getByRole('button', { name: /打印/ }).click();
    await expect.poll(() => printed(page)).toBe(2);
    // The start screen asks afresh which walk-ins are offered: let that finish before the reload.
    const walkInsAsked = page.waitForResponse((r) => r.url().endsWith('/api/kiosk/walk-in-options'));
    await page.getByRole('button', { name: /完成/ }).click();
    await checkInChoice(page).waitFor();
    await walkInsAsked;
    await page.reload();
    await page.getByRole('button', { name: /重打上一张/ }).click();
    await expect.poll(async () => (await ticketNumber(page).textContent())?.trim()).toBe(number);
    await expect.poll(() => printed(page)).toBe(1); // the reload counts afresh
    // Nobody's ID is on a reprint.
    expect(await page.getByText(masked).count()).toBe(0);

    // Checking the same booking in again gives the same ticket, said so, and does not print it again.
    await page.getByRole('button', { name: /完成/ }).click();
    await checkInChoice(page).click();
    await readCard(page, holder.idNumber);
    await page.getByText(masked).waitFor();
    await pressKeys(page, booking.appointmentNo);
    await page.getByRole('button', { name: /签到取号/ }).click();
    await page.getByText('该预约已签到，这是您已取的号，未重复出号。').waitFor();
    expect((await ticketNumber(page).textContent())!.trim()).toBe(number);
    expect(await printed(page)).toBe(1);

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('an agent aged 76 holds the voucher QR to the scanner: green by age, told to show the power of attorney, and the longest ticket still fits the paper', async () => {
    const agent = await insertHolder(ctx.database.db, server.privacy, { birthDate: '1950-03-01' });
    const agency = await insertAgency(ctx.database.db, agent);
    const booking = await insertBookingFor(ctx.database.db, agent, { date: TODAY, startsAt: '09:00', endsAt: '10:00', ...agency });
    const token = server.vouchers.sign({ bookingId: booking.id, appointmentNo: booking.appointmentNo, expiresAt: voucherExpiry(TODAY) });
    const { page, problems } = await openKiosk();

    // The voucher first, at the start screen, then the card: the scanner and the reader both type.
    await readCard(page, token);
    await page.getByText('已读取预约，请刷身份证完成签到').waitFor();
    await readCard(page, agent.idNumber);
    await ticketNumber(page).waitFor();
    expect((await ticketNumber(page).textContent())!.trim()).toMatch(/^A\d{3}$/);
    expect(await page.locator('kiosk-ticket .appointment').textContent()).toBe(booking.appointmentNo);
    await page.getByText('绿色通道 · 70 周岁以上老人').waitFor();
    await page.getByText('代办业务：请在窗口出示加盖公章的委托书').waitFor();
    // Green already: nothing for a guide to confirm.
    expect(await page.getByRole('button', { name: /绿色通道/ }).count()).toBe(0);
    await screenshot(page, `${ctx.kind}-kiosk-ticket-agent`);

    // Every optional line at once, and it still fits one 80 × 200 mm page.
    await page.setViewportSize(PAPER_80MM);
    await page.emulateMedia({ media: 'print' });
    const paper = (await page.locator('kiosk-ticket article.ticket').boundingBox())!;
    expect(paper.width).toBeLessThanOrEqual(mm(80) + 0.5);
    expect(paper.y + paper.height).toBeLessThanOrEqual(mm(200));
    await screenshot(page, `${ctx.kind}-kiosk-ticket-agent-print-80mm`);

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('refusals are said in the server\'s sentence, in both languages, with the way back', async () => {
    const { holder } = await booked();
    const { page, problems } = await openKiosk();
    let checkIns = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/kiosk/check-in')) checkIns++;
    });

    // A misread card is caught on the kiosk itself: nothing is sent.
    await checkInChoice(page).click();
    const wrongCheck = holder.idNumber.slice(0, 17) + (holder.idNumber.endsWith('0') ? '1' : '0');
    await readCard(page, wrongCheck);
    await page.getByRole('alert').filter({ hasText: '身份证号码校验位不正确' }).waitFor();
    expect(await page.getByRole('button', { name: /确定/ }).isDisabled()).toBe(true);
    expect(checkIns).toBe(0);

    // The right card, then an appointment number nobody has.
    await readCard(page, holder.idNumber);
    await pressKeys(page, '999999999999');
    await page.getByRole('button', { name: /签到取号/ }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '没有找到该预约号，请核对后重新输入。' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('There is no appointment with this number.');
    await screenshot(page, `${ctx.kind}-kiosk-refused`);
    expect(checkIns).toBe(1);

    // Back to the number, with the card still taken (masked).
    await page.getByRole('button', { name: /重新输入预约号/ }).click();
    await page.getByText(maskIdNumber(holder.idNumber)).waitFor();
    expect(await page.getByLabel('预约号 Appointment number').textContent()).not.toMatch(/\d/);
    await page.getByRole('button', { name: /返回首页/ }).click();
    await checkInChoice(page).waitFor();

    expect(problems.filter((p) => !p.startsWith(statusLogged('404')))).toEqual([]);
    await page.context().close();
  });

  it('a walk-in chooses the service, shows the card, and a guide moves the ticket to the green channel', async () => {
    const holder = await insertHolder(ctx.database.db, server.privacy);
    const { page, problems } = await openKiosk();

    await page.getByRole('button', { name: /现场取号/ }).click();
    await page.getByRole('heading', { name: /请选择要办理的业务/ }).waitFor();
    await screenshot(page, `${ctx.kind}-kiosk-walk-in-services`);
    await page.locator('kiosk-walk-in-list button.service').first().click();
    await page.getByRole('heading', { name: /请在读卡区刷身份证/ }).waitFor();
    // Typed on the keypad this time, X and all.
    for (const char of holder.idNumber) await page.getByRole('button', { name: char, exact: true }).click();
    await page.getByRole('button', { name: /确定/ }).click();
    await ticketNumber(page).waitFor();
    expect((await ticketNumber(page).textContent())!.trim()).toMatch(/^[A-Z]\d{3}$/);
    await expect.poll(() => printed(page)).toBe(1);

    await page.getByRole('button', { name: /绿色通道/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /孕妇/ }).click();
    // A wrong code first: said, and the field emptied.
    await pressKeys(page, '1111');
    await dialog.getByRole('button', { name: /确认/ }).click();
    await dialog.getByRole('alert').filter({ hasText: '员工码不正确' }).waitFor();
    expect(await dialog.getByLabel('员工码 Staff code').textContent()).toBe('');
    await pressKeys(page, DEMO_GUIDE_CODE);
    expect(await dialog.getByLabel('员工码 Staff code').textContent()).toBe('●'.repeat(DEMO_GUIDE_CODE.length));
    await screenshot(page, `${ctx.kind}-kiosk-green-dialog`);
    await dialog.getByRole('button', { name: /确认/ }).click();
    await page.getByText('绿色通道 · 孕妇').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('button', { name: /绿色通道/ }).count()).toBe(0);
    await screenshot(page, `${ctx.kind}-kiosk-ticket-green`);

    expect(problems.filter((p) => !p.startsWith(statusLogged('401')))).toEqual([]);
    await page.context().close();
  });

  it('in English on request, with Chinese still beneath, on a landscape screen too; a card read before the service is kept', async () => {
    const holder = await insertHolder(ctx.database.db, server.privacy);
    const { page, problems } = await openKiosk({ viewport: { width: 1280, height: 1024 } });
    await page.getByRole('button', { name: 'English' }).click();
    const choice = page.getByRole('button', { name: /^I have an appointment/ });
    await choice.waitFor();
    expect(await choice.textContent()).toContain('有预约 · 签到取号');
    await screenshot(page, `${ctx.kind}-kiosk-start-english-landscape`);
    await choice.click();
    await page.getByRole('heading', { name: /^Place your ID card on the reader/ }).waitFor();
    await screenshot(page, `${ctx.kind}-kiosk-id-english-landscape`);

    // Walk-in, the card read while the services are shown: the service chosen next issues the ticket.
    await page.getByRole('button', { name: /^Back to start/ }).click();
    await page.getByRole('button', { name: /^Walk-in ticket/ }).click();
    await page.getByRole('heading', { name: /^Choose your service/ }).waitFor();
    await readCard(page, holder.idNumber);
    await page.getByText(maskIdNumber(holder.idNumber)).waitFor();
    await page.locator('kiosk-walk-in-list button.service').first().click();
    await ticketNumber(page).waitFor();
    await page.getByText(/^Counters? [\d, ]+$/).waitFor();
    await expect.poll(() => printed(page)).toBe(1);
    await screenshot(page, `${ctx.kind}-kiosk-ticket-english-landscape`);
    expect(await page.getByRole('button', { name: /^Done/ }).isVisible()).toBe(true);
    expect(await everythingShown(page)).not.toContain(holder.idNumber);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a kiosk left alone for 30 seconds returns to the start and forgets what was typed', async () => {
    const { page, problems } = await openKiosk({ beforeLoad: (p) => p.clock.install() });
    await checkInChoice(page).click();
    await pressKeys(page, '360602');
    expect(await page.getByLabel('身份证号码 ID number').textContent()).toContain('360602');

    await page.clock.fastForward(20_000);
    expect(await page.getByLabel('身份证号码 ID number').isVisible()).toBe(true);
    await page.clock.fastForward(11_000);
    await checkInChoice(page).waitFor();
    await checkInChoice(page).click();
    expect(await page.getByLabel('身份证号码 ID number').textContent()).not.toMatch(/\d/);

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('issues nothing while the network is gone, and a lost answer is safe to try again', async () => {
    const { holder, booking } = await booked();
    const { page, problems } = await openKiosk();
    await checkInChoice(page).click();
    await readCard(page, holder.idNumber);
    await pressKeys(page, booking.appointmentNo);
    const checkInButton = page.getByRole('button', { name: /签到取号/ });
    expect(await checkInButton.isEnabled()).toBe(true);

    // The network goes: said, and the button refuses.
    await page.context().setOffline(true);
    await page.getByRole('alert').filter({ hasText: '网络连接已断开，暂停取号' }).first().waitFor();
    await expect.poll(() => checkInButton.isDisabled()).toBe(true);
    await screenshot(page, `${ctx.kind}-kiosk-offline`);
    await page.context().setOffline(false);
    await expect.poll(() => checkInButton.isEnabled(), { timeout: 10_000 }).toBe(true);

    // The request is lost on its way: nothing half done, "try again" gives the ticket.
    await page.route('**/api/kiosk/check-in', (route) => route.abort('internetdisconnected'));
    await checkInButton.click();
    await page.getByRole('alert').filter({ hasText: '无法连接服务器' }).waitFor();
    await page.getByText('可以放心重试').waitFor();
    await page.unroute('**/api/kiosk/check-in');
    const retry = page.getByRole('button', { name: /重试/ });
    await expect.poll(() => retry.isEnabled()).toBe(true);
    await retry.click();
    await ticketNumber(page).waitFor();
    expect((await ticketNumber(page).textContent())!.trim()).toMatch(/^A\d{3}$/);

    const provoked = (p: string) => p.endsWith('/api/kiosk/check-in') || p.includes('net::ERR_INTERNET_DISCONNECTED');
    expect(problems.filter((p) => !provoked(p))).toEqual([]);
    await page.context().close();
  });
});
