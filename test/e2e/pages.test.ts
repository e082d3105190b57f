/** Each of the four pages loads in Chromium from the real server, with its own title and no console error. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoData } from '../../server/demo-data.ts';
import { ensureWebBuild } from '../../server/web-build.ts';
import { startTestServer, type RunningServer } from '../support/app.ts';
import { launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { describeOnDatabases } from '../support/databases.ts';

describeOnDatabases('the four pages in Chromium', (ctx) => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    await seedDemoData(ctx.database.db);
    server = await startTestServer(ctx.database);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages = [
    { path: '/h5/', name: 'wechat-h5', viewport: { width: 375, height: 812 } },
    { path: '/kiosk/', name: 'kiosk', viewport: { width: 1080, height: 1920 } },
    { path: '/display/', name: 'display', viewport: { width: 1920, height: 1080 } },
    { path: '/console/', name: 'console', viewport: { width: 1366, height: 768 } },
  ];

  it('gives every page its own title', async () => {
    const titles = new Set<string>();
    for (const entry of pages) {
      const { page } = await openPage(browser, entry.viewport);
      await page.goto(`${server.url}${entry.path}`);
      titles.add(await page.title());
      await page.context().close();
    }
    expect(titles.size).toBe(pages.length);
    for (const title of titles) expect(title).toMatch(/\S/);
  });

  for (const entry of pages) {
    it(`loads ${entry.path} with no console error and shows that the server answers`, async () => {
      const { page, problems } = await openPage(browser, entry.viewport);
      // The page asks /healthz itself to show whether the server answers.
      const healthAsked = page.waitForResponse((r) => r.url().endsWith('/healthz') && r.status() === 200);
      const response = await page.goto(`${server.url}${entry.path}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await healthAsked;
      await page.waitForLoadState('networkidle');
      await screenshot(page, `${ctx.kind}-${entry.name}`);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
