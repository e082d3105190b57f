/**
 * Booking on the WeChat H5 page, in Chromium at a phone's size against the real server, the fake
 * WeChat and the seeded demo outlets, with the clock on Monday 2026-11-23 09:00 (Beijing):
 * citizens can book a slot, show a voucher whose QR code the kiosk accepts, cancel and book again;
 * a retried submit makes one booking; a slot that fills meanwhile sends the citizen back to the
 * times; an agent applies for a firm and uploads its power of attorney on the page, and books for it
 * only once staff approved them; closed days, the blacklist, no network and a failing server are
 * each said so.
 */
import { and, desc, eq } from 'drizzle-orm';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ERRORS } from '../../common/errors.ts';
import { creditCheckChar } from '../../common/credit-code.ts';
import { idCheckChar } from '../../common/id-number.ts';
import { blacklist, bookings, outbox, slots } from '../../db/schema.ts';
import { seedDemoData, type SeedResult } from '../../server/demo-data.ts';
import { TINY_JPEG, TINY_PDF, TINY_PNG, WINDOWS_EXE_HEADER } from '../../server/firms/fixtures.ts';
import { ensureWebBuild } from '../../server/web-build.ts';
import { startFakeWechat, type FakeWechat } from '../../server/wechat/fake-server.ts';
import { OFFLINE } from '../../ui/api.ts';
import { startTestServer } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from '../support/browser.ts';
import { describeOnDatabases } from '../support/databases.ts';
import { fetcherFor, signIn } from '../support/sign-in.ts';
import { wechatConfigOf } from '../support/wechat.ts';

const PHONE = { width: 375, height: 812 };
/** The demo office handles every service; the seed gives vehicle services 12 seats a slot. */
const OFFICE = 'yt-dmv';
const SERVICE = 'mv-transfer';
/** Tomorrow, from the test clock's Monday: the first bookable day. */
const TUESDAY = '2026-11-24';

const statusLogged = (status: string) => `console.error: Failed to load resource: the server responded with a status of ${status}`;

/** A valid resident ID number, different for each `n`. */
function idNumber(n: number): string {
  const first17 = `36010219900101${String(n).padStart(3, '0')}`;
  return `${first17}${idCheckChar(first17)}`;
}

function creditCode(): string {
  const first17 = '91360600MA35X1234';
  return `${first17}${creditCheckChar(first17)}`;
}

