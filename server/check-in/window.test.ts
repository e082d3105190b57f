import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { checkInWindow, ensureInsideWindow, windowClosed } from './window.ts';

const at = (time: string) => new Date(`2026-11-23T${time}:00+08:00`);
const window = checkInWindow('2026-11-23', '09:00:00', '10:00:00', 60);

function refusal(now: Date): AppError | undefined {
  try {
    ensureInsideWindow(window, now);
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe('the check-in window', () => {
  it('opens the set minutes before the slot and closes at its end, Beijing time', () => {
    expect(window.opensAt).toEqual(at('08:00'));
    expect(window.closesAt).toEqual(at('10:00'));
  });

  it('admits from the first to the last minute, inclusive', () => {
    expect(refusal(at('08:00'))).toBeUndefined();
    expect(refusal(at('09:30'))).toBeUndefined();
    expect(refusal(at('10:00'))).toBeUndefined();
    expect(windowClosed(window, at('10:00'))).toBe(false);
  });

  it('says when it opens to someone early, and that it closed to someone late', () => {
    const early = refusal(at('07:59'));
    expect(early?.code).toBe('check_in_not_open');
    expect(early?.sentence?.zh).toContain('08:00');
    const late = refusal(new Date(at('10:00').getTime() + 1000));
    expect(late?.code).toBe('check_in_closed');
    expect(late?.sentence?.en).toContain('10:00');
  });
});
