import { expect, it } from 'vitest';
import { slotTimes } from './slots.ts';

it('cuts each opening period into whole slots', () => {
  expect(slotTimes([{ open: '14:00', close: '15:30' }, { open: '08:30', close: '10:00' }], 30).map((s) => `${s.startsAt}-${s.endsAt}`)).toEqual([
    '08:30-09:00', '09:00-09:30', '09:30-10:00', '14:00-14:30', '14:30-15:00', '15:00-15:30',
  ]);
});

it('drops a remainder shorter than a slot at the end of a period', () => {
  expect(slotTimes([{ open: '09:00', close: '10:40' }], 45).map((s) => s.startsAt)).toEqual(['09:00', '09:45']);
});

it('makes no slots without hours', () => {
  expect(slotTimes([], 30)).toEqual([]);
});
