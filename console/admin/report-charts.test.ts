import { describe, expect, it } from 'vitest';
import type { DayRow } from '../../common/reports.ts';
import { binLabel, ticketClasses } from './report-charts.ts';

describe('the history report charts', () => {
  it('labels histogram bins by their minutes, the last one open-ended', () => {
    expect(binLabel({ from: 0, to: 5, count: 3 })).toBe('0–5');
    expect(binLabel({ from: 55, to: null, count: 1 })).toBe('55+');
  });

  it('sums tickets by class over the rows shown', () => {
    const row = (appointment: number, walkIn: number, late: number) => ({ appointment, walkIn, late }) as DayRow;
    expect(ticketClasses([row(2, 1, 0), row(1, 3, 1)]).map((c) => c.count)).toEqual([3, 4, 1]);
  });
});
