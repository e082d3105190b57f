/**
 * Whether a booking still fits its outlet's calendar: the day is open (official calendar, local
 * overrides, opening hours) and the slot lies inside that day's hours. A change of hours, an override
 * or an outlet closing affects exactly the bookings that fitted before and do not after. Pure.
 */
import type { CalendarOutlet, CalendarOverride } from '../booking/calendar.ts';
import { dayStatus } from '../booking/calendar.ts';
import { fitsHours, type SlotPlace } from '../notices/affected.ts';

export interface CalendarState {
  /** Active outlets only: a booking at an outlet missing here does not fit. */
  outlets: ReadonlyMap<string, CalendarOutlet>;
  overrides: readonly CalendarOverride[];
}

/** `fitsCalendar(state, { outletId: 'yt-dmv', date: '2026-11-24', startsAt: '09:00', endsAt: '09:30' })` */
export function fitsCalendar(state: CalendarState, place: SlotPlace): boolean {
  const outlet = state.outlets.get(place.outletId);
  if (!outlet) return false;
  const status = dayStatus(outlet, place.date, state.overrides);
  return status.open && fitsHours(place.startsAt, place.endsAt, status.hours);
}

/** The bookings a change spoils: fitting `before`, not `after`. */
export function noLongerFitting<B extends SlotPlace>(bookings: readonly B[], before: CalendarState, after: CalendarState): B[] {
  return bookings.filter((b) => fitsCalendar(before, b) && !fitsCalendar(after, b));
}
