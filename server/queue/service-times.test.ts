import { expect, it } from 'vitest';
import { serviceDurations } from './service-times.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 1, minute));

it('pairs each end with the call of the same ticket before it, newest first', () => {
  const durations = serviceDurations([
    { ticketId: 'a', type: 'called', at: at(0) },
    { ticketId: 'b', type: 'called', at: at(2) },
    { ticketId: 'a', type: 'finished', at: at(8) },
    { ticketId: 'b', type: 'transferred', at: at(5) },
    { ticketId: 'c', type: 'finished', at: at(9) },
  ]);
  expect(durations).toEqual([8, 3]);
});

it('counts a recalled ticket from its first call, and a ticket called again after a step from its new call', () => {
  expect(serviceDurations([
    { ticketId: 'a', type: 'called', at: at(0) },
    { ticketId: 'a', type: 'step_finished', at: at(4) },
    { ticketId: 'a', type: 'called', at: at(10) },
    { ticketId: 'a', type: 'finished', at: at(16) },
  ])).toEqual([6, 4]);
});
