/**
 * Dates and times in the offices' zone. China has one zone, UTC+8, without daylight saving, so a
 * fixed offset is exact and avoids depending on the host's time-zone database.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day in Asia/Shanghai at `instant`: `serviceDate(new Date('2026-11-22T17:00:00Z')) === '2026-11-23'`. */
export function serviceDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The wall-clock time `HH:MM` in Asia/Shanghai at `instant`. */
export function wallTime(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant of `HH:MM` on `date` (`YYYY-MM-DD`) in Asia/Shanghai. */
export function shanghaiInstant(date: string, time: string): Date {
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

/** ISO weekday of a `YYYY-MM-DD`: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** `addDays('2026-12-31', 1) === '2027-01-01'` */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
