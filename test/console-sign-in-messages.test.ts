/** What the console's sign-in form tells a person, for each way a sign-in can fail. */
import { describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../common/errors.ts';
import { signInFailureText, waitText } from '../console/console-api.ts';
import type { ApiFailure } from '../ui/api.ts';

const refused = (code: ErrorCode, retryAfterSeconds?: number): ApiFailure => ({
  ok: false, kind: 'server', status: ERRORS[code].status,
  error: { code, message: ERRORS[code].zh, messageEn: ERRORS[code].en, requestId: 'r1' },
  ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
});

describe('sign-in failure messages', () => {
  it('says the user name or password is wrong, without saying which', () => {
    expect(signInFailureText(refused('login_failed'))).toEqual({
      zh: '用户名或密码错误，请重新输入。', en: 'Wrong user name or password. Please try again.',
    });
  });

  it('says the account is locked and how long to wait, from Retry-After', () => {
    const text = signInFailureText(refused('account_locked', 900));
    expect(text.zh).toBe('登录失败次数过多，账号已临时锁定，请 15 分钟后再试。');
    expect(text.en).toBe('Too many failed sign-ins: the account is locked. Try again in 15 minutes.');
    expect(signInFailureText(refused('account_locked', 1)).en).toContain('in 1 second.');
  });

  it('says there were too many attempts from here', () => {
    expect(signInFailureText(refused('rate_limited', 61))).toEqual({
      zh: '尝试次数过多，请 2 分钟后再试。', en: 'Too many attempts from here. Try again in 2 minutes.',
    });
  });

  it('says the server cannot be reached when the request never got there', () => {
    expect(signInFailureText({ ok: false, kind: 'offline' }).zh).toBe('无法连接服务器，请检查网络后重试。');
  });

  it('passes on the server’s own sentence for anything else', () => {
    expect(signInFailureText(refused('csrf_failed'))).toEqual({ zh: ERRORS.csrf_failed.zh, en: ERRORS.csrf_failed.en });
  });

  it('rounds waits up to whole minutes', () => {
    expect(waitText(59)).toEqual({ zh: '59 秒', en: '59 seconds' });
    expect(waitText(60)).toEqual({ zh: '1 分钟', en: '1 minute' });
    expect(waitText(899)).toEqual({ zh: '15 分钟', en: '15 minutes' });
  });
});
