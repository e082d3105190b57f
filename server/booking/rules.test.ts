/** The small booking rules: maintenance window, no-show suspension, cancel deadline, blacklist, numbers. */
import { describe, expect, it } from 'vitest';
import { newAppointmentNo } from './appointment-number.ts';
import { blockingEntry, ensureNotBlacklisted } from './blacklist.ts';
import { cancelDeadline, ensureBeforeCancelDeadline } from './cancel-deadline.ts';
import { ensureOutsideMaintenance, maintenanceEnds } from './maintenance.ts';
import { ensureNotSuspended, suspendedUntil } from './no-shows.ts';

const at = (iso: string) => new Date(iso);

describe('the maintenance window', () => {
  it('pauses booking inside a window past midnight and says when it ends', () => {
    const window = { from: '23:30', to: '00:30' };
    expect(maintenanceEnds(window, at('2026-11-23T23:45:00+08:00'))).toEqual(at('2026-11-24T00:30:00+08:00'));
    expect(maintenanceEnds(window, at('2026-11-24T00:10:00+08:00'))).toEqual(at('2026-11-24T00:30:00+08:00'));
    expect(maintenanceEnds(window, at('2026-11-24T00:30:00+08:00'))).toBeUndefined();
    expect(maintenanceEnds(window, at('2026-11-23T12:00:00+08:00'))).toBeUndefined();
  });

  it('is none by default', () => {
    expect(() => ensureOutsideMaintenance(null, at('2026-11-23T02:00:00+08:00'))).not.toThrow();
  });

  it('refuses with maintenance_window and a Retry-After', () => {
    expect(() => ensureOutsideMaintenance({ from: '01:00', to: '02:00' }, at('2026-11-23T01:59:00+08:00')))
      .toThrow(expect.objectContaining({ code: 'maintenance_window', retryAfterSeconds: 60 }));
  });
});

describe('no-shows', () => {
  const rule = { noShowLimit: 3, noShowWindowDays: 30, noShowSuspensionDays: 30 };

  it('suspend for 30 days after 3 inside 30 days', () => {
    expect(suspendedUntil(['2026-11-02', '2026-11-10', '2026-11-20'], '2026-11-23', rule)).toBe('2026-12-20');
    expect(suspendedUntil(['2026-11-02', '2026-11-10', '2026-11-20'], '2026-12-20', rule)).toBeUndefined();
  });

  it('do not suspend for 2, nor for 3 spread over more than 30 days', () => {
    expect(suspendedUntil(['2026-11-10', '2026-11-20'], '2026-11-23', rule)).toBeUndefined();
    expect(suspendedUntil(['2026-10-01', '2026-10-20', '2026-10-31'], '2026-11-01', rule)).toBeUndefined();
    expect(suspendedUntil(['2026-10-02', '2026-10-20', '2026-10-31'], '2026-11-01', rule)).toBe('2026-11-30');
  });

  it('refuse with the day booking opens again', () => {
    expect(() => ensureNotSuspended(['2026-11-02', '2026-11-10', '2026-11-20'], '2026-11-23', rule))
      .toThrow(expect.objectContaining({ code: 'suspended_for_no_shows', details: { until: '2026-12-19T16:00:00.000Z' } }));
  });
});

describe('the cancel deadline', () => {
  it('is 60 minutes before the slot starts, Beijing time', () => {
    expect(cancelDeadline('2026-11-24', '09:00:00', 60)).toEqual(at('2026-11-24T08:00:00+08:00'));
    expect(() => ensureBeforeCancelDeadline('2026-11-24', '09:00', 60, at('2026-11-24T07:59:59+08:00'))).not.toThrow();
    expect(() => ensureBeforeCancelDeadline('2026-11-24', '09:00', 60, at('2026-11-24T08:00:00+08:00')))
      .toThrow(expect.objectContaining({ code: 'cancel_deadline_passed' }));
  });
});

describe('the blacklist', () => {
  const now = at('2026-11-23T09:00:00+08:00');
  const entry = (over: Partial<{ expiresAt: Date | null; removedAt: Date | null }>) => ({
    kind: 'phone' as const, reason: '倒卖号源', expiresAt: null, removedAt: null, ...over,
  });

  it('blocks with active entries only, the longest first', () => {
    expect(blockingEntry([entry({ removedAt: now }), entry({ expiresAt: at('2026-11-01T00:00:00Z') })], now)).toBeUndefined();
    const later = entry({ expiresAt: at('2027-01-01T00:00:00+08:00') });
    const sooner = entry({ expiresAt: at('2026-12-01T00:00:00+08:00') });
    expect(blockingEntry([sooner, later], now)).toBe(later);
    expect(blockingEntry([sooner, entry({})], now)?.expiresAt).toBeNull();
  });

  it('says why and until when', () => {
    const refusal = (() => {
      try {
        ensureNotBlacklisted([entry({ expiresAt: at('2026-12-01T00:00:00+08:00') })], now);
      } catch (error) {
        return error as { code: string; sentence: { zh: string; en: string }; details: Record<string, string> };
      }
      throw new Error('not refused');
    })();
    expect(refusal.code).toBe('blacklisted');
    expect(refusal.sentence.zh).toContain('倒卖号源');
    expect(refusal.sentence.zh).toContain('2026-12-01 00:00');
    expect(refusal.details).toEqual({ kind: 'phone', reason: '倒卖号源', until: '2026-11-30T16:00:00.000Z' });
  });
});

describe('appointment numbers', () => {
  it('are 12 digits without a leading zero, and not sequential', () => {
    const numbers = Array.from({ length: 2000 }, () => newAppointmentNo());
    for (const n of numbers) expect(n).toMatch(/^[1-9]\d{11}$/);
    expect(new Set(numbers).size).toBe(numbers.length);
    const steps = numbers.slice(1).map((n, i) => Number(n) - Number(numbers[i]));
    expect(steps.filter((d) => Math.abs(d) < 1000)).toEqual([]);
  });
});
