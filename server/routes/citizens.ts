/** Citizens on the WeChat H5 page: WeChat authorization, SMS codes, registration, the session. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  citizenMe as citizenMeShape, citizenSession, H5_BASE, registerRequest, SMS_CODE_TTL_SECONDS, SMS_COOLDOWN_SECONDS, smsCodeRequest,
  smsCodeSent,
} from '../../common/citizens.ts';
import type { ErrorCode } from '../../common/errors.ts';
import { isValidMobile, normalizePhone } from '../../common/phone.ts';
import { serviceDate } from '../../common/time.ts';
import { citizens } from '../../db/schema.ts';
import type { AppDeps } from '../app.ts';
import { expectPrincipal } from '../auth/principal.ts';
import { CITIZEN_COOKIE, clearSessionCookie, createSession, endSession, setSessionCookie } from '../auth/sessions.ts';
import { sameSecret } from '../auth/tokens.ts';
import { citizenMe } from '../citizens/profile.ts';
import { beginAuthorization, consumeState, safeReturnTo, STATE_TTL_MS } from '../citizens/oauth-states.ts';
import { ensureRegistration, registerCitizen } from '../citizens/registration.ts';
import { sendSmsCode, useSmsCode } from '../citizens/sms-codes.ts';
import { AppError, isDatabaseUnavailable } from '../errors.ts';
import { clientIp, isTls } from '../http/client-ip.ts';
import type { AppEnv } from '../http/env.ts';
import { named } from '../http/named-schema.ts';
import type { Limit } from '../http/rate-limit.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse } from '../http/schemas.ts';
import { authorizeUrl, exchangeCode } from '../wechat/oauth.ts';

/** The browser that began an authorization holds its state here, for the callback only. */
const STATE_COOKIE = 'lobby_wechat_state';
const STATE_COOKIE_PATH = '/api/wechat/';
export const CALLBACK_PATH = '/api/wechat/callback';

/**
 * Per address. A lobby's Wi-Fi puts many citizens behind one address, so these stop scripts, not
 * people: each authorization writes a row, each registration attempt may cost an SMS code.
 */
export const AUTHORIZE_PER_IP: Limit = { name: 'wechat-authorize:ip', points: 120, durationSeconds: 3600 };
export const REGISTER_PER_IP: Limit = { name: 'register:ip', points: 60, durationSeconds: 3600 };
/**
 * Per ID number typed (found missing by test/hostile): each try already costs an SMS code, but codes
 * come from many phones; a person retyping a code a few times stays far below this.
 */
export const REGISTER_PER_ID_NUMBER: Limit = { name: 'register:id_number', points: 20, durationSeconds: 3600 };

const citizenMeSchema = named(citizenMeShape, 'CitizenMe');
const redirect = (description: string) => ({ description, headers: z.object({ Location: z.string() }) });

const me = defineRoute(['wechat-user'], {
  method: 'get',
  path: '/api/citizen/me',
  tags: ['citizens'],
  summary: 'The signed-in WeChat user, and their registration (masked)',
  responses: {
    200: { description: 'The session.', content: { 'application/json': { schema: citizenMeSchema } } },
    401: errorResponse('No citizen session.'),
  },
});

const session = defineRoute(['public'], {
  method: 'get',
  path: '/api/citizen/session',
  tags: ['citizens'],
  summary: 'Who is on the H5 page: nobody yet, or the WeChat user (as /api/citizen/me)',
  description: 'Answers 200 to everyone, so the page learns "not signed in" without an error.',
  responses: {
    200: { description: 'The session, or `citizen: null`.', content: { 'application/json': { schema: named(citizenSession, 'CitizenSession') } } },
  },
});

const authorize = defineRoute(['public'], {
  method: 'get',
  path: '/api/wechat/authorize',
  tags: ['citizens'],
  summary: 'Begin WeChat authorization (snsapi_base): redirects to WeChat',
  description: `Binds a one-use state (${STATE_TTL_MS / 60_000} minutes) to this browser with a cookie, then redirects to WeChat, which returns to ${CALLBACK_PATH}.`,
  request: {
    query: z.object({
      returnTo: z.string().max(512).optional().openapi({ description: `A path below ${H5_BASE}; default ${H5_BASE}.`, example: H5_BASE }),
    }),
  },
  responses: {
    302: redirect('To WeChat\'s authorize page.'),
    400: errorResponse('`validation_failed`: `returnTo` is not a path below /h5/.'),
    429: errorResponse('`rate_limited`.'),
  },
});

