/**
 * The green channel's one automatic rule: age 70 or over on the day of check-in (Asia/Shanghai),
 * from the birth date in the ID number. Disability, active service and pregnancy need a person's
 * confirmation (a guide's code at the kiosk, or the console).
 */
import { ageOn } from '../../common/id-number.ts';

export const GREEN_CHANNEL_AGE = 70;

/** `greenByAge('1956-11-23', '2026-11-23') === true`; the day before the 70th birthday, false. */
export function greenByAge(birthDate: string, serviceDate: string): boolean {
  return ageOn(birthDate, serviceDate) >= GREEN_CHANNEL_AGE;
}
