import { describe, expect, it } from 'vitest';
import type { CalendarOverrideView } from '../../common/admin.ts';
import { monthDays, monthView } from './calendar-month.ts';

const hours = [{ open: '08:30', close: '12:00' }];
const office = { id: 'office', openingHours: { '1': hours, '2': hours, '3': hours, '4': hours, '5': hours } };
const override = (date: string, outletId: string | null, kind: 'open' | 'closed', zh: string): CalendarOverrideView =>
  ({ id: `${date}-${outletId}`, outletId, date, kind, reason: { zh, en: zh }, createdBy: null, createdAt: '2026-09-01T00:00:00.000Z' });

describe('a month of an outlet\'s calendar', () => {
  it('has every day of the month, leap years included', () => {
    expect(monthDays('2028-02')).toHaveLength(29);
    expect(monthDays('2026-10').at(-1)).toBe('2026-10-31');
  });

  it('shows holidays, make-up days with weekday hours, and overrides with the outlet\'s own winning', () => {
    const overrides = [
      override('2026-10-12', null, 'closed', '全市停电'),
      override('2026-10-12', 'office', 'open', '本所自备电源'),
      override('2026-10-13', null, 'closed', '系统升级'),
    ];
    const days = new Map(monthView(office, '2026-10', overrides, new Map([['2026-10-13', 4]])).map((d) => [d.date, d]));
    expect(days.get('2026-10-01')).toMatchObject({ official: { kind: 'holiday', name: { zh: '国庆节' } }, open: false, hours: [] });
    expect(days.get('2026-10-10')).toMatchObject({ official: { kind: 'makeup' }, open: true, hours });
    expect(days.get('2026-10-12')).toMatchObject({ open: true, overrides: [{ kind: 'open' }, { kind: 'closed' }] });
    expect(days.get('2026-10-13')).toMatchObject({ open: false, closedReason: { zh: '系统升级' }, activeBookings: 4 });
    expect(days.get('2026-10-17')).toMatchObject({ official: { kind: 'weekend' }, open: false });
  });
});
