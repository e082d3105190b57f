/**
 * Signing a WeChat user in as a browser would, against the fake WeChat server over real HTTP:
 * our authorize route → the fake's page → its form → our callback. A tiny cookie jar carries the
 * cookies between the steps.
 */
import { expect } from 'vitest';
import type { WechatConfig } from '../../server/wechat/config.ts';
import type { FakeWechat } from '../../server/wechat/fake-server.ts';

/** Our server, reached in process (`app.request`) or over HTTP; redirects are never followed. */
export type AppFetch = (path: string, init?: RequestInit) => Promise<Response>;

export function viaApp(app: { request(path: string, init?: RequestInit): Response | Promise<Response> }): AppFetch {
  return async (path, init) => app.request(path, init);
}

export function viaServer(url: string): AppFetch {
  return (path, init) => fetch(`${url}${path}`, { ...init, redirect: 'manual' });
}

export function wechatConfigOf(fake: FakeWechat): WechatConfig {
  return { appid: fake.appid, secret: fake.secret, oauthBase: fake.url, apiBase: fake.url };
}

export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** Keeps the cookies a response sets (and forgets the ones it deletes). */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  set(name: string, value: string): void {
    this.#cookies.set(name, value);
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** The path and query of a Location header, whatever host it names. */
export function pathOf(location: string): string {
  const url = new URL(location, 'http://localhost');
  return `${url.pathname}${url.search}`;
}

const decodeEntities = (text: string) =>
  text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** The hidden fields of the fake's "new user" form, read from its HTML. */
export function hiddenFields(pageHtml: string): Record<string, string> {
  const form = pageHtml.slice(pageHtml.indexOf('class="new-user"'));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)) fields[match[1]!] = decodeEntities(match[2]!);
  return fields;
}

export interface WechatRedirect {
  /** Where our authorize route sent the browser (on the fake). */
  authorizeUrl: string;
  /** Where the fake sent the browser back (our callback, with code and state). */
  callbackPath: string;
}

/** Our authorize route, then the fake's page and form as `nickname`: the callback to follow next. */
export async function authorizeAtFake(appFetch: AppFetch, jar: CookieJar, nickname: string, returnTo = '/h5/'): Promise<WechatRedirect> {
  const begun = await appFetch(`/api/wechat/authorize?returnTo=${encodeURIComponent(returnTo)}`, { headers: { cookie: jar.header() } });
  expect(begun.status).toBe(302);
  jar.store(begun);
  const authorizeUrl = begun.headers.get('location')!;
  // The fragment (#wechat_redirect) stays in the browser.
  const page = await fetch(authorizeUrl.split('#')[0]!);
  expect(page.status).toBe(200);
  const fields = hiddenFields(await page.text());
  const chosen = await fetch(new URL('/connect/oauth2/authorize', authorizeUrl), {
    method: 'POST',
    body: new URLSearchParams({ ...fields, nickname }),
    redirect: 'manual',
  });
  expect(chosen.status).toBe(302);
  return { authorizeUrl, callbackPath: pathOf(chosen.headers.get('location')!) };
}

export interface SignedIn {
  jar: CookieJar;
  csrfToken: string;
  /** Our routes with this browser's cookie and CSRF token (and its address, if given). */
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/** The whole sign-in as `nickname`; fails the test if any step does not answer as it should. */
export async function signInWithWechat(appFetch: AppFetch, nickname: string, options: { ip?: string } = {}): Promise<SignedIn> {
  const jar = new CookieJar();
  const { callbackPath } = await authorizeAtFake(appFetch, jar, nickname);
  const back = await appFetch(callbackPath, { headers: { cookie: jar.header() } });
  expect(back.headers.get('location')).toBe('/h5/');
  jar.store(back);
  const me = await appFetch('/api/citizen/me', { headers: { cookie: jar.header() } });
  expect(me.status).toBe(200);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  return {
    jar,
    csrfToken,
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('cookie', jar.header());
      headers.set('x-csrf-token', csrfToken);
      if (options.ip) headers.set('x-forwarded-for', options.ip);
      const { json, ...rest } = init;
      if (json !== undefined) headers.set('content-type', 'application/json');
      return appFetch(path, { ...rest, headers, ...(json !== undefined ? { method: rest.method ?? 'POST', body: JSON.stringify(json) } : {}) });
    },
  };
}
