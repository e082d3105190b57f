/**
 * The blacklist blocks booking: an active entry (not removed, not expired) for the holder's ID number
 * or phone, or for the firm an agent books for. The page says why and until when.
 */
import { serviceDate, wallTime } from '../../common/time.ts';
import { AppError } from '../errors.ts';

export interface BlacklistEntry {
  kind: 'id_number' | 'phone' | 'firm';
  reason: string;
  expiresAt: Date | null;
  removedAt: Date | null;
}

export function isActiveEntry(entry: BlacklistEntry, now: Date): boolean {
  return entry.removedAt === null && (entry.expiresAt === null || entry.expiresAt > now);
}

/** The active entry that blocks longest (one without an end first), or undefined. */
export function blockingEntry<E extends BlacklistEntry>(entries: readonly E[], now: Date): E | undefined {
  const active = entries.filter((e) => isActiveEntry(e, now));
  active.sort((a, b) => (a.expiresAt?.getTime() ?? Infinity) < (b.expiresAt?.getTime() ?? Infinity) ? 1 : -1);
  return active[0];
}

const WHAT = {
  id_number: { zh: '身份证号码', en: 'ID number' },
  phone: { zh: '手机号码', en: 'phone number' },
  firm: { zh: '所代办单位', en: 'firm you book for' },
};

const ACTION = {
  book: { zh: '预约', en: 'book' },
  check_in: { zh: '签到取号', en: 'check in an appointment' },
};

/** Throws `blacklisted` with why and until when, for booking or (a booking made before the entry) checking in. */
export function ensureNotBlacklisted(entries: readonly BlacklistEntry[], now: Date, action: keyof typeof ACTION = 'book'): void {
  const entry = blockingEntry(entries, now);
  if (!entry) return;
  const until = entry.expiresAt ? `${serviceDate(entry.expiresAt)} ${wallTime(entry.expiresAt)}` : undefined;
  const what = WHAT[entry.kind];
  const doing = ACTION[action];
  throw new AppError('blacklisted', {
    sentence: {
      zh: `您的${what.zh}已被列入预约黑名单（原因：${entry.reason}），${until ? `${until} 前` : '解除前'}不能${doing.zh}。如有疑问请到窗口咨询。`,
      en: `Your ${what.en} is on the booking blacklist (reason: ${entry.reason}), so you cannot ${doing.en} ${until ? `until ${until} (Beijing time)` : 'until it is removed'}. Ask at a counter if this is wrong.`,
    },
    details: { kind: entry.kind, reason: entry.reason, ...(entry.expiresAt ? { until: entry.expiresAt.toISOString() } : {}) },
  });
}
