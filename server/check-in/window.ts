/**
 * The check-in window *(setting)*: from `checkInOpensMinutesBefore` before the slot starts to the
 * slot's end. Inside it the ticket is an appointment ticket; after it the booking can no longer be
 * checked in, and a walk-in ticket its holder takes that day counts as a late arrival
 * (docs/decisions/008-check-in.md).
 */
import { shanghaiInstant, wallTime as wall } from '../../common/time.ts';
import { AppError } from '../errors.ts';

export interface CheckInWindow {
  opensAt: Date;
  startsAt: Date;
  closesAt: Date;
}

/** `checkInWindow('2026-11-23', '09:00', '10:00', 60)` opens 08:00 and closes 10:00, Beijing time. */
export function checkInWindow(date: string, startsAt: string, endsAt: string, opensMinutesBefore: number): CheckInWindow {
  const start = shanghaiInstant(date, startsAt.slice(0, 5));
  return {
    opensAt: new Date(start.getTime() - opensMinutesBefore * 60_000),
    startsAt: start,
    closesAt: shanghaiInstant(date, endsAt.slice(0, 5)),
  };
}

/** Whether `now` is past the window's end (the booking has lapsed for check-in). */
export function windowClosed(window: CheckInWindow, now: Date): boolean {
  return now > window.closesAt;
}

/** Throws `check_in_not_open` / `check_in_closed`, saying when, unless `now` is inside the window. */
export function ensureInsideWindow(window: CheckInWindow, now: Date): void {
  if (now < window.opensAt) {
    const opens = wall(window.opensAt);
    throw new AppError('check_in_not_open', {
      sentence: {
        zh: `签到将于 ${opens} 开始（预约时段 ${wall(window.startsAt)}–${wall(window.closesAt)}），请稍后再来。`,
        en: `Check-in opens at ${opens} (your slot is ${wall(window.startsAt)}–${wall(window.closesAt)}). Please come back then.`,
      },
      details: { opensAt: window.opensAt.toISOString() },
    });
  }
  if (windowClosed(window, now)) {
    const closed = wall(window.closesAt);
    throw new AppError('check_in_closed', {
      sentence: {
        zh: `您预约的时段 ${wall(window.startsAt)}–${closed} 已过，签到已于 ${closed} 截止。可以现场取号排队，或重新预约。`,
        en: `Your slot ${wall(window.startsAt)}–${closed} is over; check-in closed at ${closed}. Take a walk-in ticket, or book again.`,
      },
      details: { closedAt: window.closesAt.toISOString() },
    });
  }
}
