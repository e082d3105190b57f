/**
 * The kiosk's instant check of an ID number, before anything is sent: the same rules and the same
 * sentences as the server's (common/id-number.ts, common/errors.ts), so a misread card or a typo is
 * said at once, in the words the server would use.
 */
import { ERRORS } from '../common/errors.ts';
import { parseIdNumber } from '../common/id-number.ts';
import { maskIdNumber } from '../common/mask.ts';
import { serviceDate } from '../common/time.ts';
import type { Text } from '../ui/i18n.ts';

/** An ID number the kiosk took: the full value goes to the server only, the mask is what the screen shows. */
export interface AcceptedId {
  value: string;
  masked: string;
}

const PROBLEM = {
  format: 'id_number_format',
  birth_date: 'id_number_birth_date',
  checksum: 'id_number_checksum',
} as const;

export function checkIdNumber(raw: string, now: Date = new Date()): { ok: true; id: AcceptedId } | { ok: false; problem: Text } {
  const parsed = parseIdNumber(raw, serviceDate(now));
  if (!parsed.ok) {
    const error = ERRORS[PROBLEM[parsed.problem]];
    return { ok: false, problem: { zh: error.zh, en: error.en } };
  }
  return { ok: true, id: { value: parsed.info.value, masked: maskIdNumber(parsed.info.value) } };
}
