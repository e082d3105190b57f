import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, serviceDate, shanghaiInstant, wallTime } from './time.ts';

describe('time in Asia/Shanghai', () => {
  it('turns the day at 16:00 UTC', () => {
    expect(serviceDate(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(serviceDate(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
    expect(wallTime(new Date('2026-11-22T01:30:00Z'))).toBe('09:30');
  });

  it('round-trips a wall-clock time', () => {
    const instant = shanghaiInstant('2026-11-23', '08:30');
    expect(instant.toISOString()).toBe('2026-11-23T00:30:00.000Z');
    expect(serviceDate(instant)).toBe('2026-11-23');
  });

  it('names weekdays and adds days across years', () => {
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
