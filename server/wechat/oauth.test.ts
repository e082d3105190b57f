/** The server's WeChat client: the authorize URL, and the code exchange with every way it can fail. */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenFields, wechatConfigOf } from '../../test/support/wechat.ts';
import { AppError } from '../errors.ts';
import type { WechatConfig } from './config.ts';
import { startFakeWechat, type FakeWechat } from './fake-server.ts';
import { authorizeUrl, exchangeCode } from './oauth.ts';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('authorize URL', () => {
  it('carries the parameters in WeChat\'s order, the redirect URI encoded, and #wechat_redirect', () => {
    const url = authorizeUrl({ appid: 'wx5f0b3c1e2d4a6b8c', oauthBase: 'https://open.weixin.qq.com/' }, 'https://lobby.example/api/wechat/callback?x=1', 'ab12');
    expect(url).toBe(
      'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx5f0b3c1e2d4a6b8c' +
        '&redirect_uri=https%3A%2F%2Flobby.example%2Fapi%2Fwechat%2Fcallback%3Fx%3D1&response_type=code&scope=snsapi_base&state=ab12#wechat_redirect',
    );
  });
});

describe('code exchange', () => {
  let fake: FakeWechat;
  let config: WechatConfig;
  let silent: Server;
  let silentUrl: string;
  const hanging = new Set<Socket>();

  beforeAll(async () => {
    fake = await startFakeWechat();
    config = wechatConfigOf(fake);
    // Accepts connections and never answers: a WeChat that hangs.
    silent = createServer((socket) => hanging.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await fake.close();
    for (const socket of hanging) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  async function codeFor(nickname: string): Promise<string> {
    const page = await (await fetch(`${authorizeUrl(config, 'http://127.0.0.1/cb', 's1').split('#')[0]}`)).text();
    const res = await fetch(`${fake.url}/connect/oauth2/authorize`, {
      method: 'POST', body: new URLSearchParams({ ...hiddenFields(page), nickname }), redirect: 'manual',
    });
    return new URL(res.headers.get('location')!).searchParams.get('code')!;
  }

  it('turns a code into the openid of the user who authorized', async () => {
    const code = await codeFor('换码用户');
    const user = fake.users().find((u) => u.nickname === '换码用户')!;
    expect(await exchangeCode(config, code)).toEqual({ openid: user.openid });
  });

  it('refuses a used, an unknown, and a code exchanged with the wrong secret as wechat_code_invalid', async () => {
    const code = await codeFor('换码用户');
    await exchangeCode(config, code);
    expect((await failure(exchangeCode(config, code))).code).toBe('wechat_code_invalid');
    expect((await failure(exchangeCode(config, 'made-up'))).code).toBe('wechat_code_invalid');
    const wrongSecret = await failure(exchangeCode({ ...config, secret: 'wrong' }, await codeFor('换码用户')));
    expect(wrongSecret.code).toBe('wechat_code_invalid');
    expect(wrongSecret.message).toContain('40125'); // the operator's log says it is our configuration
  });

  it('says wechat_unavailable when WeChat cannot be reached', async () => {
    const error = await failure(exchangeCode({ ...config, apiBase: 'http://127.0.0.1:9' }, 'any'));
    expect(error.code).toBe('wechat_unavailable');
  });

  it('gives up on a WeChat that does not answer, after the timeout', async () => {
    const started = Date.now();
    const error = await failure(exchangeCode({ ...config, apiBase: silentUrl }, 'any', { timeoutMs: 300 }));
    expect(error.code).toBe('wechat_unavailable');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('says wechat_unavailable when WeChat is busy or answers something that is not its JSON', async () => {
    const answering = (body: string, status = 200) => (async () => new Response(body, { status, headers: { 'content-type': 'text/plain' } })) as typeof fetch;
    expect((await failure(exchangeCode(config, 'c', { fetch: answering('{"errcode":-1,"errmsg":"system error"}') }))).code).toBe('wechat_unavailable');
    expect((await failure(exchangeCode(config, 'c', { fetch: answering('<html>502</html>', 502) }))).code).toBe('wechat_unavailable');
    expect((await failure(exchangeCode(config, 'c', { fetch: answering('<html>ok</html>') }))).code).toBe('wechat_unavailable');
    expect((await failure(exchangeCode(config, 'c', { fetch: answering('{"access_token":"t"}') }))).code).toBe('wechat_unavailable');
    // WeChat labels JSON text/plain at times: the body counts, not the type.
    expect(await exchangeCode(config, 'c', { fetch: answering('{"openid":"oAbCdEfGhIjKlMnOpQrStUvWxYz0","scope":"snsapi_base"}') })).toEqual({ openid: 'oAbCdEfGhIjKlMnOpQrStUvWxYz0' });
  });
});
