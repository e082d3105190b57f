/**
 * WeChat sign-in over real HTTP: our server and the fake WeChat each on a port, the steps taken as
 * a browser takes them. A session exists only after a state bound to this browser and a code that
 * WeChat confirms server-side; every shortcut is refused.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthStates, sessions } from '../../db/schema.ts';
import { startTestServer, testApp } from '../../test/support/app.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { authorizeAtFake, CookieJar, pathOf, signInWithWechat, viaApp, viaServer, wechatConfigOf, type AppFetch } from '../../test/support/wechat.ts';
import { hashToken } from '../auth/tokens.ts';
import { fakeOpenid, startFakeWechat, type FakeWechat } from '../wechat/fake-server.ts';
import { callbackUrl } from './citizens.ts';

describeOnDatabases('citizen sign-in with WeChat', (ctx) => {
  let fake: FakeWechat;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let site: AppFetch;
  let fakeNow = Date.now();

  beforeAll(async () => {
    fake = await startFakeWechat({ now: () => fakeNow });
    server = await startTestServer(ctx.database, { wechat: wechatConfigOf(fake) });
    site = viaServer(server.url);
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  /** Where a refused callback sends the browser. */
  const refusedWith = (code: string) => `/h5/?authError=${code}`;

  it('signs a WeChat user in: authorize → WeChat page → code → callback → session cookie → /api/citizen/me', async () => {
    const jar = new CookieJar();
    const begun = await site('/api/wechat/authorize?returnTo=%2Fh5%2F', {});
    expect(begun.status).toBe(302);
    const target = new URL(begun.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe(`${fake.url}/connect/oauth2/authorize`);
    expect(target.hash).toBe('#wechat_redirect');
    expect([...target.searchParams.keys()]).toEqual(['appid', 'redirect_uri', 'response_type', 'scope', 'state']);
    expect(target.searchParams.get('appid')).toBe(fake.appid);
    expect(target.searchParams.get('redirect_uri')).toBe(`${server.url}/api/wechat/callback`);
    expect(target.searchParams.get('scope')).toBe('snsapi_base');
    const state = target.searchParams.get('state')!;
    expect(state).toMatch(/^[a-f0-9]{48}$/);
    const stateCookie = begun.headers.getSetCookie().find((c) => c.startsWith('lobby_wechat_state='))!;
    expect(stateCookie).toMatch(/HttpOnly/i);
    expect(stateCookie).toMatch(/SameSite=Lax/i);
    expect(stateCookie).toMatch(/Path=\/api\/wechat\//);
    // Only the state's hash is stored.
    const [stored] = await ctx.database.db.select().from(oauthStates).where(eq(oauthStates.stateHash, hashToken(state)));
    expect(stored).toMatchObject({ returnTo: '/h5/', usedAt: null });
    jar.store(begun);

    const page = await fetch(begun.headers.get('location')!.split('#')[0]!);
    const html = await page.text();
    expect(html).toContain('演示用户小王');

    // This browser picks a new WeChat user on the fake page.
    const chosen = await fetch(`${fake.url}/connect/oauth2/authorize`, {
      method: 'POST', redirect: 'manual',
      body: new URLSearchParams({ appid: fake.appid, redirect_uri: `${server.url}/api/wechat/callback`, response_type: 'code', scope: 'snsapi_base', state, nickname: '签到测试甲' }),
    });
    const back = new URL(chosen.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe(state);

    const landed = await site(pathOf(back.toString()), { headers: { cookie: jar.header() } });
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe('/h5/');
    const sessionCookie = landed.headers.getSetCookie().find((c) => c.startsWith('lobby_citizen='))!;
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    jar.store(landed);
    expect(jar.get('lobby_wechat_state')).toBeUndefined(); // used up, and forgotten by the browser

    const me = await site('/api/citizen/me', { headers: { cookie: jar.header() } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ openidBound: true, registered: false, profile: null, csrfToken: expect.any(String) });
    const [row] = await ctx.database.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(jar.get('lobby_citizen')!)));
    expect(row).toMatchObject({ openid: fakeOpenid(fake.appid, '签到测试甲'), citizenId: null, staffId: null });
    const session = await site('/api/citizen/session', { headers: { cookie: jar.header() } });
    expect(await session.json()).toMatchObject({ citizen: { registered: false } });
  });

  it('tells a visitor without a session "nobody" with a 200, and refuses /api/citizen/me', async () => {
    expect(await (await site('/api/citizen/session')).json()).toEqual({ citizen: null });
    const me = await site('/api/citizen/me');
    expect(me.status).toBe(401);
  });

  it('refuses a replayed code, even with a fresh state', async () => {
    const jar = new CookieJar();
    const { callbackPath } = await authorizeAtFake(site, jar, '签到测试乙');
    const first = await site(callbackPath, { headers: { cookie: jar.header() } });
    expect(first.headers.get('location')).toBe('/h5/');

    const replayJar = new CookieJar();
    const fresh = await site('/api/wechat/authorize', {});
    replayJar.store(fresh);
    const freshState = new URL(fresh.headers.get('location')!).searchParams.get('state')!;
    const oldCode = new URL(callbackPath, 'http://x').searchParams.get('code')!;
    const replay = await site(`/api/wechat/callback?code=${oldCode}&state=${freshState}`, { headers: { cookie: replayJar.header() } });
    expect(replay.headers.get('location')).toBe(refusedWith('wechat_code_invalid'));
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('lobby_citizen='))).toBe(false);
  });

  it('refuses a callback whose state this browser did not begin (login CSRF)', async () => {
    // The attacker authorizes as themself and hands the victim the callback link.
    const attacker = new CookieJar();
    const { callbackPath } = await authorizeAtFake(site, attacker, '攻击者');
    const victim = new CookieJar();
    const noCookie = await site(callbackPath, { headers: { cookie: victim.header() } });
    expect(noCookie.headers.get('location')).toBe(refusedWith('wechat_state_invalid'));
    // Nor with a state of the victim's own.
    victim.store(await site('/api/wechat/authorize', {}));
    const otherState = await site(callbackPath, { headers: { cookie: victim.header() } });
    expect(otherState.headers.get('location')).toBe(refusedWith('wechat_state_invalid'));
    expect(otherState.headers.getSetCookie().some((c) => c.startsWith('lobby_citizen='))).toBe(false);
  });

  it('refuses a missing state, a reused state and an expired state', async () => {
    const jar = new CookieJar();
    const { callbackPath } = await authorizeAtFake(site, jar, '签到测试丙');
    const withoutState = callbackPath.replace(/&state=\w+/, '');
    expect((await site(withoutState, { headers: { cookie: jar.header() } })).headers.get('location')).toBe(refusedWith('wechat_state_invalid'));

    const cookie = jar.header(); // kept by hand: a browser forgets it after the callback
    expect((await site(callbackPath, { headers: { cookie } })).headers.get('location')).toBe('/h5/');
    expect((await site(callbackPath, { headers: { cookie } })).headers.get('location')).toBe(refusedWith('wechat_state_invalid'));

    const late = new CookieJar();
    const { callbackPath: lateCallback } = await authorizeAtFake(site, late, '签到测试丙');
    server.clock.advance(10 * 60_000 + 1_000);
    try {
      expect((await site(lateCallback, { headers: { cookie: late.header() } })).headers.get('location')).toBe(refusedWith('wechat_state_invalid'));
    } finally {
      server.clock.advance(-(10 * 60_000 + 1_000));
    }
  });

  it('cannot be skipped: no code, a made-up code, an openid in the URL, or a code WeChat let expire', async () => {
    const attempt = async (query: (state: string) => string) => {
      const jar = new CookieJar();
      const begun = await site('/api/wechat/authorize', {});
      jar.store(begun);
      const state = new URL(begun.headers.get('location')!).searchParams.get('state')!;
      const res = await site(`/api/wechat/callback?${query(state)}`, { headers: { cookie: jar.header() } });
      expect(res.headers.getSetCookie().some((c) => c.startsWith('lobby_citizen='))).toBe(false);
      return res.headers.get('location');
    };
    expect(await attempt((state) => `state=${state}`)).toBe(refusedWith('wechat_code_invalid'));
    expect(await attempt((state) => `code=0123456789abcdef&state=${state}`)).toBe(refusedWith('wechat_code_invalid'));
    const someone = fake.users()[0]!.openid;
    expect(await attempt((state) => `state=${state}&openid=${someone}`)).toBe(refusedWith('wechat_code_invalid'));

    const jar = new CookieJar();
    const { callbackPath } = await authorizeAtFake(site, jar, '签到测试丁');
    fakeNow += 5 * 60_000 + 1_000;
    const expired = await site(callbackPath, { headers: { cookie: jar.header() } });
    expect(expired.headers.get('location')).toBe(refusedWith('wechat_code_invalid'));

    // And no citizen route answers without a session.
    expect((await site('/api/citizen/sms-code', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"phone":"13812345678"}' })).status).toBe(401);
  });

  it('refuses to return anywhere but below /h5/ (no open redirect), and stores no state for it', async () => {
    const before = (await ctx.database.db.select().from(oauthStates)).length;
    for (const returnTo of ['https://evil.example/h5/', '//evil.example/h5/', '/\\evil.example/h5/', '/api/citizen/me', '/h5/../console/', 'h5/']) {
      const res = await site(`/api/wechat/authorize?returnTo=${encodeURIComponent(returnTo)}`, {});
      expect(res.status, returnTo).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'validation_failed', fields: { returnTo: expect.any(String) } });
    }
    expect((await ctx.database.db.select().from(oauthStates)).length).toBe(before);
    const deep = await site(`/api/wechat/authorize?returnTo=${encodeURIComponent('/h5/bookings?tab=2')}`, {});
    expect(deep.status).toBe(302);
  });

  it('returns to the page it began on', async () => {
    const jar = new CookieJar();
    const { callbackPath } = await authorizeAtFake(site, jar, '签到测试戊', '/h5/bookings?tab=2');
    expect((await site(callbackPath, { headers: { cookie: jar.header() } })).headers.get('location')).toBe('/h5/bookings?tab=2');
  });

  it('sends the browser back with wechat_unavailable when WeChat cannot be reached', async () => {
    const offline = testApp(ctx.database); // its WeChat API is a port nobody listens on
    const local = viaApp(offline.app);
    const jar = new CookieJar();
    const begun = await local('/api/wechat/authorize');
    jar.store(begun);
    const state = new URL(begun.headers.get('location')!).searchParams.get('state')!;
    const res = await local(`/api/wechat/callback?code=abc&state=${state}`, { headers: { cookie: jar.header() } });
    expect(res.headers.get('location')).toBe(refusedWith('wechat_unavailable'));
  });

  it('replaces the session a browser already had when it signs in again', async () => {
    const first = await signInWithWechat(site, '签到测试己');
    const oldToken = first.jar.get('lobby_citizen')!;
    const { callbackPath } = await authorizeAtFake(site, first.jar, '签到测试庚');
    const again = await site(callbackPath, { headers: { cookie: first.jar.header() } });
    first.jar.store(again);
    expect(first.jar.get('lobby_citizen')).not.toBe(oldToken);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(oldToken)))).toEqual([]);
  });
});

describe('the WeChat callback URL', () => {
  it('is below the public URL behind a proxy, else below the origin the browser used', () => {
    expect(callbackUrl('https://lobby.example.gov.cn/', 'http://10.0.0.5:3000/api/wechat/authorize')).toBe('https://lobby.example.gov.cn/api/wechat/callback');
    expect(callbackUrl(undefined, 'http://127.0.0.1:3000/api/wechat/authorize?returnTo=%2Fh5%2F')).toBe('http://127.0.0.1:3000/api/wechat/callback');
  });
});