const callback = defineRoute(['public'], {
  method: 'get',
  path: CALLBACK_PATH,
  tags: ['citizens'],
  summary: 'WeChat returns here: exchanges the code, starts the citizen session',
  description: 'Always a redirect: to `returnTo` signed in, or to `/h5/?authError=<code>` (`wechat_state_invalid`, `wechat_code_invalid`, `wechat_unavailable`, …).',
  request: { query: z.object({ code: z.string().max(256).optional(), state: z.string().max(256).optional() }) },
  responses: { 302: redirect('To the H5 page.') },
});

const smsCode = defineRoute(['wechat-user'], {
  method: 'post',
  path: '/api/citizen/sms-code',
  tags: ['citizens'],
  summary: 'Send an SMS verification code for registration',
  description: `One code per phone every ${SMS_COOLDOWN_SECONDS} s, 10 per phone a day, 20 per address an hour; a code is good for ${SMS_CODE_TTL_SECONDS / 60} minutes and 5 tries.`,
  request: { body: { required: true, content: { 'application/json': { schema: named(smsCodeRequest, 'SmsCodeRequest') } } } },
  responses: {
    200: { description: 'Sent.', content: { 'application/json': { schema: named(smsCodeSent, 'SmsCodeSent') } } },
    400: errorResponse('`phone_invalid`.'),
    409: errorResponse('`already_registered`.'),
    429: errorResponse('`sms_cooldown` or `rate_limited`, with `Retry-After`.'),
  },
});

const register = defineRoute(['wechat-user'], {
  method: 'post',
  path: '/api/citizen/register',
  tags: ['citizens'],
  summary: 'Register with real name, ID number and phone (confirmed by the SMS code)',
  description: 'Binds this WeChat user to the new citizen. Field problems name their field in `fields`.',
  request: { body: { required: true, content: { 'application/json': { schema: named(registerRequest, 'RegisterRequest') } } } },
  responses: {
    201: { description: 'Registered: the session, as /api/citizen/me.', content: { 'application/json': { schema: citizenMeSchema } } },
    400: errorResponse('`name_invalid`, `id_number_format`, `id_number_birth_date`, `id_number_checksum`, `phone_invalid`, `sms_code_wrong`, `sms_code_expired`.'),
    409: errorResponse('`already_registered`, `id_number_registered`.'),
    429: errorResponse('`sms_code_attempts_exceeded`, `rate_limited` (per address, per ID number), with `Retry-After`.'),
  },
});

const logout = defineRoute(['wechat-user'], {
  method: 'post',
  path: '/api/citizen/logout',
  tags: ['citizens'],
  summary: 'Sign out: ends the session and clears its cookie',
  responses: {
    204: { description: 'Signed out.' },
    401: errorResponse('No citizen session.'),
    403: errorResponse('`csrf_failed`.'),
  },
});

/**
 * Where WeChat sends the browser back: below the public URL when the server sits behind a proxy
 * that hides it, else below the origin the browser used. `callbackUrl(undefined, 'http://127.0.0.1:3000/x')`
 * is `http://127.0.0.1:3000/api/wechat/callback`.
 */
export function callbackUrl(publicUrl: string | undefined, requestUrl: string): string {
  return `${(publicUrl ?? new URL(requestUrl).origin).replace(/\/+$/, '')}${CALLBACK_PATH}`;
}

