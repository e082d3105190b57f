/**
 * The console's requests: JSON with the session cookie, and the session's CSRF token on every
 * state-changing request (the server refuses a cookie session's POST without it).
 */
import { apiRequest, failureText, type ApiFailure, type ApiResult } from '../ui/api.ts';

export { failureText, OFFLINE } from '../ui/api.ts';
import type { Text } from '../ui/i18n.ts';

export type ConsoleMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function consoleRequest<T>(
  path: string,
  options: { method?: ConsoleMethod; body?: unknown; csrfToken?: string; parse: (body: unknown) => T },
): Promise<ApiResult<T>> {
  const method = options.method ?? 'GET';
  return apiRequest(path, {
    method,
    parse: options.parse,
    ...(options.body !== undefined || method !== 'GET' ? { body: options.body ?? {} } : {}),
    ...(method !== 'GET' && options.csrfToken ? { headers: { 'x-csrf-token': options.csrfToken } } : {}),
  });
}

/**
 * `path` with the defined, non-empty `params` as its query:
 * `withQuery('/api/admin/audit', { action: 'staff.', before: undefined })` → `/api/admin/audit?action=staff.`
 */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The server's word on each wrong field (`{ 'openingHours.1.0': 'close_before_open' }`), when it gave one. */
export function fieldsOf(failure: ApiFailure): Record<string, string> {
  return failure.kind === 'server' ? (failure.error.fields ?? {}) : {};
}

/** The session is gone (expired, signed out elsewhere): the console goes back to its sign-in form. */
export function sessionEnded(failure: ApiFailure): boolean {
  return failure.kind === 'server' && failure.status === 401;
}


/** "15 分钟" / "15 minutes", for a wait the server gave in seconds. */
export function waitText(seconds: number): Text {
  if (seconds < 60) return { zh: `${seconds} 秒`, en: `${seconds} second${seconds === 1 ? '' : 's'}` };
  const minutes = Math.ceil(seconds / 60);
  return { zh: `${minutes} 分钟`, en: `${minutes} minute${minutes === 1 ? '' : 's'}` };
}


/** Why a sign-in failed, as a person should read it: which problem, and how long to wait when it says. */
export function signInFailureText(failure: ApiFailure): Text {
  if (failure.kind !== 'server') return failureText(failure);
  const wait = waitText(failure.retryAfterSeconds ?? 60);
  switch (failure.error.code) {
    case 'login_failed':
      return { zh: '用户名或密码错误，请重新输入。', en: 'Wrong user name or password. Please try again.' };
    case 'account_locked':
      return {
        zh: `登录失败次数过多，账号已临时锁定，请 ${wait.zh}后再试。`,
        en: `Too many failed sign-ins: the account is locked. Try again in ${wait.en}.`,
      };
    case 'rate_limited':
      return { zh: `尝试次数过多，请 ${wait.zh}后再试。`, en: `Too many attempts from here. Try again in ${wait.en}.` };
    default:
      return failureText(failure);
  }
}
