/**
 * WeChat subscribe messages from the official account (公众号订阅通知), in their real shape:
 *
 *   GET  {apiBase}/cgi-bin/token?grant_type=client_credential&appid=…&secret=…
 *   POST {apiBase}/cgi-bin/message/subscribe/bizsend?access_token=…
 *        { touser, template_id, page, data: { thing2: { value: '…' }, … } }
 *
 * The access token is cached until shortly before it expires (WeChat allows 2,000 token requests a
 * day, and a new token invalidates the old one after five minutes), and fetched again at once when
 * WeChat says it is invalid. In development and tests `apiBase` is the fake WeChat on loopback.
 */
import type { Clock } from '../clock.ts';
import type { WechatConfig } from '../wechat/config.ts';
import type { BookingMessagePayload, MessagePayload, NotificationTemplate, TurnNearPayload } from './messages.ts';
import { DeliveryError, type NotificationProvider, type OutboxRow } from './provider.ts';

export const SEND_TIMEOUT_MS = 5_000;
/** Refresh this long before the token's stated expiry, so a send never races it. */
const TOKEN_MARGIN_MS = 5 * 60_000;
/** errcodes after which the token must be fetched again: invalid, expired, not latest. */
const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);
/** errcodes where retrying cannot help: bad openid, refused or used-up subscription, bad template or data. */
const PERMANENT_ERRCODES = new Set([40003, 40037, 43101, 47003, 41030]);

/**
 * The template ids chosen in the official account's back office. Until the account's templates are
 * configured, the names stand in (the fake accepts any id).
 */
export type TemplateIds = Record<NotificationTemplate, string>;
export const PLACEHOLDER_TEMPLATE_IDS: TemplateIds = {
  booking_confirmed: 'booking_confirmed',
  booking_reminder: 'booking_reminder',
  booking_affected: 'booking_affected',
  turn_near: 'turn_near',
};

type Data = Record<string, { value: string }>;

/** WeChat's keyword limits: `thing` 20 characters, `character_string` 32. */
const thing = (text: string) => ({ value: Array.from(text).slice(0, 20).join('') });
const code = (text: string) => ({ value: text.slice(0, 32) });
const time = (p: BookingMessagePayload) => ({ value: `${p.date} ${p.startsAt}` });

/** The template's keywords for a booking message: `subscribeData('booking_reminder', payload).thing2.value === payload.service.zh`. */
export function subscribeData(template: NotificationTemplate, payload: MessagePayload): Data {
  if (template === 'turn_near') {
    const t = payload as TurnNearPayload;
    return { character_string1: code(t.number), thing2: thing(t.service.zh), thing3: thing(t.outlet.zh), thing4: thing(`前面还有${t.peopleAhead}人，请留意叫号`) };
  }
  const p = payload as BookingMessagePayload;
  switch (template) {
    case 'booking_confirmed':
      return { character_string1: code(p.appointmentNo), thing2: thing(p.service.zh), thing3: thing(p.outlet.zh), time4: time(p) };
    case 'booking_reminder':
      return { character_string1: code(p.appointmentNo), thing2: thing(p.service.zh), thing3: thing(p.outlet.zh), time4: time(p), thing5: thing('请携带本人身份证按时到达') };
    case 'booking_affected':
      return { character_string1: code(p.appointmentNo), thing2: thing(p.notice?.title.zh ?? '办理安排有变'), time3: time(p), thing4: thing('请改约或取消，详见公告') };
  }
}

export interface WechatSubscribeOptions {
  clock: Clock;
  templateIds?: TemplateIds;
  /** Where the message opens: the H5 page (absolute, as WeChat requires). */
  pageUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createWechatSubscribeProvider(config: WechatConfig, options: WechatSubscribeOptions): NotificationProvider & { tokenRequests(): number } {
  const doFetch = options.fetch ?? fetch;
  const base = config.apiBase.replace(/\/+$/, '');
  const templateIds = options.templateIds ?? PLACEHOLDER_TEMPLATE_IDS;
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let tokenRequests = 0;

  async function call(url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await doFetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs ?? SEND_TIMEOUT_MS), redirect: 'error' });
    } catch (error) {
      throw new DeliveryError(`wechat ${new URL(url).pathname} unreachable: ${(error as Error).message}`, { permanent: false, cause: error });
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new DeliveryError(`wechat ${new URL(url).pathname} answered HTTP ${response.status}`, { permanent: false });
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // falls through
    }
    throw new DeliveryError(`wechat ${new URL(url).pathname} answered something that is not a JSON object`, { permanent: false });
  }

  async function fetchToken(): Promise<string> {
    tokenRequests++;
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: config.appid, secret: config.secret });
    const body = await call(`${base}/cgi-bin/token?${query}`);
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      // A wrong appid or secret fails every message alike: transient, so fixing the configuration delivers them.
      throw new DeliveryError(`wechat cgi-bin/token errcode ${String(body.errcode)}: ${String(body.errmsg)}`, { permanent: false });
    }
    cached = { token: body.access_token, expiresAt: options.clock.now().getTime() + body.expires_in * 1000 - TOKEN_MARGIN_MS };
    return cached.token;
  }

  /** One token request at a time, however many sends wait for it. */
  function token(): Promise<string> {
    if (cached && cached.expiresAt > options.clock.now().getTime()) return Promise.resolve(cached.token);
    pending ??= fetchToken().finally(() => { pending = undefined; });
    return pending;
  }

  async function bizsend(message: OutboxRow, accessToken: string) {
    const template = message.template as NotificationTemplate;
    const body = {
      touser: message.recipient,
      template_id: templateIds[template],
      ...(options.pageUrl ? { page: options.pageUrl } : {}),
      data: subscribeData(template, message.payload as unknown as MessagePayload),
    };
    return call(`${base}/cgi-bin/message/subscribe/bizsend?access_token=${encodeURIComponent(accessToken)}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
  }

  return {
    tokenRequests: () => tokenRequests,
    async send(message) {
      if (!(message.template in templateIds)) throw new DeliveryError(`no WeChat template for ${message.template}`, { permanent: true });
      let answer = await bizsend(message, await token());
      if (typeof answer.errcode === 'number' && TOKEN_ERRCODES.has(answer.errcode)) {
        cached = undefined;
        answer = await bizsend(message, await token());
      }
      const errcode = typeof answer.errcode === 'number' ? answer.errcode : 0;
      if (errcode !== 0) {
        throw new DeliveryError(`wechat bizsend errcode ${errcode}: ${String(answer.errmsg)}`, { permanent: PERMANENT_ERRCODES.has(errcode) });
      }
    },
  };
}