/** The text a QR code in a `data:image/png;base64,…` URL carries, read with jsQR as a scanner would. */
function decodeQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describeOnDatabases('citizens book on the H5 page in Chromium', (ctx) => {
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

  const kioskToken = () => seed.devices.find((d) => d.kind === 'kiosk')!.token;

  /** What the demo kiosk hears when it sends a voucher's token, as it would after scanning. */
  async function kioskVerifies(token: string): Promise<{ status: number; body: { code?: string; booking?: { appointmentNo: string } } }> {
    const res = await fetch(`${server.url}/api/vouchers/verify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kioskToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    return { status: res.status, body: (await res.json()) as { code?: string; booking?: { appointmentNo: string } } };
  }

  async function codeSentTo(phone: string): Promise<string> {
    let code: string | undefined;
    await expect.poll(async () => {
      const [sms] = await ctx.database.db.select().from(outbox).where(eq(outbox.channel, 'sms')).orderBy(desc(outbox.id)).limit(1);
      code = sms && server.privacy.decrypt(sms.recipient) === phone ? String(sms.payload.code) : undefined;
      return code;
    }).toMatch(/^\d{6}$/);
    return code!;
  }

  /** A new WeChat user signs in through the fake WeChat and registers; ends on the home. */
  async function registeredCitizen(nickname: string, person: { name: string; idNumber: string; phone: string }): Promise<WatchedPage> {
    const watched = await openPage(browser, PHONE);
    const { page } = watched;
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/h5/`);
    await page.getByRole('link', { name: '微信授权登录' }).click();
    await page.waitForURL(`${fake.url}/connect/oauth2/authorize?**`);
    await page.getByLabel('昵称').fill(nickname);
    await page.getByRole('button', { name: '新建并授权' }).click();
    await page.getByRole('heading', { name: '实名注册' }).waitFor();
    await page.getByLabel('姓名').fill(person.name);
    await page.getByLabel('身份证号码').fill(person.idNumber);
    await page.getByLabel('手机号码').fill(person.phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByLabel('短信验证码').fill(await codeSentTo(person.phone));
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByRole('heading', { name: '我的信息' }).waitFor();
    return watched;
  }

  /** The session's CSRF token, as the page holds it (for the requests a test makes beside the page). */
  async function csrfOf(page: Page): Promise<string> {
    const res = await page.request.get(`${server.url}/api/citizen/session`);
    return ((await res.json()) as { citizen: { csrfToken: string } }).citizen.csrfToken;
  }

  /** Through the flow to the confirm screen: personal (or for `firm`), at the office, on `date`; returns the slot's start. */
  async function chooseUpToConfirm(page: Page, options: { date?: string; firm?: string } = {}): Promise<string> {
    await page.goto(`${server.url}/h5/#/book`);
    if (options.firm) await page.locator('button.agency', { hasText: options.firm }).click();
    else await page.locator('button.kind-personal').click();
    await page.locator(`button.service[data-service="${SERVICE}"]`).click();
    await page.locator(`button.outlet[data-outlet="${OFFICE}"]`).click();
    await page.locator(`button.date[data-date="${options.date ?? TUESDAY}"]`).click();
    const slot = page.locator('button.slot:not([disabled])').first();
    const startsAt = (await slot.getAttribute('data-starts'))!;
    await slot.click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '确认预约信息' }).waitFor();
    return startsAt;
  }

  /** The voucher's id (from the address), number and QR token, once the voucher is on screen. */
  async function voucherOnScreen(page: Page): Promise<{ id: string; appointmentNo: string; qrToken: string | undefined }> {
    await page.getByRole('heading', { name: /预约凭证/ }).waitFor();
    await page.waitForURL(/#\/voucher\//);
    const id = new URL(page.url()).hash.split('/')[2]!;
    const appointmentNo = (await page.locator('.appointment-no').textContent())!.trim();
    const qr = page.locator('img.qr');
    const src = (await qr.count()) ? await qr.getAttribute('src') : null;
    return { id, appointmentNo, qrToken: src ? decodeQr(src) : undefined };
  }

  it('a citizen books a slot, shows the voucher the kiosk accepts, cancels, and books again', async () => {
    const admin = await signIn(fetcherFor(server.url), 'admin');
    const created = await fetch(`${server.url}/api/admin/notices`, {
      method: 'POST', headers: admin.headers,
      body: JSON.stringify({ outletId: null, kind: 'info', title: { zh: '年底业务量大，请提前预约', en: 'Busy before the year ends: book early' }, body: { zh: '请按预约时段到场。', en: 'Come at your booked time.' } }),
    });
    expect(created.status).toBe(201);
    const { id: noticeId } = (await created.json()) as { id: string };
    expect((await fetch(`${server.url}/api/admin/notices/${noticeId}/publish`, { method: 'POST', headers: admin.headers, body: '{}' })).status).toBe(200);

    const { page, problems } = await registeredCitizen('预约测试甲', { name: '王小明', idNumber: idNumber(11), phone: '13800000011' });
    // The home: the published notice, "book" and "my bookings".
    await page.getByText('年底业务量大，请提前预约').waitFor();
    await page.getByRole('link', { name: '我的预约' }).waitFor();
    await screenshot(page, `${ctx.kind}-h5-booking-home`);

    await page.getByRole('link', { name: '预约办事' }).first().click();
    await page.locator('button.kind-personal').click();
    // Each service names what to bring.
    await page.locator(`button.service[data-service="${SERVICE}"]`).getByText('需携带').waitFor();
    await page.locator(`button.service[data-service="${SERVICE}"]`).click();
    await page.locator(`button.outlet[data-outlet="${OFFICE}"]`).waitFor();
    await screenshot(page, `${ctx.kind}-h5-booking-outlets`);
    await page.locator(`button.outlet[data-outlet="${OFFICE}"]`).click();
    // Only bookable days can be picked: the weekend inside the window is shown closed, with why.
    await page.locator(`button.date[data-date="${TUESDAY}"]`).waitFor();
    expect(await page.locator('button.date[data-date="2026-11-23"]').count()).toBe(0);
    const saturday = page.locator('button.date.closed[data-date="2026-11-28"]');
    expect(await saturday.isDisabled()).toBe(true);
    expect(await saturday.textContent()).toContain('不办公');
    await screenshot(page, `${ctx.kind}-h5-booking-dates`);
    await page.locator(`button.date[data-date="${TUESDAY}"]`).click();
    const firstSlot = page.locator('button.slot:not([disabled])').first();
    await firstSlot.waitFor();
    expect(await firstSlot.textContent()).toContain('余号 12');
    await screenshot(page, `${ctx.kind}-h5-booking-slots`);
    const startsAt = (await firstSlot.getAttribute('data-starts'))!;
    await firstSlot.click();
    await page.getByLabel('号牌号码（选填）').fill('赣l12345');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '确认预约信息' }).waitFor();
    expect(await page.locator('dl.summary').textContent()).toContain('赣L12345');
    await screenshot(page, `${ctx.kind}-h5-booking-confirm`);
    await page.getByRole('button', { name: '确认预约' }).click();

    const first = await voucherOnScreen(page);
    expect(first.appointmentNo).toMatch(/^\d{12}$/);
    expect(await page.locator('dd.time').textContent()).toContain(startsAt);
    expect(await page.locator('dd.date').textContent()).toBe('11月24日 周二');
    expect(await page.locator('ul.present').textContent()).toContain('本人居民身份证原件');
    expect(await page.locator('ul.materials li').count()).toBeGreaterThan(0);
    await screenshot(page, `${ctx.kind}-h5-voucher`);

    // The QR code, decoded from the PNG on the page, is the voucher's token; the kiosk accepts it.
    const api = (await (await page.request.get(`${server.url}/api/bookings/${first.id}`)).json()) as { qr: { token: string } };
    expect(first.qrToken).toBe(api.qr.token);
    const verified = await kioskVerifies(first.qrToken!);
    expect(verified.status).toBe(200);
    expect(verified.body.booking?.appointmentNo).toBe(first.appointmentNo);

    // The calendar file is one tap away.
    const ics = await page.request.get(`${server.url}${await page.locator('a.ics').getAttribute('href')}`);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain(first.appointmentNo);

    // English, then back.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /Booking voucher/ }).waitFor();
    expect(await page.locator('dd.date').textContent()).toBe('Tue 24 Nov');
    await page.getByRole('button', { name: '中文' }).click();

    // One person, one number: a second booking is refused, and the page links to the one held.
    await chooseUpToConfirm(page, { date: '2026-11-25' });
    await page.getByRole('button', { name: '确认预约' }).click();
    const refusal = page.locator('h5-refusal .refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('one_active_booking');
    expect(await refusal.textContent()).toContain(first.appointmentNo);
    await screenshot(page, `${ctx.kind}-h5-one-active-booking`);
    await page.locator(`a.holding[href="#/voucher/${first.id}"]`).click();
    await page.getByText(first.appointmentNo).first().waitFor();

    // Cancel, after saying yes; the kiosk then refuses the old QR code.
    await page.getByRole('button', { name: '取消预约' }).click();
    await page.getByRole('button', { name: '确定取消' }).click();
    await page.locator('.badge.cancelled').waitFor();
    expect(await page.locator('img.qr').count()).toBe(0);
    await screenshot(page, `${ctx.kind}-h5-voucher-cancelled`);
    const refused = await kioskVerifies(first.qrToken!);
    expect([refused.status, refused.body.code]).toEqual([410, 'voucher_cancelled']);

    // Book again: a new number.
    await page.getByRole('link', { name: '重新预约' }).click();
    await page.locator('button.kind-personal').click();
    await page.locator(`button.service[data-service="${SERVICE}"]`).click();
    await page.locator(`button.outlet[data-outlet="${OFFICE}"]`).click();
    await page.locator('button.date[data-date="2026-11-25"]').click();
    await page.locator('button.slot:not([disabled])').first().click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '确认预约' }).click();
    const second = await voucherOnScreen(page);
    expect(second.appointmentNo).not.toBe(first.appointmentNo);
    expect((await kioskVerifies(second.qrToken!)).status).toBe(200);

    // My bookings: both, with their status; one opens its voucher.
    await page.goto(`${server.url}/h5/#/bookings`);
    await page.locator('a.booking').nth(1).waitFor();
    expect(await page.locator(`a.booking[data-appointment="${first.appointmentNo}"] .badge`).textContent()).toBe('已取消');
    expect(await page.locator(`a.booking[data-appointment="${second.appointmentNo}"] .badge`).textContent()).toBe('待办理');
    await screenshot(page, `${ctx.kind}-h5-my-bookings`);
    await page.locator(`a.booking[data-appointment="${second.appointmentNo}"]`).click();
    expect((await voucherOnScreen(page)).id).toBe(second.id);

    // Reschedule to another day: a new number replaces the old one.
    await page.getByRole('link', { name: '改约' }).click();
    await page.locator('button.date[data-date="2026-11-26"]').click();
    await page.locator('button.slot:not([disabled])').first().click();
    await page.getByRole('button', { name: '确认改约' }).click();
    const moved = await voucherOnScreen(page);
    expect(moved.id).not.toBe(second.id);
    expect(await page.locator('dd.date').textContent()).toBe('11月26日 周四');

    // The one refusal provoked on purpose is all Chromium logged.
    expect(problems).toEqual([statusLogged('409 (Conflict)')]);
    await page.context().close();
  });

  it('a submit whose answer was lost is retried with the same key and makes one booking; a slot full meanwhile sends the citizen back to the times', async () => {
    const { page, problems } = await registeredCitizen('预约测试乙', { name: '李小红', idNumber: idNumber(12), phone: '13800000012' });
    const startsAt = await chooseUpToConfirm(page, { date: '2026-11-27' });

    // Someone else takes the last seat while this citizen reads the summary.
    const [slot] = await ctx.database.db.select().from(slots)
      .where(and(eq(slots.outletId, OFFICE), eq(slots.groupId, 'vehicle'), eq(slots.date, '2026-11-27'), eq(slots.startsAt, `${startsAt}:00`)));
    await ctx.database.db.update(slots).set({ booked: slot!.capacity }).where(eq(slots.id, slot!.id));
    await page.getByRole('button', { name: '确认预约' }).click();
    await page.locator('h5-refusal .refusal[data-code="slot_full"]').waitFor();
    expect(await page.locator('h5-refusal .refusal').textContent()).toContain(ERRORS.slot_full.zh);
    await page.getByRole('button', { name: '重新选择时段' }).click();
    const full = page.locator(`button.slot[data-starts="${startsAt}"]`);
    expect(await full.isDisabled()).toBe(true);
    expect(await full.textContent()).toContain('已约满');
    await screenshot(page, `${ctx.kind}-h5-slot-full`);

    // The booking is made, but its answer never reaches the phone; "try again" sends the same key.
    const keys: string[] = [];
    let lose = true;
    await page.route(`${server.url}/api/bookings`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push((route.request().postDataJSON() as { idempotencyKey: string }).idempotencyKey);
      if (!lose) return route.continue();
      lose = false;
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await page.locator('button.slot:not([disabled])').first().click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '确认预约' }).click();
    await page.locator('h5-refusal .refusal[data-code="offline"]').waitFor();
    await screenshot(page, `${ctx.kind}-h5-submit-offline`);
    await page.getByRole('button', { name: '确认预约' }).click();
    const voucher = await voucherOnScreen(page);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const mine = await ctx.database.db.select().from(bookings).where(eq(bookings.idempotencyKey, keys[0]!));
    expect(mine.map((b) => b.appointmentNo)).toEqual([voucher.appointmentNo]);

    // Only what was provoked on purpose: the "full" refusal and the answer cut off.
    const provoked = [statusLogged('409 (Conflict)'), 'console.error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED', `requestfailed: ${server.url}/api/bookings`];
    expect(problems.filter((p) => !provoked.includes(p))).toEqual([]);
    await page.context().close();
  });

  it('an agent applies for a firm and uploads its power of attorney on the page, sees why staff refused it and applies again, cannot book for the firm before staff approve them, and can after', async () => {
    const { page, problems } = await registeredCitizen('代办测试', { name: '赵经办', idNumber: idNumber(13), phone: '13800000013' });
    const csrf = { 'x-csrf-token': await csrfOf(page) };
    const FIRM = '鹰潭市测试汽车销售有限公司';

    // From the booking flow's agency choice to the firm-agent screen: nothing yet.
    await page.getByRole('link', { name: '预约办事' }).first().click();
    await page.getByText('您还不是任何单位的经办人。请由单位登记').waitFor();
    await page.getByRole('link', { name: '登记单位 · 上传委托书' }).click();
    await page.getByRole('heading', { name: '单位代办' }).waitFor();
    await page.getByText('您还不是任何单位的经办人。').waitFor();

    // The credit code is checked as it is typed; a wrong check character is said at once.
    const code = creditCode();
    const wrongCheck = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;
    await page.getByLabel('单位名称').fill(FIRM);
    await page.getByLabel('统一社会信用代码').fill(wrongCheck);
    await page.getByText(ERRORS.credit_code_invalid.zh).waitFor();
    await screenshot(page, `${ctx.kind}-h5-firm-code-invalid`);
    await page.getByLabel('统一社会信用代码').fill(code.toLowerCase());
    await page.getByText('统一社会信用代码校验通过').waitFor();
    await page.getByRole('button', { name: '提交申请' }).click();

    // The application is listed in review, waiting for the letter.
    const card = page.locator('li.agency', { hasText: FIRM });
    await card.getByText('请上传加盖单位公章的委托书').waitFor();
    expect(await card.locator('.badge.review').textContent()).toBe('审核中');
    expect(await card.textContent()).toContain(code);
    const agentId = (await card.getAttribute('data-agent'))!;
    const file = card.getByLabel('加盖单位公章的委托书');

    // A file the page can tell is wrong is refused before sending: the wrong kind, or too big.
    await file.setInputFiles({ name: '委托书.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\x03\x04') });
    await card.getByText(ERRORS.attorney_file_type.zh).waitFor();
    expect(await card.getByRole('button', { name: '上传委托书' }).isDisabled()).toBe(true);
    await file.setInputFiles({ name: '委托书.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([TINY_JPEG, Buffer.alloc(5 * 1024 * 1024)]) });
    await card.getByText('委托书不能超过 5.0 MB').waitFor();
    expect(await card.getByRole('button', { name: '上传委托书' }).isDisabled()).toBe(true);
    // A program named like a PDF gets past the phone; the server, judging by content, refuses it in its words.
    await file.setInputFiles({ name: '委托书.pdf', mimeType: 'application/pdf', buffer: WINDOWS_EXE_HEADER });
    await card.getByRole('button', { name: '上传委托书' }).click();
    await card.getByRole('alert').filter({ hasText: ERRORS.attorney_file_type.zh }).waitFor();
    await screenshot(page, `${ctx.kind}-h5-attorney-refused`);

    // The real letter, a PNG. The network drops on the first try: said so, and trying again sends it.
    await file.setInputFiles({ name: '委托书.png', mimeType: 'image/png', buffer: TINY_PNG });
    await card.getByText(`委托书.png · ${TINY_PNG.length} B`).waitFor();
    const uploadUrl = `${server.url}/api/citizen/agencies/${agentId}/power-of-attorney`;
    await page.route(uploadUrl, (route) => route.abort('internetdisconnected'));
    await card.getByRole('button', { name: '上传委托书' }).click();
    await card.getByRole('alert').filter({ hasText: OFFLINE.zh }).waitFor();
    await page.unroute(uploadUrl);
    await card.getByRole('button', { name: '上传委托书' }).click();
    await card.getByText('委托书已提交，正在等待车管所工作人员审核').waitFor();
    expect(await card.locator('.letter').textContent()).toContain(`PNG · ${TINY_PNG.length} B`);
    expect(await card.locator('.badge.review').textContent()).toBe('审核中');
    await screenshot(page, `${ctx.kind}-h5-attorney-uploaded`);
    const listed = (await (await page.request.get(`${server.url}/api/citizen/agencies`)).json()) as { agencies: { agentId: string; status: string; powerOfAttorney: { mediaType: string; sizeBytes: number } | null }[] };
    expect(listed.agencies).toEqual([expect.objectContaining({ agentId, status: 'pending', powerOfAttorney: expect.objectContaining({ mediaType: 'image/png', sizeBytes: TINY_PNG.length }) })]);

    // Staff refuse it, with a reason the page shows; applying again sends it back to review with a new letter.
    const admin = await signIn(fetcherFor(server.url), 'admin');
    const rejected = await fetch(`${server.url}/api/admin/agents/${agentId}/reject`, { method: 'POST', headers: admin.headers, body: JSON.stringify({ reason: '委托书未加盖公章' }) });
    expect(rejected.status).toBe(200);
    await page.reload();
    await card.locator('.badge.review', { hasText: '未通过' }).waitFor();
    expect(await card.locator('.reason').textContent()).toContain('委托书未加盖公章');
    await screenshot(page, `${ctx.kind}-h5-agent-rejected`);
    await card.getByRole('button', { name: '重新提交申请' }).click();
    await card.locator('.badge.review', { hasText: '审核中' }).waitFor();
    await card.getByText('更换委托书').click();
    await card.getByLabel('加盖单位公章的委托书').setInputFiles({ name: '委托书.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await card.getByRole('button', { name: '上传委托书' }).click();
    await card.locator('.letter', { hasText: `PDF · ${TINY_PDF.length} B` }).waitFor();

    // Back home, into the booking flow.
    await page.getByRole('link', { name: '‹ 首页' }).click();
    await page.getByRole('heading', { name: '我的信息' }).waitFor();
    // Before approval: the firm is listed, disabled, "in review"; the server refuses such a booking too.
    await page.getByRole('link', { name: '预约办事' }).first().click();
    const firm = page.locator('button.agency', { hasText: FIRM });
    await firm.getByText('审核中').waitFor();
    expect(await firm.isDisabled()).toBe(true);
    await screenshot(page, `${ctx.kind}-h5-agent-pending`);
    const tuesday = await page.request.get(`${server.url}/api/availability/slots?serviceId=${SERVICE}&outletId=${OFFICE}&date=${TUESDAY}`);
    const slotId = ((await tuesday.json()) as { slots: { id: string }[] }).slots[0]!.id;
    const early = await page.request.post(`${server.url}/api/bookings`, {
      headers: csrf, data: { kind: 'agency', agentId, serviceId: SERVICE, outletId: OFFICE, slotId, idempotencyKey: 'agent-before-approval' },
    });
    expect(early.status()).toBe(403);
    expect(((await early.json()) as { code: string }).code).toBe('agent_not_approved');

    expect((await fetch(`${server.url}/api/admin/agents/${agentId}/approve`, { method: 'POST', headers: admin.headers })).status).toBe(200);

    // Back to the home and into the flow again: the firm can now be chosen.
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByRole('heading', { name: '我的信息' }).waitFor();
    await chooseUpToConfirm(page, { firm: '鹰潭市测试汽车销售有限公司' });
    expect(await page.locator('dl.summary').textContent()).toContain('鹰潭市测试汽车销售有限公司');
    await page.getByRole('button', { name: '确认预约' }).click();
    const voucher = await voucherOnScreen(page);
    expect(voucher.appointmentNo).toMatch(/^\d{12}$/);
    expect(await page.locator('ul.present').textContent()).toContain('加盖单位公章的委托书');
    expect(await page.locator('dl.details').textContent()).toContain('鹰潭市测试汽车销售有限公司');
    await screenshot(page, `${ctx.kind}-h5-agent-voucher`);
    expect((await kioskVerifies(voucher.qrToken!)).body.booking?.appointmentNo).toBe(voucher.appointmentNo);

    // The firm-agent screen, from the home, now says approved.
    await page.goto(`${server.url}/h5/#/`);
    await page.getByRole('link', { name: '单位代办' }).click();
    expect(await page.locator('li.agency', { hasText: FIRM }).locator('.badge.review').textContent()).toBe('已通过');
    // Only what was provoked on purpose: the program named like a PDF, and the dropped upload.
    const provoked = [
      statusLogged('415 (Unsupported Media Type)'),
      'console.error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED', `requestfailed: ${uploadUrl}`,
    ];
    expect([...problems].sort()).toEqual(provoked.sort());
    await page.context().close();
  });

  it('shows a closure notice\'s day closed with its reason, says why a blacklisted citizen cannot book and until when, and says when the network is gone or the server cannot serve', async () => {
    const admin = await signIn(fetcherFor(server.url), 'admin');
    const closure = await fetch(`${server.url}/api/admin/notices`, {
      method: 'POST', headers: admin.headers,
      body: JSON.stringify({
        outletId: OFFICE, kind: 'closure', effectiveFrom: '2026-11-30', effectiveTo: '2026-11-30',
        title: { zh: '11月30日系统升级暂停办公', en: 'Closed on 30 November for a system upgrade' },
        body: { zh: '当日暂停办理全部业务。', en: 'No business is handled that day.' },
      }),
    });
    expect(closure.status).toBe(201);
    const { id: noticeId } = (await closure.json()) as { id: string };
    expect((await fetch(`${server.url}/api/admin/notices/${noticeId}/publish`, { method: 'POST', headers: admin.headers, body: '{}' })).status).toBe(200);

    const person = { name: '钱多多', idNumber: idNumber(14), phone: '13800000014' };
    const { page, problems } = await registeredCitizen('黑名单测试', person);
    await page.getByText('11月30日系统升级暂停办公').first().waitFor();
    await ctx.database.db.insert(blacklist).values({
      kind: 'id_number', valueHash: server.privacy.hash('id_number', person.idNumber), display: '3601**********0142',
      source: 'manual', reason: '冒用他人身份预约', expiresAt: new Date('2026-12-31T00:00:00+08:00'),
    });

    await page.goto(`${server.url}/h5/#/book`);
    await page.locator('button.kind-personal').click();
    await page.locator(`button.service[data-service="${SERVICE}"]`).click();
    await page.locator(`button.outlet[data-outlet="${OFFICE}"]`).click();
    const closed = page.locator('button.date.closed[data-date="2026-11-30"]');
    await closed.waitFor();
    expect(await closed.isDisabled()).toBe(true);
    expect(await closed.textContent()).toContain('11月30日系统升级暂停办公');
    await screenshot(page, `${ctx.kind}-h5-closed-day`);

    await page.locator(`button.date[data-date="${TUESDAY}"]`).click();
    await page.locator('button.slot:not([disabled])').first().click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '确认预约' }).click();
    const refusal = page.locator('h5-refusal .refusal[data-code="blacklisted"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('冒用他人身份预约');
    expect(await refusal.textContent()).toContain('2026-12-31');
    await screenshot(page, `${ctx.kind}-h5-blacklisted`);

    // No network while a screen loads: said so, and "try again" recovers.
    await page.route(`${server.url}/api/services`, (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/h5/#/`);
    await page.goto(`${server.url}/h5/#/book`);
    await page.locator('button.kind-personal').click();
    await page.getByRole('alert').filter({ hasText: '网络连接已断开' }).waitFor();
    await screenshot(page, `${ctx.kind}-h5-booking-offline`);
    await page.unroute(`${server.url}/api/services`);
    await page.getByRole('button', { name: '重试' }).click();
    await page.locator(`button.service[data-service="${SERVICE}"]`).waitFor();

    // The server cannot serve: its sentence and the reference to quote; then the empty list.
    const unavailable = { code: 'database_unavailable', message: ERRORS.database_unavailable.zh, messageEn: ERRORS.database_unavailable.en, requestId: 'req-503' };
    await page.route(`${server.url}/api/bookings`, (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify(unavailable) }));
    await page.goto(`${server.url}/h5/#/bookings`);
    await page.getByRole('alert').filter({ hasText: ERRORS.database_unavailable.zh }).waitFor();
    await page.getByText('req-503').waitFor();
    await screenshot(page, `${ctx.kind}-h5-bookings-server-error`);
    await page.unroute(`${server.url}/api/bookings`);
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByText('您还没有预约。').waitFor();
    await screenshot(page, `${ctx.kind}-h5-no-bookings`);

    const provoked = [
      statusLogged('403 (Forbidden)'), statusLogged('503 (Service Unavailable)'),
      'console.error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED', `requestfailed: ${server.url}/api/services`,
    ];
    expect(problems.filter((p) => !provoked.includes(p))).toEqual([]);
    await page.context().close();
  });
});
