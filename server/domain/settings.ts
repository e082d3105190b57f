/**
 * Every number DOMAIN.md marks *(setting)*, with its default. The settings table stores only what an
 * administrator changed; reading merges those over the defaults and validates the result.
 */
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const settingsSchema = z.object({
  /** One person, one number. */
  maxActivePersonalBookings: z.number().int().min(1).max(10).default(1),
  /** One agent, one number. */
  maxActiveAgentBookings: z.number().int().min(1).max(50).default(1),
  /** Bookable days ahead, counted in working days; "within N" includes N. */
  bookingWindowWorkingDays: z.number().int().min(1).max(60).default(7),
  /** A booking can be cancelled until this long before its slot starts. */
  cancelDeadlineMinutes: z.number().int().min(0).max(7 * 24 * 60).default(60),
  /** This many no-shows inside the window suspend booking for the suspension. */
  noShowLimit: z.number().int().min(1).max(100).default(3),
  noShowWindowDays: z.number().int().min(1).max(365).default(30),
  noShowSuspensionDays: z.number().int().min(1).max(365).default(30),
  /** Check-in opens this long before the slot and closes at its end. */
  checkInOpensMinutesBefore: z.number().int().min(0).max(24 * 60).default(60),
  /** How often a missed ticket may go back into the queue. */
  missedRequeueLimit: z.number().int().min(0).max(5).default(1),
  /** After this many priority calls in a row, a walk-in that has waited past the limit goes next. */
  antiStarvationPriorityCalls: z.number().int().min(1).max(100).default(5),
  antiStarvationWaitMinutes: z.number().int().min(1).max(24 * 60).default(45),
  /** The phone is told its turn is near at this many people ahead. */
  turnNearAhead: z.number().int().min(0).max(100).default(3),
  /** Booking is closed nightly inside this window (none by default). */
  maintenanceWindow: z.object({ from: hhmm, to: hhmm }).nullable().default(null),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Merges stored overrides (key → value rows) over the defaults; an invalid stored value is an error. */
export function resolveSettings(rows: { key: string; value: unknown }[]): Settings {
  const overrides: Record<string, unknown> = {};
  for (const row of rows) if (row.key in settingsSchema.shape) overrides[row.key] = row.value;
  return settingsSchema.parse(overrides);
}
