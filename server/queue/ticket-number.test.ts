import { expect, it } from 'vitest';
import { formatTicketNumber, spokenDigits } from './ticket-number.ts';

it('pads the day sequence to three digits and keeps going past 999', () => {
  expect(formatTicketNumber('A', 1)).toBe('A001');
  expect(formatTicketNumber('B', 12)).toBe('B012');
  expect(formatTicketNumber('E', 1000)).toBe('E1000');
});

it('reads a ticket number digit by digit', () => {
  expect(spokenDigits('A012')).toBe('A 0 1 2');
});
