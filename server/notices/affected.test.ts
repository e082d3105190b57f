import { describe, expect, it } from 'vitest';
import { affects, fitsHours, type NoticeScope } from './affected.ts';

const closure: NoticeScope = { kind: 'closure', outletId: 'yt-dmv', effectiveFrom: '2026-11-25', effectiveTo: '2026-11-26', changedHours: null };
const slot = (date: string, startsAt: string, endsAt: string, outletId = 'yt-dmv') => ({ outletId, date, startsAt, endsAt });

describe('which bookings a notice affects', () => {
  it('a closure: every slot at its outlet on its days, first and last day included', () => {
    expect(affects(closure, slot('2026-11-25', '08:30:00', '09:00:00'))).toBe(true);
    expect(affects(closure, slot('2026-11-26', '17:00:00', '17:30:00'))).toBe(true);
    expect(affects(closure, slot('2026-11-24', '09:00:00', '09:30:00'))).toBe(false);
    expect(affects(closure, slot('2026-11-27', '09:00:00', '09:30:00'))).toBe(false);
    expect(affects(closure, slot('2026-11-25', '09:00:00', '09:30:00', 'yt-zhishu'))).toBe(false);
  });

  it('a closure of every outlet reaches each of them; a one-day closure its one day', () => {
    expect(affects({ ...closure, outletId: null }, slot('2026-11-25', '09:00', '09:30', 'yt-zhishu'))).toBe(true);
    expect(affects({ ...closure, effectiveTo: null }, slot('2026-11-26', '09:00', '09:30'))).toBe(false);
  });

  it('an hours change: only the slots that do not fit inside the new hours', () => {
    const change: NoticeScope = { ...closure, kind: 'hours_change', changedHours: [{ open: '09:00', close: '12:00' }] };
    expect(affects(change, slot('2026-11-25', '08:30:00', '09:00:00'))).toBe(true);
    expect(affects(change, slot('2026-11-25', '09:00:00', '09:30:00'))).toBe(false);
    expect(affects(change, slot('2026-11-25', '11:30:00', '12:00:00'))).toBe(false);
    expect(affects(change, slot('2026-11-25', '11:45:00', '12:15:00'))).toBe(true);
    expect(affects(change, slot('2026-11-25', '14:00:00', '14:30:00'))).toBe(true);
  });

  it('an information notice affects nothing', () => {
    expect(affects({ ...closure, kind: 'info' }, slot('2026-11-25', '09:00', '09:30'))).toBe(false);
  });

  it('fits a slot that lies wholly inside one period', () => {
    const periods = [{ open: '08:30', close: '12:00' }, { open: '14:00', close: '17:30' }];
    expect(fitsHours('11:30', '12:00', periods)).toBe(true);
    expect(fitsHours('12:00', '14:00', periods)).toBe(false);
    expect(fitsHours('09:00', '09:30', [])).toBe(false);
  });
});
