/**
 * No-shows count against the ID *(setting: 3 missed appointments in 30 days suspend booking for 30 days)*.
 * Counted from the days of the missed appointments; the suspension runs from the day of the no-show
 * that reached the limit, and booking opens again at 00:00 (Beijing) `suspensionDays` later.
 */
import { addDays, shanghaiInstant } from '../../common/time.ts';
import { AppError } from '../errors.ts';

export interface NoShowRule {
  noShowLimit: number;
  noShowWindowDays: number;
  noShowSuspensionDays: number;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * The day booking opens again, or undefined when not suspended on `today`.
 * `suspendedUntil(['2026-11-02', '2026-11-10', '2026-11-20'], '2026-11-23', rule)` is `'2026-12-20'`.
 */
export function suspendedUntil(noShowDates: readonly string[], today: string, rule: NoShowRule): string | undefined {
  const dates = [...noShowDates].sort();
  let until: string | undefined;
  for (let i = rule.noShowLimit - 1; i < dates.length; i++) {
    const first = dates[i - rule.noShowLimit + 1]!;
    const last = dates[i]!;
    // "3 in 30 days": the limit's no-shows lie inside one span of 30 days.
    if (dayNumber(last) - dayNumber(first) < rule.noShowWindowDays) {
      const end = addDays(last, rule.noShowSuspensionDays);
      if (!until || end > until) until = end;
    }
  }
  return until && until > today ? until : undefined;
}

/** The days before `today` whose no-shows can still matter. */
export function noShowLookback(today: string, rule: NoShowRule): string {
  return addDays(today, -(rule.noShowWindowDays + rule.noShowSuspensionDays));
}

export function ensureNotSuspended(noShowDates: readonly string[], today: string, rule: NoShowRule): void {
  const until = suspendedUntil(noShowDates, today, rule);
  if (!until) return;
  throw new AppError('suspended_for_no_shows', {
    sentence: {
      zh: `您${rule.noShowWindowDays}天内有${rule.noShowLimit}次预约未到，暂停预约至 ${until} 0:00。`,
      en: `You missed ${rule.noShowLimit} appointments within ${rule.noShowWindowDays} days, so booking is suspended until ${until} 00:00 (Beijing time).`,
    },
    details: { until: shanghaiInstant(until, '00:00').toISOString() },
  });
}
