/**
 * Serves the built front-ends (dist/web, made by vite): each page at its mount, hashed assets with a
 * long cache, HTML never cached so a deploy reaches every kiosk and display on its next load.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env.ts';

/** URL mount → folder under dist/web. */
export const PAGES = {
  '/h5/': 'wechat-h5',
  '/kiosk/': 'kiosk',
  '/display/': 'display',
  '/console/': 'console',
} as const;

export function mountPages(app: Hono<AppEnv>, webRoot: string): void {
  const root = path.relative(process.cwd(), webRoot) || '.';
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  for (const [mount, folder] of Object.entries(PAGES)) {
    const file = path.join(webRoot, folder, 'index.html');
    const bare = mount.slice(0, -1);
    app.get(bare, (c) => c.redirect(mount, 301));
    // Client-side routes under the mount all get the page.
    app.get(`${mount}*`, (c) => {
      if (!existsSync(file)) return c.text('The front-ends are not built: run `npm run build`.', 503);
      c.header('Cache-Control', 'no-cache');
      return c.html(readFileSync(file, 'utf8'));
    });
  }
  app.get('/', (c) => c.redirect('/h5/', 302));
}
