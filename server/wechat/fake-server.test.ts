/** The fake WeChat speaks WeChat's protocol, refusals included, over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenFields } from '../../test/support/wechat.ts';
import { fakeOpenid, startFakeWechat, type FakeWechat } from './fake-server.ts';

const REDIRECT = 'https://lobby.example/api/wechat/callback';

describe('fake WeChat server', () => {
  let fake: FakeWechat;
  let now = Date.parse('2026-11-23T01:00:00Z');

  beforeAll(async () => {
    fake = await startFakeWechat({ now: () => now });
  });
  afterAll(async () => {
    await fake.close();
  });

  const authorizeQuery = (overrides: Record<string, string> = {}) =>
    new URLSearchParams({ appid: fake.appid, redirect_uri: REDIRECT, response_type: 'code', scope: 'snsapi_base', state: 'abc123', ...overrides });

  /** Picks `nickname` on the authorize page's form: the code and state it redirects with. */
  async function authorizeAs(nickname: string, state = 'abc123') {
    const page = await fetch(`${fake.url}/connect/oauth2/authorize?${authorizeQuery({ state })}`);
    const res = await fetch(`${fake.url}/connect/oauth2/authorize`, {
      method: 'POST', body: new URLSearchParams({ ...hiddenFields(await page.text()), nickname }), redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    return { location, code: location.searchParams.get('code')!, state: location.searchParams.get('state') };
  }

  const exchange = async (code: string, overrides: Record<string, string> = {}) => {
    const query = new URLSearchParams({ appid: fake.appid, secret: fake.secret, code, grant_type: 'authorization_code', ...overrides });
    return (await (await fetch(`${fake.url}/sns/oauth2/access_token?${query}`)).json()) as Record<string, unknown>;
  };

  it('offers the demo users and a form for a new one, as plain forms under a strict CSP', async () => {
    const res = await fetch(`${fake.url}/connect/oauth2/authorize?${authorizeQuery()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).not.toContain('<script');
    for (const user of fake.users()) expect(page).toContain(user.nickname);
    expect(hiddenFields(page)).toEqual({ appid: fake.appid, redirect_uri: REDIRECT, response_type: 'code', scope: 'snsapi_base', state: 'abc123' });
  });

  it('shows an error page for a wrong appid, scope, response type or redirect URI', async () => {
    const wrong: Record<string, string>[] = [{ appid: 'wx0000000000000000' }, { scope: 'snsapi_userinfo' }, { response_type: 'token' }, { redirect_uri: 'javascript:alert(1)' }];
    for (const overrides of wrong) {
      const res = await fetch(`${fake.url}/connect/oauth2/authorize?${authorizeQuery(overrides)}`);
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(await res.text()).toContain('Something went wrong');
    }
  });

  it('escapes what people type on its pages', async () => {
    fake.addUser('<img src=x onerror=alert(1)>');
    const page = await (await fetch(`${fake.url}/connect/oauth2/authorize?${authorizeQuery()}`)).text();
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x');
  });

  it('redirects back with a code and the state, and the code yields the user\'s openid once', async () => {
    const { location, code, state } = await authorizeAs('测试用户甲', 'xyz789');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(state).toBe('xyz789');
    const token = await exchange(code);
    expect(token).toMatchObject({ expires_in: 7200, scope: 'snsapi_base', openid: fakeOpenid(fake.appid, '测试用户甲') });
    expect(token.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(typeof token.access_token).toBe('string');
    expect(typeof token.refresh_token).toBe('string');
    expect(await exchange(code)).toEqual({ errcode: 40163, errmsg: 'code been used' });
  });

  it('gives the same nickname the same openid, and different nicknames different ones', async () => {
    const first = await exchange((await authorizeAs('同一个人')).code);
    const again = await exchange((await authorizeAs('同一个人')).code);
    const other = await exchange((await authorizeAs('另一个人')).code);
    expect(again.openid).toBe(first.openid);
    expect(other.openid).not.toBe(first.openid);
  });

  it('refuses an unknown code, a wrong secret, and a code older than five minutes', async () => {
    expect(await exchange('no-such-code')).toEqual({ errcode: 40029, errmsg: 'invalid code' });
    const { code } = await authorizeAs('测试用户乙');
    expect(await exchange(code, { secret: 'wrong' })).toEqual({ errcode: 40125, errmsg: 'invalid appsecret' });
    now += 5 * 60_000;
    expect(await exchange(code)).toEqual({ errcode: 40029, errmsg: 'invalid code' });
  });

  it('records subscribe messages sent with the account\'s access token', async () => {
    const bad = await fetch(`${fake.url}/cgi-bin/token?grant_type=client_credential&appid=${fake.appid}&secret=wrong`);
    expect(await bad.json()).toEqual({ errcode: 40125, errmsg: 'invalid appsecret' });
    const { access_token: token } = (await (await fetch(`${fake.url}/cgi-bin/token?grant_type=client_credential&appid=${fake.appid}&secret=${fake.secret}`)).json()) as { access_token: string };
    const [user] = fake.users();
    const message = { touser: user!.openid, template_id: 'tpl-reminder', page: '/h5/', data: { thing1: { value: '机动车转移登记' } } };
    const send = (accessToken: string) => fetch(`${fake.url}/cgi-bin/message/subscribe/send?access_token=${accessToken}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message),
    });
    expect(await (await send('not-a-token')).json()).toMatchObject({ errcode: 40001 });
    expect(await (await send(token)).json()).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(fake.subscribeMessages()).toEqual([{ endpoint: 'send', ...message }]);
  });
});
