/**
 * Appointment numbers: 12 random digits (the kiosk keypad has digits only), never sequential, so one
 * number tells nothing about another. About 10^12 of them: a collision is rare, and the unique
 * constraint catches it (the booking draws again).
 */
import { randomInt } from 'node:crypto';

export const APPOINTMENT_NO_DIGITS = 12;

/** A fresh number; the first digit is never 0, so no spreadsheet or keypad drops it. */
export function newAppointmentNo(random: (max: number) => number = randomInt): string {
  let digits = String(1 + random(9));
  while (digits.length < APPOINTMENT_NO_DIGITS) digits += String(random(10));
  return digits;
}
