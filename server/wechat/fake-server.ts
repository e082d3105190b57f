/**
 * A fake WeChat on loopback for development and tests, speaking the real HTTP protocol of web
 * authorization (snsapi_base) and of the server API, so the server's client code is the same one
 * that talks to open.weixin.qq.com and api.weixin.qq.com in production:
 *
 *   GET  /connect/oauth2/authorize   a page where a person picks or creates a demo WeChat user,
 *                                    then 302 to `redirect_uri?code=…&state=…`
 *   GET  /sns/oauth2/access_token    code → openid (single use, 5 minutes)
 *   GET  /cgi-bin/token              the account's access token
 *   POST /cgi-bin/message/subscribe/send, …/bizsend   subscribe messages, recorded for inspection
 *
 * Everything lives in memory. A user's openid is derived from the appid and the nickname, so the
 * same nickname is the same WeChat user after a restart (a registration kept in ./data still fits).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';

/** What web authorization codes and tokens live for, as WeChat documents them. */
const CODE_LIFETIME_MS = 5 * 60_000;
const TOKEN_LIFETIME_S = 7200;
const DEFAULT_APPID = 'wx5f0b3c1e2d4a6b8c';
const DEMO_NICKNAMES = ['演示用户小王', '演示用户李女士'];

export interface FakeWechatOptions {
  port?: number;
  host?: string;
  appid?: string;
  /** Random unless given. */
  secret?: string;
  /** Milliseconds since the epoch; tests move it to expire codes. */
  now?: () => number;
  /** Users that exist from the start; two demo users unless given. */
  nicknames?: string[];
}

export interface FakeWechatUser {
  openid: string;
  nickname: string;
}

/** A subscribe message as the server API received it. */
export interface SubscribeMessage {
  endpoint: 'send' | 'bizsend';
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, unknown>;
}

export interface FakeWechat {
  url: string;
  appid: string;
  secret: string;
  close(): Promise<void>;
  users(): FakeWechatUser[];
  /** Creates (or finds) the user with this nickname. */
  addUser(nickname: string): FakeWechatUser;
  subscribeMessages(): SubscribeMessage[];
}

interface IssuedCode {
  appid: string;
  openid: string;
  expiresAt: number;
  used: boolean;
}

/** `o` and 27 base64url characters, like a real openid; the same for the same appid and nickname. */
export function fakeOpenid(appid: string, nickname: string): string {
  return `o${createHash('sha256').update(`${appid}\n${nickname}`).digest('base64url').slice(0, 27)}`;
}

const wechatError = (errcode: number, errmsg: string) => ({ errcode, errmsg });

