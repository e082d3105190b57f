import { describe, expect, it } from 'vitest';
import { dayText, instantText, offersChanges, openingHoursLines } from './booking-ui.ts';

describe('showing bookings', () => {
  it('names a day with its weekday in both languages', () => {
    expect(dayText('2026-11-24')).toEqual({ zh: '11月24日 周二', en: 'Tue 24 Nov' });
    expect(dayText('2027-01-03')).toEqual({ zh: '1月3日 周日', en: 'Sun 3 Jan' });
  });

  it('joins weekdays with the same hours and leaves out the days without any', () => {
    const weekday = [{ open: '08:30', close: '12:00' }, { open: '13:30', close: '17:00' }];
    const hours = { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday, 6: [{ open: '09:00', close: '12:00' }] };
    expect(openingHoursLines(hours)).toEqual([
      { zh: '周一至周五 08:30–12:00, 13:30–17:00', en: 'Mon–Fri 08:30–12:00, 13:30–17:00' },
      { zh: '周六 09:00–12:00', en: 'Sat 09:00–12:00' },
    ]);
    expect(openingHoursLines({})).toEqual([]);
  });

  it('shows instants in Beijing time whatever the device\'s zone', () => {
    expect(instantText('2026-11-24T00:30:00.000Z')).toBe('2026-11-24 08:30');
    expect(instantText('2026-11-23T16:00:00.000Z')).toBe('2026-11-24 00:00');
  });

  it('offers cancel and reschedule only for an active booking before its deadline', () => {
    const until = '2026-11-24T00:30:00.000Z';
    expect(offersChanges({ status: 'active', changeableUntil: until }, new Date('2026-11-24T00:29:59Z'))).toBe(true);
    expect(offersChanges({ status: 'active', changeableUntil: until }, new Date('2026-11-24T00:30:00Z'))).toBe(false);
    expect(offersChanges({ status: 'cancelled', changeableUntil: until }, new Date('2026-11-23T00:00:00Z'))).toBe(false);
  });
});
