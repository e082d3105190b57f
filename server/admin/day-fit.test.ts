import { describe, expect, it } from 'vitest';
import type { CalendarState } from './day-fit.ts';
import { fitsCalendar, noLongerFitting } from './day-fit.ts';

const full = [{ open: '08:30', close: '12:00' }, { open: '14:00', close: '17:30' }];
const mornings = [{ open: '08:30', close: '12:00' }];
const week = (periods: typeof full) => ({ '1': periods, '2': periods, '3': periods, '4': periods, '5': periods });
const state = (outlets: [string, typeof full][], overrides: CalendarState['overrides'] = []): CalendarState =>
  ({ outlets: new Map(outlets.map(([id, periods]) => [id, { id, openingHours: week(periods) }])), overrides });
const at = (date: string, startsAt: string, endsAt: string, outletId = 'office') => ({ outletId, date, startsAt, endsAt });

describe('whether a booking still fits its outlet\'s calendar', () => {
  it('fits an open day\'s hours, not a weekend, a holiday or an afternoon the hours no longer have', () => {
    const s = state([['office', mornings]]);
    expect(fitsCalendar(s, at('2026-11-24', '09:00', '09:30'))).toBe(true);
    expect(fitsCalendar(s, at('2026-11-24', '11:45', '12:15'))).toBe(false);
    expect(fitsCalendar(s, at('2026-11-28', '09:00', '09:30'))).toBe(false);
    expect(fitsCalendar(s, at('2026-10-01', '09:00', '09:30'))).toBe(false);
    expect(fitsCalendar(s, at('2026-11-24', '09:00', '09:30', 'closed-outlet'))).toBe(false);
  });

  it('counts only what a change spoils: fitting before, not after', () => {
    const bookings = [at('2026-11-24', '09:00', '09:30'), at('2026-11-24', '15:00', '15:30'), at('2026-11-28', '15:00', '15:30')];
    expect(noLongerFitting(bookings, state([['office', full]]), state([['office', mornings]]))).toEqual([bookings[1]]);
    const closure = { outletId: null, date: '2026-11-24', kind: 'closed' as const, reason: { zh: '停电', en: 'Power cut' } };
    expect(noLongerFitting(bookings, state([['office', full]]), state([['office', full]], [closure]))).toEqual(bookings.slice(0, 2));
    // An outlet's own open override wins over an all-outlets closure.
    const ownOpen = { ...closure, outletId: 'office', kind: 'open' as const };
    expect(noLongerFitting(bookings, state([['office', full]]), state([['office', full]], [closure, ownOpen]))).toEqual([]);
    expect(noLongerFitting(bookings, state([['office', full]]), state([]))).toEqual(bookings.slice(0, 2));
  });
});
