/**
 * Which bookings a notice affects: a closure, every booking at its outlet (or any outlet, for a
 * notice to all) on its days; an hours change, those whose slot does not fit inside the new hours.
 * Pure: the publishing transaction reads the candidates and asks this.
 */
import type { OpenPeriod } from '../../common/notices.ts';
import type { Notice } from '../../db/schema.ts';

export type NoticeScope = Pick<Notice, 'kind' | 'outletId' | 'effectiveFrom' | 'effectiveTo' | 'changedHours'>;

export interface SlotPlace {
  outletId: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` or `HH:MM:SS` as PostgreSQL returns a `time`. */
  startsAt: string;
  endsAt: string;
}

const hhmm = (time: string) => time.slice(0, 5);

/** Whether the slot lies wholly inside one of the periods: `fitsHours('09:00', '09:30', [{ open: '09:00', close: '12:00' }])`. */
export function fitsHours(startsAt: string, endsAt: string, periods: readonly OpenPeriod[]): boolean {
  return periods.some((p) => p.open <= hhmm(startsAt) && hhmm(endsAt) <= p.close);
}

/** Whether a notice closes or cuts the slot `place` (a booking's or a slot's). */
export function affects(notice: NoticeScope, place: SlotPlace): boolean {
  if (notice.kind === 'info' || !notice.effectiveFrom) return false;
  if (notice.outletId !== null && notice.outletId !== place.outletId) return false;
  const to = notice.effectiveTo ?? notice.effectiveFrom;
  if (place.date < notice.effectiveFrom || place.date > to) return false;
  if (notice.kind === 'closure') return true;
  return !fitsHours(place.startsAt, place.endsAt, notice.changedHours ?? []);
}
