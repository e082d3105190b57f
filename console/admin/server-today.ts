/**
 * Today as the server counts it (Beijing), for the defaults of date pickers: an office PC's clock can
 * be wrong, and the server's clock decides what "today" and "the past" are. The live report carries
 * the server's time and both roles that see dates here may read it; the browser's own date stands in
 * when it cannot be asked.
 */
import { liveReport } from '../../common/reports.ts';
import { serviceDate } from '../../common/time.ts';
import { consoleRequest } from '../console-api.ts';

/** How far the server's clock is ahead of this browser's, in ms. */
let asked: Promise<number> | undefined;

function skew(): Promise<number> {
  asked ??= consoleRequest('/api/reports/live', { parse: (body) => liveReport.parse(body) }).then((result) => {
    if (!result.ok) asked = undefined; // ask again next time
    return result.ok ? Date.parse(result.data.at) - Date.now() : 0;
  });
  return asked;
}

/** The server's time now. */
export async function serverNow(): Promise<Date> {
  return new Date(Date.now() + (await skew()));
}

/** The server's day (Beijing) now: `2026-11-23`. */
export async function serverToday(): Promise<string> {
  return serviceDate(await serverNow());
}

/** `2026-11` of `2026-11-23`. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** The month after (+1) or before (-1) `2026-11`. */
export function addMonths(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
