/**
 * What a line from a keyboard-wedge device (ID-card reader, QR scanner) or the camera is. Both
 * devices "type" and press Enter, so the kiosk tells them apart by shape alone:
 *
 *   classifyScan('36060219850615001X') → { kind: 'id', value: '36060219850615001X' }
 *   classifyScan('123456789012')       → { kind: 'appointment', value: '123456789012' }
 *   classifyScan('LV1.…')              → { kind: 'voucher', value: 'LV1.…' }
 *
 * Short runs of digits (a mistyped number) are `partial`: the kiosk says what a number looks like
 * instead of sending them to the server as a voucher it would call forged.
 */
import { APPOINTMENT_NO } from '../common/booking.ts';
import { normalizeIdNumber } from '../common/id-number.ts';

export type Scan =
  | { kind: 'id'; value: string }
  | { kind: 'appointment'; value: string }
  | { kind: 'voucher'; value: string }
  | { kind: 'partial'; value: string };

const ID_SHAPED = /^\d{17}[\dX]$/;
const DIGITS_OR_X = /^[\dX]{1,18}$/;

export function classifyScan(raw: string): Scan {
  const compact = normalizeIdNumber(raw);
  if (ID_SHAPED.test(compact)) return { kind: 'id', value: compact };
  if (APPOINTMENT_NO.test(compact)) return { kind: 'appointment', value: compact };
  if (DIGITS_OR_X.test(compact)) return { kind: 'partial', value: compact };
  // The voucher token is case-sensitive: sent exactly as read, apart from surrounding spaces.
  return { kind: 'voucher', value: raw.trim() };
}
