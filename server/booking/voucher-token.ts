/**
 * The token in a voucher's QR code: `LV1.<booking id>.<appointment no>.<expiry, unix s>.<HMAC>`.
 * HMAC-SHA-256 with a key derived (HKDF) from the personal data master key, so one secret
 * (`LOBBY_DATA_KEY`) serves both and the kiosk needs no key of its own: the server verifies.
 * A token expires at the end of its booking's day (Beijing).
 *
 * "Forged" and "altered" differ: an altered token carries a signature we issued, for a booking we can
 * find by its id or number, but some field no longer matches it; a forged one carries no signature of ours.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { addDays, shanghaiInstant } from '../../common/time.ts';

const PREFIX = 'LV1';
const TOKEN = /^LV1\.([0-9a-f-]{36})\.(\d{12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

export interface VoucherClaims {
  bookingId: string;
  appointmentNo: string;
  expiresAt: Date;
}

export interface VoucherSigner {
  sign(claims: VoucherClaims): string;
  /** The signature `claims` would carry. */
  mac(claims: VoucherClaims): string;
}

export function createVoucherSigner(masterKey: Buffer): VoucherSigner {
  if (masterKey.length !== 32) throw new Error('The voucher key derives from a 32-byte master key.');
  const key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lobby voucher token', 32));
  const payload = (c: VoucherClaims) => `${PREFIX}.${c.bookingId}.${c.appointmentNo}.${Math.floor(c.expiresAt.getTime() / 1000)}`;
  const mac = (c: VoucherClaims) => createHmac('sha256', key).update(payload(c)).digest('base64url');
  return { mac, sign: (c) => `${payload(c)}.${mac(c)}` };
}

/** The end of the booking's day in Beijing: `voucherExpiry('2026-11-24')` is 2026-11-25T00:00+08:00. */
export function voucherExpiry(date: string): Date {
  return shanghaiInstant(addDays(date, 1), '00:00');
}

export type TokenReading =
  | { status: 'valid'; claims: VoucherClaims }
  | { status: 'expired'; claims: VoucherClaims }
  /** Well-formed, but the signature does not match what it says. */
  | { status: 'bad_signature'; claims: VoucherClaims; mac: string }
  | { status: 'malformed' };

function sameMac(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Reads a token: its signature first, then its expiry. Pure: `now` is given. */
export function readVoucherToken(signer: VoucherSigner, token: string, now: Date): TokenReading {
  const match = TOKEN.exec(token.trim());
  if (!match) return { status: 'malformed' };
  const [, bookingId, appointmentNo, expiry, mac] = match as unknown as [string, string, string, string, string];
  const claims = { bookingId, appointmentNo, expiresAt: new Date(Number(expiry) * 1000) };
  if (!sameMac(signer.mac(claims), mac)) return { status: 'bad_signature', claims, mac };
  if (now >= claims.expiresAt) return { status: 'expired', claims };
  return { status: 'valid', claims };
}

/** Whether `mac` is the signature we issued for one of `bookings` (then the token was altered, not forged). */
export function issuedForAny(signer: VoucherSigner, mac: string, bookings: readonly { id: string; appointmentNo: string; date: string }[]): boolean {
  return bookings.some((b) => sameMac(signer.mac({ bookingId: b.id, appointmentNo: b.appointmentNo, expiresAt: voucherExpiry(b.date) }), mac));
}
