/**
 * WeChat web authorization (snsapi_base), the server's half: where to send the browser, and the
 * server-side exchange of the code WeChat hands back for the user's openid. The openid is only
 * ever learnt from this exchange; nothing the browser says can stand in for it.
 */
import { AppError } from '../errors.ts';
import type { WechatConfig } from './config.ts';

/** WeChat answers within a second or two; a citizen waiting longer than this is better told to retry. */
export const EXCHANGE_TIMEOUT_MS = 5_000;

/** errcodes that mean "WeChat is busy", not "this code is bad": -1 system busy, 45009 frequency limit. */
const BUSY_ERRCODES = new Set([-1, 45009]);
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;

/**
 * The authorize URL, with its parameters in the order WeChat documents (it is picky about it):
 * `https://open.weixin.qq.com/connect/oauth2/authorize?appid=…&redirect_uri=…&response_type=code&scope=snsapi_base&state=…#wechat_redirect`.
 * `state` must be at most 128 characters of `a-zA-Z0-9`.
 */
export function authorizeUrl(config: Pick<WechatConfig, 'appid' | 'oauthBase'>, redirectUri: string, state: string): string {
  const query = [
    `appid=${encodeURIComponent(config.appid)}`,
    `redirect_uri=${encodeURIComponent(redirectUri)}`,
    'response_type=code',
    'scope=snsapi_base',
    `state=${encodeURIComponent(state)}`,
  ].join('&');
  return `${config.oauthBase.replace(/\/+$/, '')}/connect/oauth2/authorize?${query}#wechat_redirect`;
}

export interface ExchangeOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Exchanges a web authorization code for the openid. Throws `wechat_code_invalid` when WeChat
 * refuses the code (unknown, used, expired — or our appid/secret is wrong, which the detail says),
 * and `wechat_unavailable` when WeChat cannot be reached, is busy, or answers nonsense.
 */
export async function exchangeCode(config: WechatConfig, code: string, options: ExchangeOptions = {}): Promise<{ openid: string }> {
  const url = new URL(`${config.apiBase.replace(/\/+$/, '')}/sns/oauth2/access_token`);
  url.search = new URLSearchParams({ appid: config.appid, secret: config.secret, code, grant_type: 'authorization_code' }).toString();
  const body = await getJson(url, options);
  const { errcode, errmsg, openid } = body;
  if (typeof errcode === 'number' && errcode !== 0) {
    const detail = `wechat sns/oauth2/access_token errcode ${errcode}: ${typeof errmsg === 'string' ? errmsg : ''}`;
    throw new AppError(BUSY_ERRCODES.has(errcode) ? 'wechat_unavailable' : 'wechat_code_invalid', { detail });
  }
  if (typeof openid !== 'string' || !OPENID.test(openid)) {
    throw new AppError('wechat_unavailable', { detail: 'wechat sns/oauth2/access_token answered without an openid' });
  }
  return { openid };
}

/** GET a WeChat API URL. WeChat sometimes labels its JSON `text/plain`, so the body is parsed whatever the type. */
async function getJson(url: URL, options: ExchangeOptions): Promise<Record<string, unknown>> {
  const doFetch = options.fetch ?? fetch;
  let text: string;
  try {
    const response = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? EXCHANGE_TIMEOUT_MS), redirect: 'error' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    throw new AppError('wechat_unavailable', { detail: `wechat ${url.pathname} unreachable: ${(error as Error).message}`, cause: error });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // falls through: not JSON
  }
  throw new AppError('wechat_unavailable', { detail: `wechat ${url.pathname} answered something that is not a JSON object` });
}
