/** What the citizen sees of bookings: the list, and one booking as a voucher. */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import QRCode from 'qrcode';
import { presentOnSite, type BookingSummary, type Voucher } from '../../common/booking.ts';
import type { Database } from '../../db/client.ts';
import { bookings, firms, outlets, services, slots } from '../../db/schema.ts';
import type { Settings } from '../domain/settings.ts';
import { AppError } from '../errors.ts';
import { cancelDeadline } from './cancel-deadline.ts';
import { shortTime } from './slots.ts';
import { voucherExpiry, type VoucherSigner } from './voucher-token.ts';

async function rows(db: Database, where: SQL | undefined) {
  return db.select().from(bookings)
    .innerJoin(slots, eq(slots.id, bookings.slotId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(outlets, eq(outlets.id, bookings.outletId))
    .leftJoin(firms, eq(firms.id, bookings.firmId))
    .where(where)
    .orderBy(desc(bookings.createdAt), desc(bookings.id));
}

type Row = Awaited<ReturnType<typeof rows>>[number];

function summary(row: Row, settings: Settings): BookingSummary {
  const b = row.bookings;
  return {
    id: b.id,
    appointmentNo: b.appointmentNo,
    kind: b.kind,
    status: b.status,
    service: { id: row.services.id, name: row.services.name },
    outlet: { id: row.outlets.id, name: row.outlets.name, address: row.outlets.address },
    firm: row.firms ? { id: row.firms.id, name: row.firms.name } : null,
    date: b.date,
    startsAt: shortTime(row.slots.startsAt),
    endsAt: shortTime(row.slots.endsAt),
    changeableUntil: cancelDeadline(b.date, row.slots.startsAt, settings.cancelDeadlineMinutes).toISOString(),
    rescheduledFrom: b.rescheduledFrom,
    createdAt: b.createdAt.toISOString(),
  };
}

export async function citizenBookings(db: Database, citizenId: string, settings: Settings): Promise<BookingSummary[]> {
  return (await rows(db, eq(bookings.citizenId, citizenId))).map((row) => summary(row, settings));
}

/** One of the citizen's bookings with its row, or `not_found` (also for someone else's). */
export async function citizenBooking(db: Database, citizenId: string, bookingId: string) {
  const [row] = await rows(db, and(eq(bookings.id, bookingId), eq(bookings.citizenId, citizenId)));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function bookingSummaryOf(db: Database, citizenId: string, bookingId: string, settings: Settings): Promise<BookingSummary> {
  return summary(await citizenBooking(db, citizenId, bookingId), settings);
}

/** The voucher: the summary, what to bring and present, and the QR code of the signed token. */
export async function voucherOf(db: Database, signer: VoucherSigner, citizenId: string, bookingId: string, settings: Settings): Promise<Voucher> {
  const row = await citizenBooking(db, citizenId, bookingId);
  const b = row.bookings;
  const expiresAt = voucherExpiry(b.date);
  const token = signer.sign({ bookingId: b.id, appointmentNo: b.appointmentNo, expiresAt });
  return {
    ...summary(row, settings),
    details: b.details,
    outletRoute: row.outlets.route,
    materials: row.services.requiredMaterials,
    present: presentOnSite(b.kind),
    qr: {
      token,
      // M: survives a scratched phone screen; the token is ~110 characters.
      dataUrl: await QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }),
      expiresAt: expiresAt.toISOString(),
    },
  };
}
