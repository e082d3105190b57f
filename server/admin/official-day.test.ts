import { describe, expect, it } from 'vitest';
import { officialDay } from './official-day.ts';

describe('the official calendar of a day', () => {
  it('names holidays and their make-up days, and tells plain weekdays and weekends apart', () => {
    const nationalDay = { zh: '国庆节', en: 'National Day' };
    expect(officialDay('2026-10-01')).toEqual({ kind: 'holiday', name: nationalDay });
    // A Saturday worked in exchange for the National Day week.
    expect(officialDay('2026-10-10')).toEqual({ kind: 'makeup', name: nationalDay });
    expect(officialDay('2026-11-23')).toEqual({ kind: 'workday', name: null });
    expect(officialDay('2026-11-22')).toEqual({ kind: 'weekend', name: null });
  });

  it('keeps the holidays fixed by date in a year chinese-days does not know yet', () => {
    expect(officialDay('2031-10-01').kind).toBe('holiday');
    expect(officialDay('2031-10-06').kind).toBe('workday');
  });
});
