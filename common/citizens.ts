/**
 * The citizen API's shapes, shared by the server (which validates and documents them) and the
 * WeChat H5 page (which checks what it receives). Plain zod: the server adds the OpenAPI names.
 * Request fields are plain strings of bounded length: the rules (ID checksum, phone, name) answer
 * with their own error codes, which a schema's generic `validation_failed` could not.
 */
import { z } from 'zod';

/** Where the H5 page lives; WeChat authorization may only return below it. */
export const H5_BASE = '/h5/';
/** Seconds between two SMS codes to one phone, and how long a code is good for. */
export const SMS_COOLDOWN_SECONDS = 60;
export const SMS_CODE_TTL_SECONDS = 300;
export const SMS_CODE = /^\d{6}$/;

export const citizenMe = z.object({
  openidBound: z.literal(true),
  registered: z.boolean(),
  /** Masked: `张*三`, `3601**********123X`, `138****5678`. */
  profile: z.object({ name: z.string(), idNumber: z.string(), phone: z.string() }).nullable(),
  /** Echo it in `x-csrf-token` on every state-changing request. */
  csrfToken: z.string(),
});
export type CitizenMe = z.infer<typeof citizenMe>;

/** Who is on the H5 page: nobody yet (`citizen: null`), or the WeChat user. */
export const citizenSession = z.object({ citizen: citizenMe.nullable() });
export type CitizenSession = z.infer<typeof citizenSession>;

export const smsCodeRequest = z.object({ phone: z.string().max(32) });
export type SmsCodeRequest = z.infer<typeof smsCodeRequest>;

export const smsCodeSent = z.object({ cooldownSeconds: z.number().int(), expiresInSeconds: z.number().int() });
export type SmsCodeSent = z.infer<typeof smsCodeSent>;

export const registerRequest = z.object({
  name: z.string().max(64),
  idNumber: z.string().max(32),
  phone: z.string().max(32),
  smsCode: z.string().max(16),
});
export type RegisterRequest = z.infer<typeof registerRequest>;

/** Which form field an error code of registration belongs to, so the page shows it there. */
export const REGISTRATION_FIELDS = {
  name_invalid: 'name',
  id_number_format: 'idNumber',
  id_number_birth_date: 'idNumber',
  id_number_checksum: 'idNumber',
  id_number_registered: 'idNumber',
  phone_invalid: 'phone',
  sms_cooldown: 'phone',
  sms_code_wrong: 'smsCode',
  sms_code_expired: 'smsCode',
  sms_code_attempts_exceeded: 'smsCode',
} as const satisfies Record<string, keyof RegisterRequest>;
