/**
 * Registration with real name: the checks of what was typed (pure), and the one transaction that
 * creates the citizen and binds the WeChat identity. The database's unique constraints decide
 * "this ID is registered already" and "this WeChat user registered already", whatever races.
 */
import { eq } from 'drizzle-orm';
import { REGISTRATION_FIELDS, type RegisterRequest } from '../../common/citizens.ts';
import type { ErrorCode } from '../../common/errors.ts';
import { parseIdNumber } from '../../common/id-number.ts';
import { isValidName, normalizeName } from '../../common/name.ts';
import { isValidMobile, normalizePhone } from '../../common/phone.ts';
import type { Database } from '../../db/client.ts';
import { citizens, sessions } from '../../db/schema.ts';
import { AppError, constraintName, sqlState } from '../errors.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';

export interface Registrant {
  name: string;
  /** Canonical: upper-case `X`. */
  idNumber: string;
  phone: string;
  birthDate: string;
}

type RegistrationProblem = keyof typeof REGISTRATION_FIELDS & ErrorCode;

export type CheckedRegistration =
  | { ok: true; registrant: Registrant }
  /** `code`: the first problem in the form's order; `fields`: every field's problem. */
  | { ok: false; code: RegistrationProblem; fields: Partial<Record<keyof RegisterRequest, RegistrationProblem>> };

/** Checks name, ID number and phone; `today` (`YYYY-MM-DD`) bounds the birth date. */
export function checkRegistration(input: Pick<RegisterRequest, 'name' | 'idNumber' | 'phone'>, today: string): CheckedRegistration {
  const fields: Partial<Record<keyof RegisterRequest, RegistrationProblem>> = {};
  if (!isValidName(input.name)) fields.name = 'name_invalid';
  const id = parseIdNumber(input.idNumber, today);
  if (!id.ok) fields.idNumber = `id_number_${id.problem}`;
  if (!isValidMobile(input.phone)) fields.phone = 'phone_invalid';
  const first = fields.name ?? fields.idNumber ?? fields.phone;
  if (first || !id.ok) return { ok: false, code: first ?? 'id_number_format', fields };
  return {
    ok: true,
    registrant: { name: normalizeName(input.name), idNumber: id.info.value, phone: normalizePhone(input.phone), birthDate: id.info.birthDate },
  };
}

/** `checkRegistration`, throwing the first problem (with every field's) as an AppError. */
export function ensureRegistration(input: Pick<RegisterRequest, 'name' | 'idNumber' | 'phone'>, today: string): Registrant {
  const checked = checkRegistration(input, today);
  if (!checked.ok) throw new AppError(checked.code, { fields: checked.fields });
  return checked.registrant;
}

/**
 * Creates the citizen, binds `openid` and marks every session of that WeChat user registered, in
 * one transaction. Throws `id_number_registered` or `already_registered` from the constraints.
 */
export async function registerCitizen(db: Database, privacy: PersonalDataCipher, openid: string, registrant: Registrant): Promise<string> {
  try {
    return await db.transaction(async (tx) => {
      const [citizen] = await tx
        .insert(citizens)
        .values({
          openid,
          name: registrant.name,
          idNumberEnc: privacy.encrypt(registrant.idNumber),
          idNumberHash: privacy.hash('id_number', registrant.idNumber),
          phoneEnc: privacy.encrypt(registrant.phone),
          phoneHash: privacy.hash('phone', registrant.phone),
          birthDate: registrant.birthDate,
        })
        .returning({ id: citizens.id });
      await tx.update(sessions).set({ citizenId: citizen!.id }).where(eq(sessions.openid, openid));
      return citizen!.id;
    });
  } catch (error) {
    if (sqlState(error) === '23505') {
      const constraint = constraintName(error);
      if (constraint === 'citizens_id_number_hash_unique') throw new AppError('id_number_registered', { fields: { idNumber: 'id_number_registered' }, cause: error });
      if (constraint === 'citizens_openid_unique') throw new AppError('already_registered', { cause: error });
    }
    throw error;
  }
}
