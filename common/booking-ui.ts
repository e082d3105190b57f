/**
 * Pure helpers for showing bookings on a page: days with their weekday, statuses and opening
 * hours in both languages. No rule lives here — what is bookable is the server's word.
 */
import type { BookingSummary, OutletDetail } from './booking.ts';
import { isoWeekday } from './time.ts';

interface Bilingual {
  zh: string;
  en: string;
}

const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `dayText('2026-11-24')` → `{ zh: '11月24日 周二', en: 'Tue 24 Nov' }` */
export function dayText(date: string): Bilingual {
  const [, month = 1, day = 1] = date.split('-').map(Number);
  const weekday = isoWeekday(date) - 1;
  return { zh: `${month}月${day}日 周${WEEKDAYS_ZH[weekday]}`, en: `${WEEKDAYS_EN[weekday]} ${day} ${MONTHS_EN[month - 1]}` };
}

/** `weekdayText(1)` → `{ zh: '周一', en: 'Mon' }` (ISO weekday). */
export function weekdayText(isoDay: number): Bilingual {
  return { zh: `周${WEEKDAYS_ZH[isoDay - 1] ?? ''}`, en: WEEKDAYS_EN[isoDay - 1] ?? '' };
}

/**
 * Opening hours as lines, consecutive weekdays with the same hours joined:
 * `{ 1: [08:30–12:00], …, 5: [...] }` → `[{ zh: '周一至周五 08:30–12:00', en: 'Mon–Fri 08:30–12:00' }]`.
 */
export function openingHoursLines(hours: OutletDetail['openingHours']): Bilingual[] {
  const periodsOf = (day: number) => (hours[String(day)] ?? []).map((p) => `${p.open}–${p.close}`).join(', ');
  const lines: Bilingual[] = [];
  let day = 1;
  while (day <= 7) {
    const periods = periodsOf(day);
    let last = day;
    while (last < 7 && periodsOf(last + 1) === periods) last++;
    if (periods) {
      const from = weekdayText(day);
      const to = weekdayText(last);
      lines.push(day === last
        ? { zh: `${from.zh} ${periods}`, en: `${from.en} ${periods}` }
        : { zh: `${from.zh}至${to.zh} ${periods}`, en: `${from.en}–${to.en} ${periods}` });
    }
    day = last + 1;
  }
  return lines;
}

export const BOOKING_STATUS_TEXT: Record<BookingSummary['status'], Bilingual> = {
  active: { zh: '待办理', en: 'Booked' },
  checked_in: { zh: '已签到', en: 'Checked in' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  no_show: { zh: '未到', en: 'Missed' },
};

export const BOOKING_KIND_TEXT: Record<BookingSummary['kind'], Bilingual> = {
  personal: { zh: '本人业务', en: 'Personal' },
  agency: { zh: '代办业务', en: 'On a firm\'s behalf' },
};

/** `instantText('2026-11-24T00:30:00.000Z')` → `'2026-11-24 08:30'` (Beijing time). */
export function instantText(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** Whether the page should still offer cancel and reschedule; the server decides when it is asked. */
export function offersChanges(booking: Pick<BookingSummary, 'status' | 'changeableUntil'>, now: Date): boolean {
  return booking.status === 'active' && now.getTime() < Date.parse(booking.changeableUntil);
}
