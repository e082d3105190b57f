/**
 * Rows a test of firms, notices or reminders needs, inserted directly: registered citizens with a
 * session, and slots with bookings in them (without going through the booking API).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { idCheckChar } from '../../common/id-number.ts';
import type { Database } from '../../db/client.ts';
import { bookings, citizens, slots } from '../../db/schema.ts';
import { CITIZEN_COOKIE, createSession } from '../../server/auth/sessions.ts';
import type { PersonalDataCipher } from '../../server/privacy/personal-data.ts';

let serial = 0;

export interface TestCitizen {
  id: string;
  openid: string | null;
  /** Headers of a state-changing request with this citizen's session. */
  headers: Record<string, string>;
}

/** A registered citizen (bound to `openid` unless it is null) with a session. */
export async function insertCitizen(db: Database, privacy: PersonalDataCipher, now: Date, options: { openid?: string | null } = {}): Promise<TestCitizen> {
  serial += 1;
  const first17 = `36010219850101${String(serial % 1000).padStart(3, '0')}`;
  const idNumber = `${first17}${idCheckChar(first17)}`;
  const phone = `1370000${String(serial).padStart(4, '0')}`;
  const openid = options.openid === undefined ? `o-test-${randomBytes(8).toString('hex')}` : options.openid;
  const [row] = await db.insert(citizens).values({
    openid, name: '测试人', idNumberEnc: privacy.encrypt(idNumber), idNumberHash: privacy.hash('id_number', `${idNumber}:${randomUUID()}`),
    phoneEnc: privacy.encrypt(phone), phoneHash: privacy.hash('phone', phone), birthDate: '1985-01-01',
  }).returning({ id: citizens.id });
  const session = await createSession(db, { openid: openid ?? `o-unbound-${serial}`, citizenId: row!.id }, now);
  return {
    id: row!.id,
    openid,
    headers: { cookie: `${CITIZEN_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken, 'x-forwarded-for': `10.77.0.${serial % 250}` },
  };
}

export interface TestBooking {
  id: string;
  slotId: string;
}

/** An active booking in a slot of its own (made for it), at the office by default. */
export async function insertBooking(
  db: Database,
  booking: { citizenId: string; date: string; startsAt: string; endsAt: string; outletId?: string; serviceId?: string; groupId?: string; status?: 'active' | 'cancelled' },
): Promise<TestBooking> {
  const outletId = booking.outletId ?? 'yt-dmv';
  const groupId = booking.groupId ?? (outletId === 'yt-dmv' ? 'vehicle' : 'ebike');
  const [slot] = await db.insert(slots).values({
    outletId, groupId, date: booking.date, startsAt: booking.startsAt, endsAt: booking.endsAt, capacity: 10, booked: 1,
  }).onConflictDoUpdate({ target: [slots.outletId, slots.groupId, slots.date, slots.startsAt], set: { booked: 1 } }).returning({ id: slots.id });
  const [row] = await db.insert(bookings).values({
    appointmentNo: `T${randomBytes(6).toString('hex').toUpperCase()}`, kind: 'personal', citizenId: booking.citizenId,
    serviceId: booking.serviceId ?? (outletId === 'yt-dmv' ? 'mv-transfer' : 'ebike-registration'), outletId, slotId: slot!.id,
    date: booking.date, status: booking.status ?? 'active', idempotencyKey: randomUUID(),
  }).returning({ id: bookings.id });
  return { id: row!.id, slotId: slot!.id };
}
