/**
 * What goes on the blacklist for a typed ID number, mobile number or firm credit code: the value
 * checked by its own rule (GB 11643 checksum, mobile format, GB 32100 checksum) and normalised as
 * the booking core looks it up, and what staff see of it. People are kept only as a keyed hash and a
 * masked display; a firm's credit code is public and stays in clear, as `isFirmBlacklisted` and the
 * booking core look firms up by it (docs/decisions/007). Pure.
 */
import { normalizeCreditCode, isValidCreditCode } from '../../common/credit-code.ts';
import type { ErrorCode } from '../../common/errors.ts';
import { parseIdNumber } from '../../common/id-number.ts';
import { maskIdNumber, maskPhone } from '../../common/mask.ts';
import { isValidMobile, normalizePhone } from '../../common/phone.ts';

export type BlacklistKind = 'id_number' | 'phone' | 'firm';

export type BlacklistValue =
  | { ok: true; kind: BlacklistKind; value: string; display: string }
  | { ok: false; code: ErrorCode };

/** `blacklistValue('phone', '138 1234 5678', today)` → `{ ok: true, value: '13812345678', display: '138****5678' }` */
export function blacklistValue(kind: BlacklistKind, raw: string, today: string): BlacklistValue {
  switch (kind) {
    case 'id_number': {
      const parsed = parseIdNumber(raw, today);
      if (!parsed.ok) return { ok: false, code: `id_number_${parsed.problem}` };
      return { ok: true, kind, value: parsed.info.value, display: maskIdNumber(parsed.info.value) };
    }
    case 'phone': {
      if (!isValidMobile(raw)) return { ok: false, code: 'phone_invalid' };
      const phone = normalizePhone(raw);
      return { ok: true, kind, value: phone, display: maskPhone(phone) };
    }
    case 'firm': {
      if (!isValidCreditCode(raw)) return { ok: false, code: 'credit_code_invalid' };
      const code = normalizeCreditCode(raw);
      return { ok: true, kind, value: code, display: code };
    }
  }
}
