import { describe, expect, it } from 'vitest';
import { checkOpeningHours, openingHours } from './admin.ts';

describe('opening hours', () => {
  it('accepts ordered, separate periods and days left out (closed)', () => {
    const hours = { '1': [{ open: '08:30', close: '12:00' }, { open: '14:00', close: '17:30' }], '6': [] };
    expect(openingHours.safeParse(hours).success).toBe(true);
    expect(checkOpeningHours(hours)).toEqual({});
  });

  it('names each period that closes before it opens or overlaps another, in whatever order they come', () => {
    expect(checkOpeningHours({
      '2': [{ open: '14:00', close: '17:00' }, { open: '08:30', close: '14:30' }],
      '3': [{ open: '12:00', close: '12:00' }],
    })).toEqual({ 'openingHours.2.0': 'overlaps', 'openingHours.3.0': 'close_before_open' });
  });

  it('refuses times that are not HH:MM, unknown weekdays and more than four periods a day', () => {
    expect(openingHours.safeParse({ '1': [{ open: '8:30', close: '12:00' }] }).success).toBe(false);
    expect(openingHours.safeParse({ '0': [] }).success).toBe(false);
    expect(openingHours.safeParse({ '1': Array.from({ length: 5 }, () => ({ open: '08:00', close: '09:00' })) }).success).toBe(false);
  });
});
