/**
 * Script stored through the API is shown as text on every page, never run (issue 10): `<img
 * onerror>`, `<script>` and attribute-breaking payloads saved where the API stores free text (a
 * notice's title and body, firm names, an agent's rejection reason, a blacklist reason, booking
 * details and a device's name), then the pages that show them opened in Chromium: the H5 home,
 * firms and voucher; the display's notice ticker; the kiosk's refusal; the console's devices.
 * On each page no dialog opens, no injected element exists, no console error comes from injected
 * script, the text reads literally, and no `securitypolicyviolation` fires (the CSP of
 * server/app.ts holds for the built pages, with nothing inline).
 * The clock stands at Monday 2026-11-23 09:00 in Beijing.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { creditCheckChar } from '../../common/credit-code.ts';
import { seedDemoData, type SeedResult } from '../../server/demo-data.ts';
import { TINY_PDF } from '../../server/firms/fixtures.ts';
import { ensureWebBuild } from '../../server/web-build.ts';
import { startTestServer } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from '../support/browser.ts';
import { insertBookingFor, insertHolder, type Holder, type TodayBooking } from '../support/check-in.ts';
import { describeOnDatabases } from '../support/databases.ts';
import { insertCitizen, type TestCitizen } from '../support/lobby-rows.ts';
import { fetcherFor, signIn, type StaffSession } from '../support/sign-in.ts';

/** Each would set `window.__pwned` and open a dialog if it ran. */
const IMG = '<img src=x onerror="window.__pwned=1;alert(\'xss-img\')">';
const SCRIPT = '<script>window.__pwned=1;alert(\'xss-script\')</script>';
const SVG = '"><svg onload="window.__pwned=1;alert(\'xss-svg\')">';
/** A booking detail's name has at most 40 characters. */
const SHORT = '<b onmouseover=alert(1)>名</b>';

const PHONE = { width: 375, height: 812 };
const statusLogged = (status: string) => `console.error: Failed to load resource: the server responded with a status of ${status}`;

const creditCode = (stem: string) => `${stem}${creditCheckChar(stem)}`;

/**
 * Violations the built pages are allowed: none. (zod's JIT probe, `Function('')`, used to cause one on
 * every page; ui/zod-config.ts turns the JIT off before any parse.) Nothing stored below may add one.
 */
const KNOWN_VIOLATIONS: RegExp[] = [];

