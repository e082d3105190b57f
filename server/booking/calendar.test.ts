import { afterEach, describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../db/schema.ts';
import { bookingWindow, closedDaysInWindow, dayStatus, ensureBookableDate, officialWorkday, type CalendarOverride } from './calendar.ts';

const periods = [{ open: '08:30', close: '12:00' }, { open: '14:00', close: '17:30' }];
const hours: OpeningHours = { '1': periods, '2': periods, '3': periods, '4': periods, '5': periods };
const office = { id: 'yt-dmv', openingHours: hours };
const point = { id: 'yt-gaoxin', openingHours: hours };
const reason = { zh: '系统升级', en: 'System upgrade' };

describe('the official calendar', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it('closes the National Day holiday (2026-10-01, a Thursday)', () => {
    expect(officialWorkday('2026-10-01')).toBe(false);
    expect(dayStatus(office, '2026-10-01', [])).toEqual({ open: false, reason: { zh: '法定节假日休息', en: 'Closed for the public holiday' } });
  });

  it('opens the make-up Saturday 2026-10-10 with a normal weekday\'s hours', () => {
    expect(officialWorkday('2026-10-10')).toBe(true);
    expect(dayStatus(office, '2026-10-10', [])).toEqual({ open: true, hours: periods });
    // and the make-up Sunday before the holiday
    expect(dayStatus(office, '2026-09-20', [])).toEqual({ open: true, hours: periods });
  });

  it('closes an ordinary weekend', () => {
    expect(dayStatus(office, '2026-11-28', [])).toMatchObject({ open: false, reason: { en: 'Closed at weekends' } });
  });

  it('keeps New Year\'s Day, Labour Day and National Day closed in a year chinese-days does not know yet', () => {
    expect(officialWorkday('2027-01-01')).toBe(false); // a Friday
    expect(officialWorkday('2027-10-01')).toBe(false);
    expect(officialWorkday('2027-01-04')).toBe(true);
    expect(bookingWindow(office, '2026-12-29', 3, [])).toEqual(['2026-12-30', '2026-12-31', '2027-01-04']);
  });

  it('answers the same on a server whose zone is west of Greenwich', () => {
    process.env.TZ = 'America/New_York';
    expect(officialWorkday('2026-10-01')).toBe(false);
    expect(officialWorkday('2026-10-10')).toBe(true);
    expect(officialWorkday('2026-11-27')).toBe(true);
    expect(officialWorkday('2026-11-28')).toBe(false);
  });
});

describe('calendar overrides', () => {
  const closure: CalendarOverride = { outletId: 'yt-dmv', date: '2026-11-25', kind: 'closed', reason };
  it('close one outlet on a working day, and only that outlet', () => {
    expect(dayStatus(office, '2026-11-25', [closure])).toEqual({ open: false, reason });
    expect(dayStatus(point, '2026-11-25', [closure])).toMatchObject({ open: true });
  });

  it('close every outlet when the row names none', () => {
    const all: CalendarOverride = { ...closure, outletId: null };
    expect(dayStatus(point, '2026-11-25', [all])).toEqual({ open: false, reason });
  });

  it('let an outlet\'s own row win over the all-outlets row, and open a weekend day', () => {
    const all: CalendarOverride = { outletId: null, date: '2026-11-28', kind: 'closed', reason };
    const open: CalendarOverride = { outletId: 'yt-dmv', date: '2026-11-28', kind: 'open', reason };
    expect(dayStatus(office, '2026-11-28', [all, open])).toEqual({ open: true, hours: periods });
    expect(dayStatus(point, '2026-11-28', [all, open])).toEqual({ open: false, reason });
  });
});

describe('the booking window', () => {
  it('starts tomorrow and holds the next 7 working days, the 7th included', () => {
    // Monday 2026-11-23: Tue 24 … Fri 27, Mon 30, Tue 1, Wed 2.
    expect(bookingWindow(office, '2026-11-23', 7, [])).toEqual([
      '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02',
    ]);
  });

  it('counts working days across National Day and its make-up Saturday', () => {
    expect(bookingWindow(office, '2026-09-29', 4, [])).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
    expect(closedDaysInWindow(office, '2026-09-29', bookingWindow(office, '2026-09-29', 4, []), [])
      .map((d) => d.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
  });

  it('skips an override closure and still offers N days', () => {
    const closure: CalendarOverride = { outletId: 'yt-dmv', date: '2026-11-25', kind: 'closed', reason };
    const window = bookingWindow(office, '2026-11-23', 7, [closure]);
    expect(window).not.toContain('2026-11-25');
    expect(window).toHaveLength(7);
    expect(window.at(-1)).toBe('2026-12-03');
  });

  it('refuses today, a closed day and the day after the Nth with their own codes', () => {
    expect(ensureBookableDate(office, '2026-12-02', '2026-11-23', 7, [])).toEqual(periods);
    expect(() => ensureBookableDate(office, '2026-11-23', '2026-11-23', 7, [])).toThrow(expect.objectContaining({ code: 'outside_window' }));
    expect(() => ensureBookableDate(office, '2026-12-03', '2026-11-23', 7, [])).toThrow(expect.objectContaining({ code: 'outside_window' }));
    expect(() => ensureBookableDate(office, '2026-11-28', '2026-11-23', 7, [])).toThrow(expect.objectContaining({ code: 'closed_day' }));
  });
});
