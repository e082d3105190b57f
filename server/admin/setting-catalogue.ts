/**
 * What the console shows beside each *(setting)*: a description in both languages and the bounds
 * the server accepts, read from `settingsSchema` itself so they cannot drift from the rule. The
 * description map is keyed by `SettingKey`: a new setting without a description does not compile.
 */
import { z } from 'zod';
import type { Bilingual } from '../../db/schema.ts';
import { settingsSchema, type SettingKey } from '../domain/settings.ts';

export const SETTING_DESCRIPTIONS: Record<SettingKey, Bilingual> = {
  maxActivePersonalBookings: { zh: '一人一号：每个身份证同时持有的有效个人预约数上限。', en: 'One person, one number: active personal bookings one ID may hold at once.' },
  maxActiveAgentBookings: { zh: '一个经办人一个号：每个经办人同时持有的有效代办预约数上限。', en: 'One agent, one number: active agency bookings one agent may hold at once.' },
  bookingWindowWorkingDays: { zh: '可预约的天数：从明天起的若干个工作日（含第N天）。', en: 'Bookable days: the next N working days from tomorrow (the Nth included).' },
  cancelDeadlineMinutes: { zh: '取消或改约的截止时间：时段开始前多少分钟。', en: 'Cancel or reschedule until this many minutes before the slot starts.' },
  noShowLimit: { zh: '爽约次数上限：统计期内达到此数即暂停预约。', en: 'No-shows within the window that suspend booking.' },
  noShowWindowDays: { zh: '爽约统计期（天）。', en: 'The window no-shows are counted in, in days.' },
  noShowSuspensionDays: { zh: '暂停预约的天数（自最后一次爽约之日起）。', en: 'Days booking stays suspended, from the last no-show.' },
  checkInOpensMinutesBefore: { zh: '签到开始时间：时段开始前多少分钟（至时段结束）。', en: 'Check-in opens this many minutes before the slot (and closes at its end).' },
  missedRequeueLimit: { zh: '过号后可重新排队的次数。', en: 'How often a missed ticket may go back into the queue.' },
  antiStarvationPriorityCalls: { zh: '连续叫优先号达到此数后，等候超时的现场号优先。', en: 'After this many priority calls in a row, a walk-in waiting past the limit goes next.' },
  antiStarvationWaitMinutes: { zh: '现场号等候超过此分钟数即可插在优先号之前。', en: 'Minutes a walk-in waits before it may go ahead of priority tickets.' },
  turnNearAhead: { zh: '前面还剩几人时提醒市民即将叫到。', en: 'Tell the phone its turn is near at this many people ahead.' },
  maintenanceWindow: { zh: '每晚系统维护时段（北京时间），期间暂停预约；为空表示不设。', en: 'Nightly maintenance window (Beijing time) pausing booking; empty for none.' },
};

export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingsSchema.shape, key);
}

/** A number setting's bounds (`{ min: 1, max: 10, integer: true }`), or null for other kinds. */
export function settingLimits(key: SettingKey): { min: number | null; max: number | null; integer: boolean } | null {
  const inner = settingsSchema.shape[key].unwrap();
  if (!(inner instanceof z.ZodNumber)) return null;
  return { min: inner.minValue, max: inner.maxValue, integer: inner.isInt };
}

/** Checks one value against its setting's rule: the parsed value, or the zod issue code. */
export function parseSettingValue(key: SettingKey, value: unknown): { ok: true; value: unknown } | { ok: false; problem: string } {
  const parsed = settingsSchema.shape[key].safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: parsed.error.issues[0]?.code ?? 'invalid' };
}