export function citizenRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const ipHash = (c: Context) => deps.privacy.hash('ip', clientIp(c));

  /** Why an authorization ended without a session, as the code the H5 page explains. */
  function authFailure(c: Context, error: unknown): ErrorCode {
    if (error instanceof AppError) {
      deps.logger.warn({ requestId: c.get('requestId'), errorCode: error.code, detail: error.message }, 'wechat authorization refused');
      return error.code;
    }
    if (isDatabaseUnavailable(error)) return 'database_unavailable';
    deps.logger.error({ requestId: c.get('requestId'), err: error }, 'wechat authorization failed');
    return 'internal';
  }

  return new OpenAPIHono<AppEnv>()
    .openapi(me, async (c) => {
      const principal = expectPrincipal(c.get('principal'), 'citizen');
      c.header('Cache-Control', 'no-store');
      return c.json(await citizenMe(db, deps.privacy, principal, c.get('csrfToken') ?? ''), 200);
    })
    .openapi(session, async (c) => {
      const principal = c.get('principal');
      c.header('Cache-Control', 'no-store');
      if (principal.kind !== 'citizen') return c.json({ citizen: null }, 200);
      return c.json({ citizen: await citizenMe(db, deps.privacy, principal, c.get('csrfToken') ?? '') }, 200);
    })
    .openapi(authorize, async (c) => {
      const returnTo = safeReturnTo(c.req.valid('query').returnTo);
      if (!returnTo) throw new AppError('validation_failed', { fields: { returnTo: 'not_below_h5' } });
      await deps.rateLimits.consume(AUTHORIZE_PER_IP, ipHash(c));
      const { state } = await beginAuthorization(db, returnTo, deps.clock.now());
      setCookie(c, STATE_COOKIE, state, {
        httpOnly: true, sameSite: 'Lax', secure: isTls(c), path: STATE_COOKIE_PATH, maxAge: STATE_TTL_MS / 1000,
      });
      return c.redirect(authorizeUrl(deps.wechat, callbackUrl(deps.publicUrl, c.req.url), state), 302);
    })
    .openapi(callback, async (c) => {
      const { code, state } = c.req.valid('query');
      const boundState = getCookie(c, STATE_COOKIE);
      deleteCookie(c, STATE_COOKIE, { path: STATE_COOKIE_PATH, secure: isTls(c) });
      try {
        const now = deps.clock.now();
        if (!state || !boundState || !sameSecret(state, boundState)) throw new AppError('wechat_state_invalid', { detail: 'state does not match this browser' });
        const returnTo = await consumeState(db, state, now);
        if (!returnTo) throw new AppError('wechat_state_invalid', { detail: 'state unknown, used or expired' });
        if (!code) throw new AppError('wechat_code_invalid', { detail: 'no code' });
        const { openid } = await exchangeCode(deps.wechat, code);
        const [registered] = await db.select({ id: citizens.id }).from(citizens).where(eq(citizens.openid, openid));
        await endSession(db, getCookie(c, CITIZEN_COOKIE));
        const started = await createSession(db, { openid, citizenId: registered?.id ?? null }, deps.clock.now());
        setSessionCookie(c, CITIZEN_COOKIE, started);
        return c.redirect(returnTo, 302);
      } catch (error) {
        return c.redirect(`${H5_BASE}?authError=${authFailure(c, error)}`, 302);
      }
    })
    .openapi(smsCode, async (c) => {
      const principal = expectPrincipal(c.get('principal'), 'citizen');
      if (principal.citizenId) throw new AppError('already_registered');
      const { phone } = c.req.valid('json');
      if (!isValidMobile(phone)) throw new AppError('phone_invalid', { fields: { phone: 'phone_invalid' } });
      await sendSmsCode({ db, privacy: deps.privacy, rateLimits: deps.rateLimits, sms: deps.sms }, normalizePhone(phone), ipHash(c), deps.clock.now());
      return c.json({ cooldownSeconds: SMS_COOLDOWN_SECONDS, expiresInSeconds: SMS_CODE_TTL_SECONDS }, 200);
    })
    .openapi(register, async (c) => {
      const principal = expectPrincipal(c.get('principal'), 'citizen');
      if (principal.citizenId) throw new AppError('already_registered');
      await deps.rateLimits.consume(REGISTER_PER_IP, ipHash(c));
      const body = c.req.valid('json');
      const now = deps.clock.now();
      const registrant = ensureRegistration(body, serviceDate(now));
      await deps.rateLimits.consume(REGISTER_PER_ID_NUMBER, deps.privacy.hash('id_number', registrant.idNumber));
      await useSmsCode(db, deps.privacy, deps.privacy.hash('phone', registrant.phone), body.smsCode.trim(), now);
      const citizenId = await registerCitizen(db, deps.privacy, principal.openid, registrant);
      c.header('Cache-Control', 'no-store');
      return c.json(await citizenMe(db, deps.privacy, { ...principal, citizenId }, c.get('csrfToken') ?? ''), 201);
    })
    .openapi(logout, async (c) => {
      await endSession(db, getCookie(c, CITIZEN_COOKIE));
      clearSessionCookie(c, CITIZEN_COOKIE);
      return c.body(null, 204);
    });
}
