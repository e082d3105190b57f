/**
 * The nightly maintenance window *(setting)*: booking, rescheduling and cancelling pause inside it.
 * Times are Beijing wall-clock; a window may run past midnight (`23:30`–`00:30`).
 */
import { addDays, serviceDate, shanghaiInstant, wallTime } from '../../common/time.ts';
import { AppError } from '../errors.ts';

export interface MaintenanceWindow {
  from: string;
  to: string;
}

/** When the window `now` falls in ends, or undefined outside it (or without a window). */
export function maintenanceEnds(window: MaintenanceWindow | null, now: Date): Date | undefined {
  if (!window || window.from === window.to) return undefined;
  const time = wallTime(now);
  const today = serviceDate(now);
  if (window.from < window.to) {
    return time >= window.from && time < window.to ? shanghaiInstant(today, window.to) : undefined;
  }
  if (time >= window.from) return shanghaiInstant(addDays(today, 1), window.to);
  if (time < window.to) return shanghaiInstant(today, window.to);
  return undefined;
}

/** Throws `maintenance_window` (with `Retry-After` and the end time) inside the window. */
export function ensureOutsideMaintenance(window: MaintenanceWindow | null, now: Date): void {
  const ends = maintenanceEnds(window, now);
  if (!ends) return;
  const at = wallTime(ends);
  throw new AppError('maintenance_window', {
    retryAfterSeconds: Math.max(1, Math.ceil((ends.getTime() - now.getTime()) / 1000)),
    sentence: { zh: `系统维护中，暂停预约，请于 ${at} 后再试。`, en: `Booking is paused for maintenance until ${at} (Beijing time). Please try again then.` },
    details: { until: ends.toISOString() },
  });
}
