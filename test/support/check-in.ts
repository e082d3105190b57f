/**
 * Rows a check-in test needs, inserted directly: people with a real ID number (so the kiosk's lookup
 * by keyed hash finds them) and their bookings for a given day and slot.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { idCheckChar } from '../../common/id-number.ts';
import type { Database } from '../../db/client.ts';
import { agents, bookings, citizens, firms, powersOfAttorney, slots } from '../../db/schema.ts';
import { TINY_PDF } from '../../server/firms/fixtures.ts';
import type { PersonalDataCipher } from '../../server/privacy/personal-data.ts';

let serial = 0;

/** A valid ID number (Yingtan area code) born on `birthDate` (`YYYY-MM-DD`), distinct per call. */
export function idNumberBornOn(birthDate: string, sequence?: number): string {
  serial += 1;
  const seq = String((sequence ?? serial) % 1000).padStart(3, '0');
  const first17 = `360602${birthDate.replaceAll('-', '')}${seq}`;
  return `${first17}${idCheckChar(first17)}`;
}

export interface Holder {
  citizenId: string;
  idNumber: string;
}

/** A registered citizen with a real ID number; born 1985 unless told otherwise. */
export async function insertHolder(db: Database, privacy: PersonalDataCipher, options: { birthDate?: string; idNumber?: string } = {}): Promise<Holder> {
  const birthDate = options.birthDate ?? '1985-06-15';
  const idNumber = options.idNumber ?? idNumberBornOn(birthDate);
  const phone = `1390000${String(serial % 10_000).padStart(4, '0')}`;
  const [row] = await db.insert(citizens).values({
    openid: `o-holder-${randomBytes(8).toString('hex')}`, name: '取号人',
    idNumberEnc: privacy.encrypt(idNumber), idNumberHash: privacy.hash('id_number', idNumber),
    phoneEnc: privacy.encrypt(phone), phoneHash: privacy.hash('phone', phone), birthDate,
    activePersonalBookings: 1,
  }).returning({ id: citizens.id });
  return { citizenId: row!.id, idNumber };
}

export interface TodayBooking {
  id: string;
  appointmentNo: string;
}

/**
 * An active booking of `holder` on `date` in the slot `startsAt`–`endsAt` (made if missing), at the
 * office for a vehicle service unless told otherwise. Agency bookings pass `agentId` and `firmId`.
 */
export async function insertBookingFor(
  db: Database,
  holder: Pick<Holder, 'citizenId'>,
  booking: {
    date: string; startsAt?: string; endsAt?: string; outletId?: string; serviceId?: string; groupId?: string;
    status?: 'active' | 'cancelled' | 'checked_in' | 'no_show'; agentId?: string; firmId?: string;
  },
): Promise<TodayBooking> {
  const outletId = booking.outletId ?? 'yt-dmv';
  const groupId = booking.groupId ?? (outletId === 'yt-dmv' ? 'vehicle' : 'ebike');
  const [slot] = await db.insert(slots).values({
    outletId, groupId, date: booking.date, startsAt: booking.startsAt ?? '09:00', endsAt: booking.endsAt ?? '10:00', capacity: 5000, booked: 1,
  }).onConflictDoUpdate({ target: [slots.outletId, slots.groupId, slots.date, slots.startsAt], set: { capacity: 5000 } }).returning({ id: slots.id });
  const appointmentNo = String(100_000_000_000 + Number.parseInt(randomBytes(5).toString('hex'), 16) % 900_000_000_000);
  const [row] = await db.insert(bookings).values({
    appointmentNo, kind: booking.agentId ? 'agency' : 'personal', citizenId: holder.citizenId,
    agentId: booking.agentId ?? null, firmId: booking.firmId ?? null,
    serviceId: booking.serviceId ?? (outletId === 'yt-dmv' ? 'mv-transfer' : 'ebike-registration'), outletId, slotId: slot!.id,
    date: booking.date, status: booking.status ?? 'active', idempotencyKey: randomUUID(),
  }).returning({ id: bookings.id, appointmentNo: bookings.appointmentNo });
  return row!;
}

export interface TestAgency {
  agentId: string;
  firmId: string;
}

/**
 * `holder` as an agent of a new firm: approved with a power of attorney on file by default, or
 * with the given status, an attorney that ran out on `attorneyValidUntil`, or none at all.
 */
export async function insertAgency(
  db: Database,
  holder: Pick<Holder, 'citizenId'>,
  options: { agentStatus?: 'pending' | 'approved' | 'rejected' | 'revoked'; attorney?: boolean; attorneyValidUntil?: string } = {},
): Promise<TestAgency> {
  serial += 1;
  const [firm] = await db.insert(firms).values({ name: `鹰潭测试汽车销售有限公司${serial}`, creditCode: `TEST${randomBytes(7).toString('hex').toUpperCase()}`, status: 'approved' })
    .returning({ id: firms.id });
  const [agent] = await db.insert(agents).values({ firmId: firm!.id, citizenId: holder.citizenId, status: options.agentStatus ?? 'approved', activeBookings: 1 })
    .returning({ id: agents.id });
  if (options.attorney ?? true) {
    await db.insert(powersOfAttorney).values({
      agentId: agent!.id, mediaType: 'application/pdf', sizeBytes: TINY_PDF.length, sha256: 'test', content: TINY_PDF,
      validUntil: options.attorneyValidUntil ?? null,
    });
  }
  return { agentId: agent!.id, firmId: firm!.id };
}
