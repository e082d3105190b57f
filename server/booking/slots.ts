/**
 * Time slots of a day, cut from the outlet's opening periods by its capacity plan. Only whole slots:
 * a remainder shorter than a slot at the end of a period would take a full slot's people in less time.
 */
import type { Period } from './calendar.ts';

export interface SlotTime {
  startsAt: string;
  endsAt: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (total: number) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/** `slotTimes([{ open: '08:30', close: '10:00' }], 30)` → 08:30–09:00, 09:00–09:30, 09:30–10:00. */
export function slotTimes(periods: readonly Period[], slotMinutes: number): SlotTime[] {
  if (slotMinutes <= 0) return [];
  const times: SlotTime[] = [];
  for (const period of [...periods].sort((a, b) => a.open.localeCompare(b.open))) {
    const close = minutes(period.close);
    for (let start = minutes(period.open); start + slotMinutes <= close; start += slotMinutes) {
      times.push({ startsAt: hhmm(start), endsAt: hhmm(start + slotMinutes) });
    }
  }
  return times;
}

/** `HH:MM:SS` as PostgreSQL's `time` gives it back → `HH:MM`. */
export function shortTime(time: string): string {
  return time.slice(0, 5);
}
