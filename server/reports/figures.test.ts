/**
 * A known morning at the office, written out as events, and every figure worked out by hand:
 *
 *   T1 mv-transfer, appointment: issued 09:00, called 09:10 (wait 10), finished 09:25 (service 15)
 *   T2 violation, walk-in: issued 09:02, called 09:20 (wait 18), missed 09:22, requeued 09:30,
 *      called 09:40 (wait 10), finished 09:45 (service 5)
 *   T3 violation, green by age with a booking: issued 09:05, called 09:06 (wait 1), finished 09:16 (service 10)
 *   T4 violation, walk-in made green 09:08: issued 09:07, called 09:16 (wait 9), transferred 09:18 to
 *      dl-renewal (service 2), called there 09:30 (wait 12), finished 09:42 (service 12)
 *   T5 mv-registration journey: issued 09:00 into mv-inspection, called 09:04 (wait 4), step finished
 *      09:14 into mv-acceptance (service 10), called 09:20 (wait 6), finished 09:50 (service 30)
 *   T6 violation, late arrival: issued 09:50, not called yet
 */
import { describe, expect, it } from 'vitest';
import { distribution, histogram, percentile, queueFiguresOf, ticketFiguresOf, type ReportEvent } from './figures.ts';

const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+08:00`);
const e = (ticketId: string, type: string, serviceId: string, time: string, data: Record<string, unknown> = {}): ReportEvent => ({ ticketId, type, serviceId, at: at(time), data });

const DAY: ReportEvent[] = [
  e('T1', 'issued', 'mv-transfer', '09:00', { class: 'appointment', journeyServiceId: 'mv-transfer', bookingId: 'b1' }),
  e('T1', 'called', 'mv-transfer', '09:10'),
  e('T1', 'finished', 'mv-transfer', '09:25'),
  e('T2', 'issued', 'violation', '09:02', { class: 'walk_in', journeyServiceId: 'violation' }),
  e('T2', 'called', 'violation', '09:20'),
  e('T2', 'missed', 'violation', '09:22'),
  e('T2', 'requeued', 'violation', '09:30'),
  e('T2', 'called', 'violation', '09:40'),
  e('T2', 'finished', 'violation', '09:45'),
  e('T3', 'issued', 'violation', '09:05', { class: 'green', journeyServiceId: 'violation', bookingId: 'b3' }),
  e('T3', 'called', 'violation', '09:06'),
  e('T3', 'finished', 'violation', '09:16'),
  e('T4', 'issued', 'violation', '09:07', { class: 'walk_in', journeyServiceId: 'violation' }),
  e('T4', 'green', 'violation', '09:08', { reason: 'pregnancy' }),
  e('T4', 'called', 'violation', '09:16'),
  e('T4', 'transferred', 'violation', '09:18', { toServiceId: 'dl-renewal' }),
  e('T4', 'called', 'dl-renewal', '09:30'),
  e('T4', 'finished', 'dl-renewal', '09:42'),
  e('T5', 'issued', 'mv-inspection', '09:00', { class: 'appointment', journeyServiceId: 'mv-registration', bookingId: 'b5' }),
  e('T5', 'called', 'mv-inspection', '09:04'),
  e('T5', 'step_finished', 'mv-inspection', '09:14', { nextServiceId: 'mv-acceptance' }),
  e('T5', 'called', 'mv-acceptance', '09:20'),
  e('T5', 'finished', 'mv-acceptance', '09:50'),
  e('T6', 'issued', 'violation', '09:50', { class: 'late', journeyServiceId: 'violation' }),
];

describe('the day\'s figures from its events', () => {
  it('counts calls and misses and measures every wait and service per queue, in whatever order the events come', () => {
    const shuffled = [...DAY].reverse();
    expect(queueFiguresOf(shuffled)).toEqual([
      { serviceId: 'dl-renewal', calls: 1, missed: 0, waitMinutes: [12], serviceMinutes: [12] },
      { serviceId: 'mv-acceptance', calls: 1, missed: 0, waitMinutes: [6], serviceMinutes: [30] },
      { serviceId: 'mv-inspection', calls: 1, missed: 0, waitMinutes: [4], serviceMinutes: [10] },
      { serviceId: 'mv-transfer', calls: 1, missed: 0, waitMinutes: [10], serviceMinutes: [15] },
      { serviceId: 'violation', calls: 4, missed: 1, waitMinutes: [1, 9, 18, 10], serviceMinutes: [10, 2, 5] },
    ]);
  });

  it('counts tickets per service applied for, by how they came, and each green ticket once', () => {
    expect(ticketFiguresOf(DAY)).toEqual([
      { serviceId: 'mv-registration', tickets: 1, appointment: 1, walkIn: 0, late: 0, green: 0 },
      { serviceId: 'mv-transfer', tickets: 1, appointment: 1, walkIn: 0, late: 0, green: 0 },
      { serviceId: 'violation', tickets: 4, appointment: 1, walkIn: 2, late: 1, green: 2 },
    ]);
  });

  it('summarises with mean, nearest-rank median and 90th percentile, and maximum', () => {
    const violation = queueFiguresOf(DAY).find((q) => q.serviceId === 'violation')!;
    expect(distribution(violation.waitMinutes)).toEqual({ count: 4, mean: 9.5, p50: 9, p90: 18, max: 18 });
    expect(distribution(violation.serviceMinutes)).toEqual({ count: 3, mean: 5.7, p50: 5, p90: 10, max: 10 });
    expect(distribution([])).toEqual({ count: 0, mean: null, p50: null, p90: null, max: null });
  });

  it('takes percentiles as measured values', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(percentile([4, 1, 3, 2], 75)).toBe(3);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile(Array.from({ length: 10 }, (_, i) => i + 1), 90)).toBe(9);
  });

  it('bins values for the charts, the last bin open-ended', () => {
    expect(histogram([1, 9, 18, 10, 4, 6, 12], 5, 4)).toEqual([
      { from: 0, to: 5, count: 2 }, { from: 5, to: 10, count: 2 }, { from: 10, to: 15, count: 2 }, { from: 15, to: null, count: 1 },
    ]);
  });
});
