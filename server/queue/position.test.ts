import { expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings.ts';
import type { QueuedTicket } from './order.ts';
import { estimateWait, peopleAheadOf } from './position.ts';

const NOW = new Date(Date.UTC(2026, 10, 23, 1, 30));
const ticket = (id: string, cls: QueuedTicket['class'], minutesAgo: number): QueuedTicket => ({
  id, number: id, class: cls, queuedAt: new Date(NOW.getTime() - minutesAgo * 60_000),
});

it('counts who is called before a ticket by the queue order, not by arrival', () => {
  const waiting = [ticket('walk', 'walk_in', 5), ticket('appt', 'appointment', 3), ticket('mine', 'appointment', 0)];
  expect(peopleAheadOf(waiting, 'mine', DEFAULT_SETTINGS, NOW)).toBe(1);
  expect(peopleAheadOf([...waiting, ticket('elder', 'green', 0)], 'elder', DEFAULT_SETTINGS, NOW)).toBe(0);
  expect(peopleAheadOf(waiting, 'walk', DEFAULT_SETTINGS, NOW)).toBe(2);
});

it('shares the wait among the counters, and nobody ahead is no wait', () => {
  expect(estimateWait(4, 10, 2)).toBe(20);
  expect(estimateWait(3, 10, 0)).toBe(30);
  expect(estimateWait(0, 10, 2)).toBe(0);
});
