/**
 * SMS verification codes: six random digits, stored only as a keyed hash bound to the phone, good
 * for five minutes, five tries and one use. The database decides each try and the use (conditional
 * updates), so two requests racing with the same code cannot both succeed.
 */
import { randomInt } from 'node:crypto';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { SMS_CODE, SMS_CODE_TTL_SECONDS, SMS_COOLDOWN_SECONDS } from '../../common/citizens.ts';
import type { Database } from '../../db/client.ts';
import { smsCodes } from '../../db/schema.ts';
import { sameSecret } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import type { Limit, RateLimits } from '../http/rate-limit.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';
import type { SmsProvider } from '../sms/provider.ts';

export const MAX_ATTEMPTS = 5;
/**
 * A 429 says when to come back (found missing by test/hostile): a new code, which the way on is,
 * can be asked for once the phone's cooldown has run, at most that long after the last one was sent.
 */
const TRIES_USED_UP = { fields: { smsCode: 'sms_code_attempts_exceeded' }, retryAfterSeconds: SMS_COOLDOWN_SECONDS };
const PURPOSE = 'register';

/** Keyed by the phone's and the address's hashes, never the raw values. */
export const SMS_LIMITS = {
  cooldown: { name: 'sms:phone:cooldown', points: 1, durationSeconds: SMS_COOLDOWN_SECONDS },
  perPhoneDaily: { name: 'sms:phone:day', points: 10, durationSeconds: 24 * 3600 },
  perIpHourly: { name: 'sms:ip:hour', points: 20, durationSeconds: 3600 },
} as const satisfies Record<string, Limit>;

export interface SmsCodeDeps {
  db: Database;
  privacy: PersonalDataCipher;
  rateLimits: RateLimits;
  sms: SmsProvider;
}

function codeHash(privacy: PersonalDataCipher, phoneHash: string, code: string): string {
  return privacy.hash('other', `sms-code:${phoneHash}:${code}`);
}

/**
 * Sends a new code to `phone` (already valid and normalised), after the limits: the address's
 * first, so a refused request costs the phone nothing; then the phone's cooldown, then its day.
 */
export async function sendSmsCode(deps: SmsCodeDeps, phone: string, ipHash: string, now: Date): Promise<void> {
  const phoneHash = deps.privacy.hash('phone', phone);
  await deps.rateLimits.consume(SMS_LIMITS.perIpHourly, ipHash);
  await deps.rateLimits.consume(SMS_LIMITS.cooldown, phoneHash, { code: 'sms_cooldown' });
  await deps.rateLimits.consume(SMS_LIMITS.perPhoneDaily, phoneHash);

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await deps.db.insert(smsCodes).values({
    phoneHash,
    codeHash: codeHash(deps.privacy, phoneHash, code),
    purpose: PURPOSE,
    expiresAt: new Date(now.getTime() + SMS_CODE_TTL_SECONDS * 1000),
    requestIpHash: ipHash,
  });
  await deps.sms.send({ phone, template: 'verification_code', params: { code } });
}

/**
 * Checks `code` against the latest unused code sent to the phone and uses it up. Throws
 * `sms_code_wrong` (counting the try), `sms_code_expired` or `sms_code_attempts_exceeded`.
 */
export async function useSmsCode(db: Database, privacy: PersonalDataCipher, phoneHash: string, code: string, now: Date): Promise<void> {
  const [latest] = await db
    .select()
    .from(smsCodes)
    .where(and(eq(smsCodes.phoneHash, phoneHash), eq(smsCodes.purpose, PURPOSE), isNull(smsCodes.consumedAt)))
    .orderBy(desc(smsCodes.createdAt), desc(smsCodes.expiresAt))
    .limit(1);
  // Never sent, or used already: either way the way on is a new code.
  if (!latest) throw new AppError('sms_code_expired', { fields: { smsCode: 'sms_code_expired' } });
  if (latest.expiresAt <= now) throw new AppError('sms_code_expired', { fields: { smsCode: 'sms_code_expired' } });
  if (latest.attempts >= MAX_ATTEMPTS) throw new AppError('sms_code_attempts_exceeded', TRIES_USED_UP);

  const usable = and(eq(smsCodes.id, latest.id), isNull(smsCodes.consumedAt), lt(smsCodes.attempts, MAX_ATTEMPTS));
  if (!SMS_CODE.test(code) || !sameSecret(codeHash(privacy, phoneHash, code), latest.codeHash)) {
    const [counted] = await db.update(smsCodes).set({ attempts: sql`${smsCodes.attempts} + 1` }).where(usable).returning({ id: smsCodes.id });
    // No row: other tries used the last attempt (or the code) meanwhile.
    if (!counted) throw new AppError('sms_code_attempts_exceeded', TRIES_USED_UP);
    throw new AppError('sms_code_wrong', { fields: { smsCode: 'sms_code_wrong' } });
  }
  const [used] = await db.update(smsCodes).set({ consumedAt: now }).where(usable).returning({ id: smsCodes.id });
  // No row: a concurrent request with the same code used it first.
  if (!used) throw new AppError('sms_code_expired', { fields: { smsCode: 'sms_code_expired' } });
}
