import { describe, expect, it } from 'vitest';
import { beyondCapacity } from './capacity.ts';
import type { UpcomingBooking } from './upcoming-bookings.ts';

const booking = (slotId: string, n: number): UpcomingBooking => ({
  bookingId: `${slotId}-${n}`, appointmentNo: String(n), kind: 'personal', outletId: 'office', serviceId: 's', service: { zh: '业务', en: 'Service' },
  slotId, date: '2026-11-24', startsAt: '09:00', endsAt: '09:30', createdAt: new Date(Date.UTC(2026, 10, 20, 0, n)),
});

describe('bookings beyond a lowered capacity', () => {
  it('are the latest made in each slot past the new number of seats', () => {
    const held = [booking('a', 3), booking('a', 1), booking('a', 2), booking('b', 4)];
    expect(beyondCapacity(held, 2).map((b) => b.bookingId)).toEqual(['a-3']);
    expect(beyondCapacity(held, 0)).toHaveLength(4);
    expect(beyondCapacity(held, 5)).toEqual([]);
  });
});
