/**
 * The office calendar: which days an outlet works, with which hours, and the booking window.
 *
 * A working day is the State Council's calendar (chinese-days: weekends off, public holidays off,
 * make-up days on), changed by `calendar_overrides` (an outlet's own row wins over an all-outlets
 * row). An outlet is open on a working day that has opening hours; a make-up weekend day, or a day
 * an override opens, takes the hours of a normal weekday (the first of Monday…Friday with opening hours).
 *
 * The window starts tomorrow — today's capacity is already staffed and the kiosk's check-in window
 * may have opened — and holds the outlet's next N open days ("within N" includes the Nth).
 */
import chineseDays from 'chinese-days';
import type { Bilingual, OpeningHours } from '../../db/schema.ts';
import { addDays, isoWeekday } from '../../common/time.ts';
import { AppError } from '../errors.ts';

export interface Period {
  open: string;
  close: string;
}

export interface CalendarOverride {
  /** Null: every outlet. */
  outletId: string | null;
  date: string;
  kind: 'closed' | 'open';
  reason: Bilingual;
}

export interface CalendarOutlet {
  id: string;
  openingHours: OpeningHours;
}

export type DayStatus =
  | { open: true; hours: Period[] }
  | { open: false; reason: Bilingual };

const localNoon = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
};

/**
 * The holidays fixed by date in the national rules (New Year's Day, Labour Day, National Day 1–3),
 * for a year whose arrangement chinese-days does not know yet (the State Council publishes it late
 * in the year before): without them the window would offer 1 January as a working day.
 * The lunar holidays and make-up days of such a year need `calendar_overrides` rows.
 */
const FIXED_HOLIDAYS = new Set(['01-01', '05-01', '10-01', '10-02', '10-03']);
const knownYears = new Map<number, boolean>();

/** Whether chinese-days has the State Council's arrangement for `year` (any weekday holiday at all). */
function yearKnown(year: number): boolean {
  let known = knownYears.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(new Date(year, 0, 1, 12), new Date(year, 11, 31, 12), false).length > 0;
    knownYears.set(year, known);
  }
  return known;
}

/**
 * Whether the State Council's calendar makes `date` a working day: `officialWorkday('2026-10-10')`
 * is true (a make-up Saturday), `officialWorkday('2026-10-01')` false.
 *
 * chinese-days reads a `YYYY-MM-DD` string as UTC midnight and then asks for the local weekday, which
 * west of Greenwich is the day before; a local-time Date at noon is the same day in every zone.
 */
export function officialWorkday(date: string): boolean {
  if (!yearKnown(Number(date.slice(0, 4))) && FIXED_HOLIDAYS.has(date.slice(5))) return false;
  return chineseDays.isWorkday(localNoon(date));
}

const WEEKEND = { zh: '周末休息', en: 'Closed at weekends' };
const HOLIDAY = { zh: '法定节假日休息', en: 'Closed for the public holiday' };
const NO_HOURS = { zh: '该日不对外办公', en: 'Not open to the public that day' };

/** The override in force for `outletId` on `date`: the outlet's own, else the all-outlets one. */
function overrideFor(outletId: string, date: string, overrides: readonly CalendarOverride[]): CalendarOverride | undefined {
  return overrides.find((o) => o.date === date && o.outletId === outletId)
    ?? overrides.find((o) => o.date === date && o.outletId === null);
}

/** The hours of a normal working day, for make-up days and days an override opens. */
function weekdayHours(hours: OpeningHours): Period[] {
  for (const day of ['1', '2', '3', '4', '5'] as const) {
    const periods = hours[day];
    if (periods && periods.length > 0) return periods;
  }
  return [];
}

/** Whether `outlet` is open on `date`, and its hours or why not. */
export function dayStatus(outlet: CalendarOutlet, date: string, overrides: readonly CalendarOverride[]): DayStatus {
  const override = overrideFor(outlet.id, date, overrides);
  if (override?.kind === 'closed') return { open: false, reason: override.reason };
  const weekday = isoWeekday(date);
  const working = override?.kind === 'open' || officialWorkday(date);
  if (!working) return { open: false, reason: weekday >= 6 ? WEEKEND : HOLIDAY };
  const own = outlet.openingHours[String(weekday) as keyof OpeningHours] ?? [];
  const hours = own.length > 0 ? own : weekdayHours(outlet.openingHours);
  return hours.length > 0 ? { open: true, hours } : { open: false, reason: NO_HOURS };
}

/** Calendar days past `today` that the window may reach: enough for Spring Festival and a long window. */
export function windowHorizon(today: string, workingDays: number): string {
  return addDays(today, workingDays * 2 + 30);
}

/**
 * The bookable days from tomorrow: the outlet's next `workingDays` open days.
 * `bookingWindow(outlet, '2026-09-29', 3, [])` is `['2026-09-30', '2026-10-08', '2026-10-09']`.
 */
export function bookingWindow(outlet: CalendarOutlet, today: string, workingDays: number, overrides: readonly CalendarOverride[]): string[] {
  const days: string[] = [];
  const horizon = windowHorizon(today, workingDays);
  for (let date = addDays(today, 1); days.length < workingDays && date <= horizon; date = addDays(date, 1)) {
    if (dayStatus(outlet, date, overrides).open) days.push(date);
  }
  return days;
}

/** The closed days between tomorrow and the window's last day, with why (for the page's calendar). */
export function closedDaysInWindow(outlet: CalendarOutlet, today: string, window: readonly string[], overrides: readonly CalendarOverride[]) {
  const last = window.at(-1);
  const closed: { date: string; reason: Bilingual }[] = [];
  if (!last) return closed;
  for (let date = addDays(today, 1); date < last; date = addDays(date, 1)) {
    const status = dayStatus(outlet, date, overrides);
    if (!status.open) closed.push({ date, reason: status.reason });
  }
  return closed;
}

/**
 * Throws unless `date` can be booked now: `closed_day` (with why) for a day the outlet does not
 * work, `outside_window` for today, the past, or past the window's last day.
 */
export function ensureBookableDate(outlet: CalendarOutlet, date: string, today: string, workingDays: number, overrides: readonly CalendarOverride[]): Period[] {
  const status = dayStatus(outlet, date, overrides);
  if (!status.open) {
    throw new AppError('closed_day', {
      sentence: { zh: `${date} 不办公（${status.reason.zh}），请选择其他日期。`, en: `The outlet is closed on ${date} (${status.reason.en}). Please choose another date.` },
      details: { date },
    });
  }
  const window = bookingWindow(outlet, today, workingDays, overrides);
  if (!window.includes(date)) {
    const first = window[0] ?? '';
    const last = window.at(-1) ?? '';
    throw new AppError('outside_window', {
      sentence: {
        zh: `只能预约 ${first} 至 ${last}（明天起${workingDays}个工作日内）的时段。`,
        en: `Only slots from ${first} to ${last} (the next ${workingDays} working days from tomorrow) can be booked.`,
      },
      details: { from: first, to: last },
    });
  }
  return status.hours;
}
