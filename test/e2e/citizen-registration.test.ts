/**
 * A citizen on the WeChat H5 page, in Chromium at a phone's size against the real server and the
 * fake WeChat: signs in through the WeChat page, registers with the SMS code, sees the profile
 * masked, stays signed in across a reload, and signs out.
 */
import { desc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ERRORS } from '../../common/errors.ts';
import { idCheckChar } from '../../common/id-number.ts';
import { addDays } from '../../common/time.ts';
import { outbox } from '../../db/schema.ts';
import { ensureWebBuild } from '../../server/web-build.ts';
import { startFakeWechat, type FakeWechat } from '../../server/wechat/fake-server.ts';
import { startTestServer } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from '../support/browser.ts';
import { describeOnDatabases } from '../support/databases.ts';
import { wechatConfigOf } from '../support/wechat.ts';

const PHONE = { width: 375, height: 812 };

/** What Chromium logs for a response it got with this status: provoked on purpose below. */
const statusLogged = (status: string) => `console.error: Failed to load resource: the server responded with a status of ${status}`;

/** A valid ID number with sequence 123 that ends in X, like the masks in the brief (`3601**********123X`). */
function idNumberEndingInX(): string {
  for (let day = '1985-01-01'; ; day = addDays(day, 1)) {
    const first17 = `360102${day.replaceAll('-', '')}123`;
    if (idCheckChar(first17) === 'X') return `${first17}X`;
  }
}

