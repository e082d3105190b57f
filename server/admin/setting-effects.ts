/**
 * What a change of settings does to people and bookings right now, for the preview and the save:
 * holders over a lowered one-person-one-number limit, bookings past a shortened window, citizens a
 * new no-show rule suspends or frees. Nothing is undone: holders keep their bookings; the rules
 * apply to what they do next.
 */
import { and, asc, eq, gt, gte } from 'drizzle-orm';
import type { SettingEffect } from '../../common/admin.ts';
import { serviceDate } from '../../common/time.ts';
import type { Transaction } from '../../db/client.ts';
import { agents, bookings, citizens } from '../../db/schema.ts';
import { bookingWindow, windowHorizon } from '../booking/calendar.ts';
import { noShowLookback, suspendedUntil, type NoShowRule } from '../booking/no-shows.ts';
import type { Settings } from '../domain/settings.ts';
import { readCalendarState } from './calendar-state.ts';
import { upcomingBookings, type UpcomingBooking } from './upcoming-bookings.ts';

export interface SettingsEffects {
  effects: SettingEffect[];
  /** Bookings the change leaves outside a rule they were made under (past a shortened window). */
  bookings: UpcomingBooking[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Citizens a change of the no-show rule suspends, and those it frees, on `today`. Pure. */
export function noShowRuleChanges(noShowDates: ReadonlyMap<string, readonly string[]>, today: string, before: NoShowRule, after: NoShowRule) {
  const suspended: string[] = [];
  const freed: string[] = [];
  for (const [citizenId, dates] of noShowDates) {
    const was = suspendedUntil(dates, today, before) !== undefined;
    const is = suspendedUntil(dates, today, after) !== undefined;
    if (is && !was) suspended.push(citizenId);
    if (was && !is) freed.push(citizenId);
  }
  return { suspended, freed };
}

export async function settingsEffects(tx: Transaction, before: Settings, after: Settings, now: Date): Promise<SettingsEffects> {
  const effects: SettingEffect[] = [];
  let affected: UpcomingBooking[] = [];
  const today = serviceDate(now);

  if (after.maxActivePersonalBookings < before.maxActivePersonalBookings) {
    const over = await tx.select({ id: citizens.id }).from(citizens).where(gt(citizens.activePersonalBookings, after.maxActivePersonalBookings));
    effects.push({
      key: 'maxActivePersonalBookings', count: over.length, unit: 'citizens',
      sentence: {
        zh: `${over.length} 位市民持有的有效个人预约多于 ${after.maxActivePersonalBookings} 个：已有预约保留，降到上限以下前不能再预约。`,
        en: `${plural(over.length, 'citizen')} hold more than ${after.maxActivePersonalBookings} active personal bookings: they keep them, and cannot book again until under the limit.`,
      },
    });
  }
  if (after.maxActiveAgentBookings < before.maxActiveAgentBookings) {
    const over = await tx.select({ id: agents.id }).from(agents).where(gt(agents.activeBookings, after.maxActiveAgentBookings));
    effects.push({
      key: 'maxActiveAgentBookings', count: over.length, unit: 'agents',
      sentence: {
        zh: `${over.length} 位经办人持有的有效代办预约多于 ${after.maxActiveAgentBookings} 个：已有预约保留，降到上限以下前不能再预约。`,
        en: `${plural(over.length, 'agent')} hold more than ${after.maxActiveAgentBookings} active agency bookings: they keep them, and cannot book again until under the limit.`,
      },
    });
  }
  if (after.bookingWindowWorkingDays < before.bookingWindowWorkingDays) {
    const state = await readCalendarState(tx, 'all', today, windowHorizon(today, before.bookingWindowWorkingDays));
    const lastDay = new Map([...state.outlets.values()].map((o) => [o.id, {
      before: bookingWindow(o, today, before.bookingWindowWorkingDays, state.overrides).at(-1) ?? today,
      after: bookingWindow(o, today, after.bookingWindowWorkingDays, state.overrides).at(-1) ?? today,
    }]));
    affected = (await upcomingBookings(tx, {}, now)).filter((b) => {
      const last = lastDay.get(b.outletId);
      return last !== undefined && b.date > last.after && b.date <= last.before;
    });
    effects.push({
      key: 'bookingWindowWorkingDays', count: affected.length, unit: 'bookings',
      sentence: {
        zh: `${affected.length} 个有效预约在缩短后的预约期之外：这些预约保留有效。`,
        en: `${plural(affected.length, 'active booking')} lie past the shorter window: they stay valid.`,
      },
    });
  }
  const ruleKeys = ['noShowLimit', 'noShowWindowDays', 'noShowSuspensionDays'] as const;
  const changedRule = ruleKeys.find((k) => before[k] !== after[k]);
  if (changedRule) {
    const since = [noShowLookback(today, before), noShowLookback(today, after)].sort()[0]!;
    const rows = await tx.select({ citizenId: bookings.citizenId, date: bookings.date }).from(bookings)
      .where(and(eq(bookings.status, 'no_show'), gte(bookings.date, since))).orderBy(asc(bookings.date));
    const byCitizen = new Map<string, string[]>();
    for (const r of rows) byCitizen.set(r.citizenId, [...(byCitizen.get(r.citizenId) ?? []), r.date]);
    const { suspended, freed } = noShowRuleChanges(byCitizen, today, before, after);
    effects.push({
      key: changedRule, count: suspended.length, unit: 'citizens',
      sentence: { zh: `新规则使 ${suspended.length} 位市民暂停预约。`, en: `The new rule suspends booking for ${plural(suspended.length, 'citizen')}.` },
    });
    if (freed.length > 0) {
      effects.push({
        key: changedRule, count: freed.length, unit: 'citizens',
        sentence: { zh: `新规则解除 ${freed.length} 位市民的暂停预约。`, en: `The new rule lifts the suspension of ${plural(freed.length, 'citizen')}.` },
      });
    }
  }
  return { effects, bookings: affected };
}
