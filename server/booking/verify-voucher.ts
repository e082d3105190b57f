/**
 * What the kiosk learns from a voucher's QR token: the booking, if the token is ours, unaltered,
 * unexpired and its booking still active; otherwise one distinct refusal each
 * (`voucher_forged`, `voucher_altered`, `voucher_expired`, `voucher_cancelled`, `voucher_used`).
 * Whether it is for this outlet and inside the check-in window is check-in's business.
 */
import { eq, or } from 'drizzle-orm';
import type { VerifiedVoucher } from '../../common/booking.ts';
import { maskName } from '../../common/mask.ts';
import type { Database } from '../../db/client.ts';
import { bookings, citizens, firms, slots } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { shortTime } from './slots.ts';
import { issuedForAny, readVoucherToken, type VoucherClaims, type VoucherSigner } from './voucher-token.ts';

/**
 * The claims of a token we signed and that has not expired: which booking and number it stands for.
 * Otherwise `voucher_forged` (not ours), `voucher_altered` (ours, edited) or `voucher_expired`.
 */
export async function voucherClaims(db: Database, signer: VoucherSigner, token: string, now: Date): Promise<VoucherClaims> {
  const reading = readVoucherToken(signer, token, now);
  if (reading.status === 'malformed') throw new AppError('voucher_forged', { detail: 'malformed token' });
  if (reading.status === 'bad_signature') {
    const { bookingId, appointmentNo } = reading.claims;
    const candidates = await db.select({ id: bookings.id, appointmentNo: bookings.appointmentNo, date: bookings.date }).from(bookings)
      .where(or(eq(bookings.id, bookingId), eq(bookings.appointmentNo, appointmentNo)));
    throw new AppError(issuedForAny(signer, reading.mac, candidates) ? 'voucher_altered' : 'voucher_forged');
  }
  if (reading.status === 'expired') throw new AppError('voucher_expired');
  return reading.claims;
}

export async function verifyVoucher(db: Database, signer: VoucherSigner, token: string, now: Date): Promise<VerifiedVoucher> {
  const claims = await voucherClaims(db, signer, token, now);
  const [row] = await db.select().from(bookings)
    .innerJoin(slots, eq(slots.id, bookings.slotId))
    .innerJoin(citizens, eq(citizens.id, bookings.citizenId))
    .leftJoin(firms, eq(firms.id, bookings.firmId))
    .where(eq(bookings.id, claims.bookingId));
  // A valid signature for a booking that is not there (or says another number) came from a leaked key.
  if (!row || row.bookings.appointmentNo !== claims.appointmentNo) throw new AppError('voucher_forged', { detail: 'signed token without its booking' });
  const b = row.bookings;
  if (b.status === 'cancelled') throw new AppError('voucher_cancelled');
  if (b.status === 'no_show') throw new AppError('voucher_expired');
  if (b.status === 'checked_in') throw new AppError('voucher_used');
  return {
    booking: {
      id: b.id, appointmentNo: b.appointmentNo, kind: b.kind, serviceId: b.serviceId, outletId: b.outletId, date: b.date,
      startsAt: shortTime(row.slots.startsAt), endsAt: shortTime(row.slots.endsAt),
      holderName: maskName(row.citizens.name), firmName: row.firms?.name ?? null,
    },
  };
}
