/**
 * The hostile values the corpus is made from: injections for every text field, malformed and
 * checksum-invalid ID numbers and credit codes, impossible dates. Each list is data; the corpus
 * crosses them with the fields and endpoints that take them.
 */
import { creditCheckChar } from '../../common/credit-code.ts';
import { idCheckChar } from '../../common/id-number.ts';

export interface Payload {
  name: string;
  text: string;
  /** PostgreSQL cannot store it (U+0000, a lone surrogate): refused as `bad_request` wherever it goes. */
  unstorable?: boolean;
}

/** SQL and script injection, and text that breaks naive storage or display. */
export const INJECTIONS: readonly Payload[] = [
  { name: 'SQL tautology', text: "' OR '1'='1" },
  { name: 'SQL stacked DROP', text: "'); DROP TABLE bookings; --" },
  { name: 'SQL UNION', text: "' UNION SELECT id_number_enc, phone_enc FROM citizens --" },
  { name: 'SQL pg_sleep', text: "1'; SELECT pg_sleep(5); --" },
  { name: 'SQL dollar quoting', text: '$$; DELETE FROM staff; $$' },
  { name: 'script tag', text: '<script>window.__pwned=1;alert(1)</script>' },
  { name: 'img onerror', text: '<img src=x onerror="window.__pwned=1;alert(1)">' },
  { name: 'attribute breakout', text: '"><svg/onload=alert(1)>\'' },
  { name: 'javascript URL', text: 'javascript:alert(document.cookie)' },
  { name: 'template syntax', text: '${alert(1)}{{constructor.constructor("alert(1)")()}}<%= 7*7 %>' },
  { name: 'format string', text: '%s%s%n%x%d' },
  { name: 'RTL override and zero width', text: '\u202eexe.fdp\u200b\ufeff' },
  { name: 'U+0000', text: 'a\u0000b', unstorable: true },
  { name: 'lone surrogate', text: 'a\ud800b', unstorable: true },
];

/** The storable ones: what a text field must keep and show literally. */
export const STORABLE_INJECTIONS = INJECTIONS.filter((p) => !p.unstorable);

const withCheck = (first17: string) => `${first17}${idCheckChar(first17)}`;

/** A valid resident ID number born on `yyyymmdd`, sequence `seq` (3 digits). */
export function idNumber(yyyymmdd: string, seq = '123', area = '360602'): string {
  return withCheck(`${area}${yyyymmdd}${seq}`);
}

export interface BadIdNumber {
  name: string;
  value: string;
  /** What `parseIdNumber` says; `empty` and `too_long` stop at the request's schema where it has one. */
  problem: 'format' | 'birth_date' | 'checksum' | 'empty' | 'too_long' | 'unstorable';
}

const VALID = idNumber('19850615');
const wrongCheck = `${VALID.slice(0, 17)}${VALID[17] === '0' ? '1' : '0'}`;

export const BAD_ID_NUMBERS: readonly BadIdNumber[] = [
  { name: 'empty', value: '', problem: 'empty' },
  { name: 'blank', value: '    ', problem: 'empty' },
  { name: 'five digits', value: '12345', problem: 'format' },
  { name: '17 digits', value: VALID.slice(0, 17), problem: 'format' },
  { name: '19 digits', value: `${VALID}0`, problem: 'format' },
  { name: 'letters', value: 'ABCDEFGHIJKLMNOPQR', problem: 'format' },
  { name: 'X in the middle', value: `${VALID.slice(0, 8)}X${VALID.slice(9)}`, problem: 'format' },
  { name: 'full-width digits', value: VALID.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), problem: 'format' },
  { name: 'SQL', value: "' OR 1=1 --", problem: 'format' },
  { name: 'script', value: '<script>1</script>', problem: 'format' },
  { name: 'wrong check character', value: wrongCheck, problem: 'checksum' },
  { name: 'born 1990-02-30', value: idNumber('19900230'), problem: 'birth_date' },
  { name: 'born in month 13', value: idNumber('19901301'), problem: 'birth_date' },
  { name: 'born on day 00', value: idNumber('19900100'), problem: 'birth_date' },
  { name: 'born in 2099', value: idNumber('20991231'), problem: 'birth_date' },
  { name: 'born in 1899', value: idNumber('18991231'), problem: 'birth_date' },
  { name: '40 characters', value: '3'.repeat(40), problem: 'too_long' },
  { name: 'U+0000 inside', value: `${VALID.slice(0, 9)}\u0000${VALID.slice(9)}`, problem: 'unstorable' },
];

/** A valid unified social credit code (GB 32100) from a 17-character stem. */
export function creditCode(stem17: string): string {
  return `${stem17}${creditCheckChar(stem17)}`;
}

const VALID_CREDIT = creditCode('91360600MA35X1234');

export const BAD_CREDIT_CODES: readonly { name: string; value: string; unstorable?: boolean }[] = [
  { name: 'empty', value: '' },
  { name: 'blank', value: '   ' },
  { name: '17 characters', value: VALID_CREDIT.slice(0, 17) },
  { name: '19 characters', value: `${VALID_CREDIT}1` },
  { name: 'wrong check character', value: `${VALID_CREDIT.slice(0, 17)}${VALID_CREDIT[17] === '0' ? '1' : '0'}` },
  { name: 'letter I (not in the alphabet)', value: `I${VALID_CREDIT.slice(1)}` },
  { name: 'letter O', value: `O${VALID_CREDIT.slice(1)}` },
  { name: 'letters S, V and Z', value: `${VALID_CREDIT.slice(0, 15)}SVZ` },
  { name: 'full-width', value: VALID_CREDIT.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) },
  { name: 'SQL', value: "9136' OR '1'='1" },
  { name: 'script', value: '<script>alert(1)</script>' },
  { name: 'an ID number', value: VALID },
  { name: 'U+0000 inside', value: `${VALID_CREDIT.slice(0, 9)}\u0000${VALID_CREDIT.slice(9)}`, unstorable: true },
];

/** Dates that match no day, or no date at all. `pattern`: passes `\d{4}-\d{2}-\d{2}`. */
export const BAD_DATES: readonly { name: string; value: string; pattern: boolean }[] = [
  { name: '2026-02-30', value: '2026-02-30', pattern: true },
  { name: '2026-13-01', value: '2026-13-01', pattern: true },
  { name: '2026-11-31', value: '2026-11-31', pattern: true },
  { name: '2026-00-10', value: '2026-00-10', pattern: true },
  { name: '0000-00-00', value: '0000-00-00', pattern: true },
  { name: 'empty', value: '', pattern: false },
  { name: 'garbage', value: 'tomorrow', pattern: false },
  { name: 'no dashes', value: '20261124', pattern: false },
  { name: 'one-digit month', value: '2026-1-24', pattern: false },
  { name: 'with a time', value: '2026-11-24T00:00:00', pattern: false },
  { name: 'SQL', value: "2026-11-24' OR '1'='1", pattern: false },
];

/** Valid phone numbers are `1[3-9]` and nine digits. */
export const BAD_PHONES: readonly string[] = ['', '12345678901', '1380013800', '138001380001', '+1 555 0100', "13800138000' OR '1'='1", '１３８００１３８０００'];
