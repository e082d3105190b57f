/**
 * The State Council's calendar for one day, as the console shows it: an ordinary working day, a
 * weekend, a public holiday or a make-up working day, with the festival's name (chinese-days gives
 * `'National Day,国庆节,3'` for both the holiday and its make-up days). Pure.
 */
import chineseDays from 'chinese-days';
import type { OFFICIAL_DAY_KINDS } from '../../common/admin.ts';
import { isoWeekday } from '../../common/time.ts';
import type { Bilingual } from '../../db/schema.ts';
import { officialWorkday } from '../booking/calendar.ts';

export interface OfficialDay {
  kind: (typeof OFFICIAL_DAY_KINDS)[number];
  name: Bilingual | null;
}

/** `officialDay('2026-10-10')` → `{ kind: 'makeup', name: { zh: '国庆节', en: 'National Day' } }` */
export function officialDay(date: string): OfficialDay {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // Local noon: chinese-days asks the local weekday of what it is given (see calendar.ts).
  const detail = chineseDays.getDayDetail(new Date(y, m - 1, d, 12));
  const [en, zh] = detail.name.split(',');
  const name = zh && en ? { zh, en } : null;
  const weekend = isoWeekday(date) >= 6;
  if (officialWorkday(date)) return { kind: weekend ? 'makeup' : 'workday', name: weekend ? name : null };
  return weekend && !name ? { kind: 'weekend', name: null } : { kind: 'holiday', name };
}