describeOnDatabases('a citizen registers on the H5 page in Chromium', (ctx) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fake: FakeWechat;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    fake = await startFakeWechat();
    server = await startTestServer(ctx.database, { wechat: wechatConfigOf(fake) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
  });

  async function openH5(path = '/h5/'): Promise<WatchedPage> {
    const watched = await openPage(browser, PHONE);
    watched.page.setDefaultTimeout(10_000);
    await watched.page.goto(`${server.url}${path}`);
    return watched;
  }

  /** From "not signed in" through the fake WeChat page, as a new WeChat user, to the registration form. */
  async function signInAsNewWechatUser(page: Page, nickname: string): Promise<void> {
    await page.getByRole('link', { name: '微信授权登录' }).click();
    await page.waitForURL(`${fake.url}/connect/oauth2/authorize?**`);
    await page.getByLabel('昵称').fill(nickname);
    await page.getByRole('button', { name: '新建并授权' }).click();
    await page.waitForURL(`${server.url}/h5/`);
    await page.getByRole('heading', { name: '实名注册' }).waitFor();
  }

  /** The code the development SMS provider "sent" to `phone`, read from the outbox once it is there. */
  async function codeSentTo(phone: string): Promise<string> {
    let code: string | undefined;
    await expect.poll(async () => {
      const [sms] = await ctx.database.db.select().from(outbox).where(eq(outbox.channel, 'sms')).orderBy(desc(outbox.id)).limit(1);
      code = sms && server.privacy.decrypt(sms.recipient) === phone ? String(sms.payload.code) : undefined;
      return code;
    }).toMatch(/^\d{6}$/);
    return code!;
  }

  it('signs in with WeChat, registers with the SMS code, sees the profile masked, stays signed in on reload, and signs out', async () => {
    const { page, problems } = await openH5();
    await page.getByRole('link', { name: '微信授权登录' }).waitFor();
    await screenshot(page, `${ctx.kind}-h5-sign-in`);

    await signInAsNewWechatUser(page, '浏览器测试甲');
    const idNumber = idNumberEndingInX();
    await page.getByLabel('姓名').fill('张小三');
    // The ID number is checked as it is typed: a wrong check character is named at once.
    await page.getByLabel('身份证号码').fill(`${idNumber.slice(0, 17)}1`);
    await page.getByText(ERRORS.id_number_checksum.zh).waitFor();
    await page.getByLabel('身份证号码').fill(idNumber.toLowerCase());
    await page.getByText('身份证号码格式正确').waitFor();
    await page.getByLabel('手机号码').fill('13812345678');

    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('验证码已发送至 138****5678').waitFor();
    await expect.poll(() => page.locator('button.send-code').textContent()).toMatch(/\d+ 秒后重新获取/);
    expect(await page.locator('button.send-code').isDisabled()).toBe(true);
    await page.getByLabel('短信验证码').fill(await codeSentTo('13812345678'));
    await screenshot(page, `${ctx.kind}-h5-register`);
    await page.getByRole('button', { name: '提交注册' }).click();

    await page.getByRole('heading', { name: '我的信息' }).waitFor();
    expect(await page.locator('dd.name').textContent()).toBe('张*三');
    expect(await page.locator('dd.id-number').textContent()).toBe(`3601**********${idNumber.slice(-4)}`);
    expect(idNumber.slice(-4)).toBe('123X');
    expect(await page.locator('dd.phone').textContent()).toBe('138****5678');
    await screenshot(page, `${ctx.kind}-h5-registered`);

    // The session is a cookie: a reload finds the citizen signed in and registered.
    await page.reload();
    await page.getByRole('heading', { name: '我的信息' }).waitFor();
    expect(await page.locator('dd.phone').textContent()).toBe('138****5678');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My details' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('link', { name: '微信授权登录' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: '微信授权登录' }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('says why a WeChat authorization failed, once', async () => {
    const { page, problems } = await openH5('/h5/?authError=wechat_state_invalid');
    await page.getByRole('alert').filter({ hasText: ERRORS.wechat_state_invalid.zh }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('alert').filter({ hasText: ERRORS.wechat_state_invalid.en }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the server\'s refusal beside the field it concerns', async () => {
    const { page, problems } = await openH5();
    await signInAsNewWechatUser(page, '浏览器测试乙');
    await page.getByLabel('姓名').fill('李四');
    await page.getByLabel('身份证号码').fill(`36010319880512456${idCheckChar('36010319880512456')}`);
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('验证码已发送至 139****5678').waitFor();
    const code = await codeSentTo('13912345678');
    await page.getByLabel('短信验证码').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '提交注册' }).click();

    const codeMessage = page.locator('#m-smsCode');
    await expect.poll(() => codeMessage.textContent()).toBe(ERRORS.sms_code_wrong.zh);
    expect(await page.getByLabel('短信验证码').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, `${ctx.kind}-h5-wrong-code`);

    await page.getByLabel('短信验证码').fill(code);
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByRole('heading', { name: '我的信息' }).waitFor();
    // The one refusal, provoked on purpose, is all Chromium logged.
    expect(problems).toEqual([statusLogged('400 (Bad Request)')]);
    await page.context().close();
  });

  it('says when the server cannot serve or cannot be reached, and recovers on "try again"', async () => {
    const watched = await openPage(browser, PHONE);
    const { page, problems } = watched;
    page.setDefaultTimeout(10_000);
    const session = `${server.url}/api/citizen/session`;
    const unavailable = { code: 'database_unavailable', message: ERRORS.database_unavailable.zh, messageEn: ERRORS.database_unavailable.en, requestId: 'req-503' };
    await page.route(session, (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify(unavailable) }));
    await page.goto(`${server.url}/h5/`);
    await page.getByRole('alert').filter({ hasText: ERRORS.database_unavailable.zh }).waitFor();
    await page.getByText('req-503').waitFor(); // the reference a citizen can quote at the counter
    await screenshot(page, `${ctx.kind}-h5-server-error`);

    await page.unroute(session);
    await page.route(session, (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByRole('alert').filter({ hasText: '网络连接已断开' }).waitFor();

    await page.unroute(session);
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByRole('link', { name: '微信授权登录' }).waitFor();
    // Only what was provoked on purpose: the 503, and the request cut off.
    expect(problems.filter((p) => !p.includes('503') && !p.includes('/api/citizen/session') && !p.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await page.context().close();
  });
});
