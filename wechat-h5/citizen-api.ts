/**
 * The H5 page's requests: JSON with the citizen's session cookie, and the session's CSRF token on
 * every state-changing request. Each success body is checked against the shared shape.
 */
import { citizenMe, citizenSession, H5_BASE, smsCodeSent, type CitizenMe, type CitizenSession, type RegisterRequest, type SmsCodeSent } from '../common/citizens.ts';
import { ERRORS, type ErrorCode } from '../common/errors.ts';
import { apiRequest, failureText, type ApiFailure, type ApiResult } from '../ui/api.ts';

export { failureText, OFFLINE } from '../ui/api.ts';
import type { Text } from '../ui/i18n.ts';

/** Begins WeChat authorization; WeChat brings the browser back to the H5 page signed in. */
export const SIGN_IN_URL = `/api/wechat/authorize?returnTo=${encodeURIComponent(H5_BASE)}`;

const csrf = (token: string) => ({ 'x-csrf-token': token });

export function fetchSession(signal?: AbortSignal): Promise<ApiResult<CitizenSession>> {
  return apiRequest('/api/citizen/session', { parse: (body) => citizenSession.parse(body), ...(signal ? { signal } : {}) });
}

export function requestSmsCode(phone: string, csrfToken: string): Promise<ApiResult<SmsCodeSent>> {
  return apiRequest('/api/citizen/sms-code', { method: 'POST', body: { phone }, headers: csrf(csrfToken), parse: (body) => smsCodeSent.parse(body) });
}

export function register(input: RegisterRequest, csrfToken: string): Promise<ApiResult<CitizenMe>> {
  return apiRequest('/api/citizen/register', { method: 'POST', body: input, headers: csrf(csrfToken), parse: (body) => citizenMe.parse(body) });
}

export function logout(csrfToken: string): Promise<ApiResult<void>> {
  return apiRequest('/api/citizen/logout', { method: 'POST', headers: csrf(csrfToken), parse: () => undefined });
}

export function isErrorCode(value: string | null | undefined): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}

/** The sentence for an error code, as the server would say it. */
export function errorText(code: ErrorCode): Text {
  return { zh: ERRORS[code].zh, en: ERRORS[code].en };
}

/** The session is gone (expired, or signed out on another page): back to "sign in". */
export function sessionEnded(failure: ApiFailure): boolean {
  return failure.kind === 'server' && failure.status === 401;
}


