/**
 * Resident ID numbers (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence, check character.
 * Pure and shared: the pages use it for instant feedback, the server stays the judge.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export type IdNumberProblem = 'format' | 'birth_date' | 'checksum';

export interface IdNumberInfo {
  /** The number in canonical form: upper-case `X`. */
  value: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  sex: 'male' | 'female';
}

/** Upper-cases a trailing `x` and strips spaces, as readers and people type it. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 digits, e.g. `idCheckChar('11010519491231002') === 'X'`. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Whether `YYYY`, `MM`, `DD` make a real calendar date. */
function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Checks an ID number. `today` (`YYYY-MM-DD`) bounds the birth date: nobody is born in the future
 * or before 1900.
 */
export function parseIdNumber(
  raw: string,
  today: string,
): { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  const value = normalizeIdNumber(raw);
  if (!SHAPE.test(value)) return { ok: false, problem: 'format' };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (year < 1900 || !isRealDate(year, month, day) || birthDate > today) {
    return { ok: false, problem: 'birth_date' };
  }
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'checksum' };
  const sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, info: { value, birthDate, sex } };
}

/** Whole years from `birthDate` to `onDate` (both `YYYY-MM-DD`): `ageOn('1956-03-01', '2026-03-01') === 70`. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