/** The fake's state and its hono app, without a port (`startFakeWechat` listens). */
export function createFakeWechat(options: FakeWechatOptions = {}) {
  const appid = options.appid ?? DEFAULT_APPID;
  const secret = options.secret ?? randomBytes(16).toString('hex');
  const now = options.now ?? Date.now;
  const users = new Map<string, FakeWechatUser>();
  const codes = new Map<string, IssuedCode>();
  const accountTokens = new Map<string, number>();
  const messages: SubscribeMessage[] = [];

  function addUser(nickname: string): FakeWechatUser {
    const openid = fakeOpenid(appid, nickname);
    const user = users.get(openid) ?? { openid, nickname };
    users.set(openid, user);
    return user;
  }
  for (const nickname of options.nicknames ?? DEMO_NICKNAMES) addUser(nickname);

  function issueCode(openid: string): string {
    const at = now();
    // Used and expired codes are kept a while, so a replay is told "used" rather than "invalid".
    for (const [code, issued] of codes) if (issued.expiresAt < at - CODE_LIFETIME_MS) codes.delete(code);
    const code = randomBytes(16).toString('hex');
    codes.set(code, { appid, openid, expiresAt: at + CODE_LIFETIME_MS, used: false });
    return code;
  }

  /** The authorization request's problem, as WeChat's error page names it, or its parts. */
  function checkAuthorization(params: Record<string, string | undefined>):
    | { ok: false; errcode: number; message: string }
    | { ok: true; redirectUri: URL; state: string } {
    if (params.appid !== appid) return { ok: false, errcode: 10016, message: 'appid 参数错误 · invalid appid' };
    if (params.response_type !== 'code') return { ok: false, errcode: 10004, message: 'response_type 参数错误 · response_type must be code' };
    if (params.scope !== 'snsapi_base') return { ok: false, errcode: 10005, message: '此公众号并没有这些 scope 的权限 · scope must be snsapi_base' };
    let redirectUri: URL;
    try {
      redirectUri = new URL(params.redirect_uri ?? '');
    } catch {
      return { ok: false, errcode: 10003, message: 'redirect_uri 参数错误 · invalid redirect_uri' };
    }
    if (redirectUri.protocol !== 'http:' && redirectUri.protocol !== 'https:') {
      return { ok: false, errcode: 10003, message: 'redirect_uri 参数错误 · invalid redirect_uri' };
    }
    return { ok: true, redirectUri, state: params.state ?? '' };
  }

  const app = new Hono();

  app.use(async function fakeWechatHeaders(c, next) {
    await next();
    // Plain forms, one stylesheet of its own, no script: the same strict policy as the real pages.
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
  });

  app.get('/style.css', (c) => c.body(STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  app.get('/', (c) =>
    c.html(page('模拟微信 · Fake WeChat', html`
      <h1>模拟微信 <small>Fake WeChat (development)</small></h1>
      <p>appid <code>${appid}</code></p>
      <h2>用户 · Users</h2>
      <ul>${[...users.values()].map((u) => html`<li>${u.nickname} <code>${u.openid}</code></li>`)}</ul>
      <p>订阅消息 · Subscribe messages sent: ${messages.length}</p>
    `)),
  );

  app.get('/connect/oauth2/authorize', (c) => {
    const params = c.req.query();
    const checked = checkAuthorization(params);
    if (!checked.ok) return errorPage(c, checked.errcode, checked.message);
    const hidden = html`
      <input type="hidden" name="appid" value="${params.appid}" />
      <input type="hidden" name="redirect_uri" value="${params.redirect_uri}" />
      <input type="hidden" name="response_type" value="${params.response_type}" />
      <input type="hidden" name="scope" value="${params.scope}" />
      <input type="hidden" name="state" value="${params.state ?? ''}" />`;
    return c.html(page('微信授权 · WeChat authorization', html`
      <h1>微信授权 <small>WeChat authorization (fake)</small></h1>
      <p class="host">${checked.redirectUri.host} 请求获取你的微信身份<br /><small>wants to know who you are on WeChat</small></p>
      <h2>选择微信用户 <small>Choose a WeChat user</small></h2>
      <ul class="users">
        ${[...users.values()].map((user) => html`
          <li><form method="post" action="/connect/oauth2/authorize">${hidden}
            <input type="hidden" name="openid" value="${user.openid}" />
            <button type="submit">${user.nickname}</button>
          </form></li>`)}
      </ul>
      <h2>新建微信用户 <small>New WeChat user</small></h2>
      <form method="post" action="/connect/oauth2/authorize" class="new-user">${hidden}
        <label for="nickname">昵称 <small>Nickname</small></label>
        <input id="nickname" name="nickname" required maxlength="32" autocomplete="off" />
        <button type="submit">新建并授权 <small>Create and allow</small></button>
      </form>
    `));
  });

  app.post('/connect/oauth2/authorize', async (c) => {
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
    const checked = checkAuthorization({
      appid: field('appid'), redirect_uri: field('redirect_uri'), response_type: field('response_type'),
      scope: field('scope'), state: field('state'),
    });
    if (!checked.ok) return errorPage(c, checked.errcode, checked.message);
    const nickname = field('nickname')?.trim();
    const user = nickname ? addUser(nickname.slice(0, 32)) : users.get(field('openid') ?? '');
    if (!user) return errorPage(c, 10016, '没有这个用户 · no such user');
    const target = new URL(checked.redirectUri);
    target.searchParams.set('code', issueCode(user.openid));
    target.searchParams.set('state', checked.state);
    return c.redirect(target.toString(), 302);
  });

  app.get('/sns/oauth2/access_token', (c) => {
    const q = c.req.query();
    if (q.grant_type !== 'authorization_code') return c.json(wechatError(40002, 'invalid grant_type'));
    if (q.appid !== appid) return c.json(wechatError(40013, 'invalid appid'));
    if (q.secret !== secret) return c.json(wechatError(40125, 'invalid appsecret'));
    if (!q.code) return c.json(wechatError(41008, 'missing code'));
    const issued = codes.get(q.code);
    if (!issued || issued.appid !== appid || issued.expiresAt <= now()) return c.json(wechatError(40029, 'invalid code'));
    if (issued.used) return c.json(wechatError(40163, 'code been used'));
    issued.used = true;
    return c.json({
      access_token: randomBytes(32).toString('base64url'),
      expires_in: TOKEN_LIFETIME_S,
      refresh_token: randomBytes(32).toString('base64url'),
      openid: issued.openid,
      scope: 'snsapi_base',
    });
  });

  app.get('/cgi-bin/token', (c) => {
    const q = c.req.query();
    if (q.grant_type !== 'client_credential') return c.json(wechatError(40002, 'invalid grant_type'));
    if (q.appid !== appid) return c.json(wechatError(40013, 'invalid appid'));
    if (q.secret !== secret) return c.json(wechatError(40125, 'invalid appsecret'));
    const token = randomBytes(48).toString('base64url');
    accountTokens.set(token, now() + TOKEN_LIFETIME_S * 1000);
    return c.json({ access_token: token, expires_in: TOKEN_LIFETIME_S });
  });

  // `send` is the mini program's endpoint, `bizsend` the official account's: both are recorded.
  for (const endpoint of ['send', 'bizsend'] as const) {
    app.post(`/cgi-bin/message/subscribe/${endpoint}`, async (c) => {
      const token = c.req.query('access_token');
      if (!token) return c.json(wechatError(41001, 'access_token missing'));
      const expiresAt = accountTokens.get(token);
      if (expiresAt === undefined || expiresAt <= now()) return c.json(wechatError(40001, 'invalid credential, access_token is invalid or not latest'));
      const body = (await c.req.json().catch(() => undefined)) as Record<string, unknown> | undefined;
      if (!body || typeof body !== 'object') return c.json(wechatError(47001, 'data format error'));
      const { touser, template_id: templateId, page: target, data } = body;
      if (typeof touser !== 'string' || !users.has(touser)) return c.json(wechatError(40003, 'invalid openid'));
      if (typeof templateId !== 'string' || !templateId) return c.json(wechatError(40037, 'invalid template_id'));
      if (typeof data !== 'object' || data === null) return c.json(wechatError(47003, 'argument invalid! data is empty'));
      messages.push({
        endpoint, touser, template_id: templateId, data: data as Record<string, unknown>,
        ...(typeof target === 'string' ? { page: target } : {}),
      });
      return c.json({ errcode: 0, errmsg: 'ok' });
    });
  }

  return {
    app,
    appid,
    secret,
    users: () => [...users.values()],
    addUser,
    subscribeMessages: () => [...messages],
  };
}

/** Starts the fake on loopback (port 0 picks a free one). */
export async function startFakeWechat(options: FakeWechatOptions = {}): Promise<FakeWechat> {
  const fake = createFakeWechat(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<HttpServer>((resolve, reject) => {
    const started = serve({ fetch: fake.app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(started as HttpServer));
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    appid: fake.appid,
    secret: fake.secret,
    users: fake.users,
    addUser: fake.addUser,
    subscribeMessages: fake.subscribeMessages,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function errorPage(c: Context, errcode: number, message: string) {
  return c.html(page('出错了 · Error', html`
    <h1>Oops! Something went wrong :(</h1>
    <p class="error">${message}</p>
    <p><small>errcode ${errcode}</small></p>
  `), 400);
}

function page(title: string, body: unknown) {
  return html`<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/style.css" />
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;
}

const STYLE = `
body { margin: 0; font-family: -apple-system, 'PingFang SC', 'Noto Sans CJK SC', sans-serif; background: #ededed; color: #111; }
main { max-width: 30rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.25rem; } h2 { font-size: 1rem; margin-top: 1.5rem; }
small { color: #555; font-weight: normal; }
.host { background: #fff; padding: 0.75rem; border-radius: 8px; }
.users { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
button { width: 100%; min-height: 48px; font: inherit; border: 0; border-radius: 8px; background: #07c160; color: #fff; }
.new-user { display: grid; gap: 0.5rem; }
input { min-height: 44px; font: inherit; padding: 0 0.5rem; border: 1px solid #888; border-radius: 6px; }
.error { color: #b3001b; }
`;