/** Runs in every page before its own scripts: dialogs and CSP violations are recorded, never shown. */
function watchForInjection(): void {
  const record = window as unknown as { __dialogs: string[]; __csp: string[] };
  record.__dialogs = [];
  record.__csp = [];
  window.alert = (message?: unknown) => void record.__dialogs.push(`alert ${String(message)}`);
  window.confirm = (message?: string) => (record.__dialogs.push(`confirm ${String(message)}`), false);
  window.prompt = (message?: string) => (record.__dialogs.push(`prompt ${String(message)}`), null);
  document.addEventListener('securitypolicyviolation', (event) => {
    record.__csp.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}:${event.lineNumber}`);
  }, true);
}

describeOnDatabases('hostile text on every page in Chromium', (ctx) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let seed: SeedResult;
  let admin: StaffSession;
  let citizen: TestCitizen;
  let agencyBookingId: string;
  let blacklisted: { holder: Holder; booking: TodayBooking };

  const api = async (path: string, init: { method?: string; headers: Record<string, string>; json?: unknown; body?: Uint8Array }, expected: number) => {
    const headers = { ...init.headers, ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) };
    const res = await fetch(`${server.url}${path}`, {
      method: init.method ?? 'POST', headers,
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body ? { body: new Blob([new Uint8Array(init.body)]) } : {}),
    });
    const text = await res.text();
    expect(res.status, `${path}: ${text}`).toBe(expected);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };

  beforeAll(async () => {
    await ensureWebBuild();
    seed = (await seedDemoData(ctx.database.db))!;
    server = await startTestServer(ctx.database);
    browser = await launchBrowser();
    const fetcher = fetcherFor(server.url);
    admin = await signIn(fetcher, 'admin', '10.88.0.1');

    // A notice for every outlet: the H5 home and the display's ticker show it.
    const notice = await api('/api/admin/notices', { headers: admin.headers, json: { outletId: null, kind: 'info', title: { zh: IMG, en: IMG }, body: { zh: SCRIPT, en: SCRIPT } } }, 201);
    await api(`/api/admin/notices/${String(notice.id)}/publish`, { headers: admin.headers, json: {} }, 200);

    // A citizen acting for two firms named with script: one approved (and booked for), one rejected with a reason.
    citizen = await insertCitizen(ctx.database.db, server.privacy, server.clock.now());
    const approved = await api('/api/citizen/agencies', { headers: citizen.headers, json: { firmName: IMG, creditCode: creditCode('91360600MA35H0001') } }, 200);
    await api(`/api/citizen/agencies/${String(approved.agentId)}/power-of-attorney`, { method: 'PUT', headers: { ...citizen.headers, 'content-type': 'application/pdf' }, body: TINY_PDF }, 201);
    await api(`/api/admin/agents/${String(approved.agentId)}/approve`, { headers: admin.headers, json: {} }, 200);
    const rejected = await api('/api/citizen/agencies', { headers: citizen.headers, json: { firmName: SVG, creditCode: creditCode('91360600MA35H0002') } }, 200);
    await api(`/api/admin/agents/${String(rejected.agentId)}/reject`, { headers: admin.headers, json: { reason: SCRIPT } }, 200);
    const slots = (await (await fetch(`${server.url}/api/availability/slots?serviceId=mv-transfer&outletId=yt-dmv&date=2026-11-24`)).json()) as { slots: { id: string }[] };
    const booking = await api('/api/bookings', {
      headers: citizen.headers,
      json: { kind: 'agency', agentId: approved.agentId, serviceId: 'mv-transfer', outletId: 'yt-dmv', slotId: slots.slots[0]!.id, idempotencyKey: randomUUID(), details: { plate: SCRIPT, [SHORT]: IMG } },
    }, 201);
    agencyBookingId = String(booking.id);

    // Someone with an appointment now, put on the blacklist since, for a reason written with script.
    const holder = await insertHolder(ctx.database.db, server.privacy);
    blacklisted = { holder, booking: await insertBookingFor(ctx.database.db, holder, { date: '2026-11-23', startsAt: '09:00', endsAt: '10:00' }) };
    await api('/api/admin/blacklist', { headers: admin.headers, json: { kind: 'id_number', value: holder.idNumber, reason: IMG } }, 201);

    // The demo display renamed with script: the console's device list shows it.
    const devices = (await (await fetch(`${server.url}/api/admin/devices`, { headers: { cookie: admin.cookie } })).json()) as { devices: { id: string; kind: string }[] };
    await api(`/api/admin/devices/${devices.devices.find((d) => d.kind === 'display')!.id}/rename`, { headers: admin.headers, json: { name: SVG } }, 200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const token = (kind: 'kiosk' | 'display') => seed.devices.find((d) => d.kind === kind)!.token;

  async function open(viewport: { width: number; height: number }, cookie?: { name: string; value: string }): Promise<WatchedPage & { dialogs: string[] }> {
    const watched = await openPage(browser, viewport);
    const dialogs: string[] = [];
    watched.page.setDefaultTimeout(10_000);
    watched.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await watched.page.addInitScript(watchForInjection);
    if (cookie) await watched.page.context().addCookies([{ ...cookie, url: server.url }]);
    return { ...watched, dialogs };
  }

  /** Elements the payloads would have made, anywhere in the page's shadow roots. */
  function injectedElements(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const found: string[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          const tag = element.tagName.toLowerCase();
          if (tag === 'img' && (element.getAttribute('src') ?? '').endsWith('x')) found.push('img src=x');
          if (element.hasAttribute('onerror') || element.hasAttribute('onload') || element.hasAttribute('onmouseover')) found.push(`${tag} with a handler`);
          if (tag === 'script' && (element.textContent ?? '').includes('__pwned')) found.push('inline script');
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      return found;
    });
  }

  /** Nothing ran, nothing was injected, nothing broke the CSP; console errors only for the statuses allowed. */
  async function expectInert(watched: WatchedPage & { dialogs: string[] }, allowedStatuses: string[] = []): Promise<void> {
    const { page } = watched;
    const state = await page.evaluate(() => {
      const w = window as unknown as { __pwned?: unknown; __dialogs: string[]; __csp: string[] };
      return { pwned: w.__pwned ?? null, dialogs: w.__dialogs, csp: w.__csp };
    });
    const unknown = state.csp.filter((violation) => !KNOWN_VIOLATIONS.some((known) => known.test(violation)));
    expect({ ...state, csp: unknown }).toEqual({ pwned: null, dialogs: [], csp: [] });
    expect(watched.dialogs).toEqual([]);
    expect(await injectedElements(page)).toEqual([]);
    expect(watched.problems.filter((p) => !allowedStatuses.some((s) => p.startsWith(statusLogged(s))))).toEqual([]);
  }

  /** The text shows as typed (inside the page's shadow roots; getByText pierces them). */
  const shown = (page: Page, text: string) => page.getByText(text, { exact: false }).first().waitFor();

  it('the H5 page shows the notice, the firms, the rejection reason and the booking details as text', async () => {
    const cookie = citizen.headers.cookie!.split('=');
    const watched = await open(PHONE, { name: cookie[0]!, value: cookie.slice(1).join('=') });
    const { page } = watched;
    await page.goto(`${server.url}/h5/`);
    await shown(page, IMG);
    await shown(page, SCRIPT);
    await page.waitForLoadState('networkidle');
    await screenshot(page, `${ctx.kind}-hostile-h5-home`);

    await page.goto(`${server.url}/h5/#/firms`);
    await shown(page, SVG);
    await shown(page, IMG);
    await shown(page, SCRIPT);
    await screenshot(page, `${ctx.kind}-hostile-h5-firms`);

    await page.goto(`${server.url}/h5/#/voucher/${agencyBookingId}`);
    await shown(page, SHORT);
    await shown(page, SCRIPT);
    await shown(page, IMG);
    await page.waitForLoadState('networkidle');
    await screenshot(page, `${ctx.kind}-hostile-h5-voucher`);
    await expectInert(watched);
    await page.context().close();
  });

  it('the display runs the notice along its ticker as text', async () => {
    const watched = await open({ width: 1920, height: 1080 });
    const { page } = watched;
    await page.goto(`${server.url}/display/#device=${token('display')}`);
    await page.locator('display-notice-ticker').getByText(IMG).first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, `${ctx.kind}-hostile-display`);
    await expectInert(watched);
    await page.context().close();
  });

  it('the kiosk says the blacklist reason as text when it refuses a check-in', async () => {
    const watched = await open({ width: 1080, height: 1920 });
    const { page } = watched;
    await page.goto(`${server.url}/kiosk/#device=${token('kiosk')}`);
    await page.getByText('请刷身份证或输入预约号').waitFor();
    const checkIn = page.getByRole('button', { name: /有预约 · 签到取号/ });
    await expect.poll(() => checkIn.isEnabled()).toBe(true);
    await checkIn.click();
    await page.getByRole('heading', { name: /请在读卡区刷身份证/ }).waitFor();
    await page.keyboard.type(blacklisted.holder.idNumber);
    await page.keyboard.press('Enter');
    for (const digit of blacklisted.booking.appointmentNo) await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: /签到取号/ }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '黑名单' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(IMG);
    await screenshot(page, `${ctx.kind}-hostile-kiosk-refusal`);
    await expectInert(watched, ['403']);
    await page.context().close();
  });

  it('the console lists the renamed device as text', async () => {
    const [name, ...value] = admin.cookie.split('=');
    const watched = await open({ width: 1366, height: 768 }, { name: name!, value: value.join('=') });
    const { page } = watched;
    await page.goto(`${server.url}/console/`);
    await page.locator('tr', { hasText: SVG }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, `${ctx.kind}-hostile-console`);
    await expectInert(watched);
    await page.context().close();
  });

  it('catches markup that does get in: the CSP blocks its handler, and the watch sees both', async () => {
    const watched = await open(PHONE);
    const { page } = watched;
    await page.goto(`${server.url}/h5/`);
    await page.waitForLoadState('networkidle');
    // What a page that used innerHTML would do with the stored text.
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), IMG);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.filter((v) => v.includes('inline')))).not.toEqual([]);
    expect(await injectedElements(page)).toContain('img src=x');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    await page.context().close();
  });

  for (const [path, name] of [['/h5/', 'H5'], ['/kiosk/', 'kiosk'], ['/display/', 'display'], ['/console/', 'console']] as const) {
    it(`loads ${path} unpaired and signed out with nothing inline for the CSP to block`, async () => {
      const watched = await open(name === 'H5' ? PHONE : { width: 1280, height: 800 });
      const { page } = watched;
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.waitForLoadState('networkidle');
      await expectInert(watched);
      await page.context().close();
    });
  }
});
