/**
 * The number on a ticket: the service group's prefix and the day's sequence, at least three digits
 * (`formatTicketNumber('A', 12) === 'A012'`; the thousandth of a busy day is `A1000`).
 */
export function formatTicketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

/** Digits read one by one, as the lobby's voice and a clerk say them: `spokenDigits('A012') === 'A 0 1 2'`. */
export function spokenDigits(number: string): string {
  return [...number].join(' ');
}
