/**
 * The bench's people, inserted directly as test/support/booking.ts and test/support/check-in.ts do:
 * registered citizens (ID number and phone encrypted and hashed with the server's key) with
 * sessions, and today's bookings for the kiosks to check in.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { addDays } from '../../common/time.ts';
import { idCheckChar } from '../../common/id-number.ts';
import type { Database } from '../../db/client.ts';
import { bookings, citizens, sessions, slots } from '../../db/schema.ts';
import { CITIZEN_COOKIE, CSRF_HEADER } from '../../server/auth/sessions.ts';
import { hashToken, newToken } from '../../server/auth/tokens.ts';
import type { PersonalDataCipher } from '../../server/privacy/personal-data.ts';

let serial = 0;

/** A valid, distinct resident ID number (Yingtan area code), born 1960–2000: nobody is 70+ (green). */
function nextIdNumber(): { idNumber: string; birthDate: string } {
  serial += 1;
  const birthDate = addDays('1960-01-01', serial % 14_600);
  const first17 = `360602${birthDate.replaceAll('-', '')}${String(Math.floor(serial / 14_600) % 1000).padStart(3, '0')}`;
  return { idNumber: `${first17}${idCheckChar(first17)}`, birthDate };
}

/** A distinct private address per citizen: `10.x.y.z`. */
function phoneAddress(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export interface BenchCitizen {
  id: string;
  idNumber: string;
  /** Cookie and CSRF headers of the citizen's session (only when made `withSessions`). */
  headers: Record<string, string>;
}

const INSERT_BATCH = 500;

/** `count` registered citizens, inserted in batches; with sessions when they will use the HTTP API. */
export async function insertCitizens(
  db: Database, privacy: PersonalDataCipher, count: number, options: { withSessions: boolean; activeBookings?: number },
): Promise<BenchCitizen[]> {
  const made: BenchCitizen[] = [];
  for (let from = 0; from < count; from += INSERT_BATCH) {
    const people = Array.from({ length: Math.min(INSERT_BATCH, count - from) }, () => {
      const { idNumber, birthDate } = nextIdNumber();
      const phone = `139${String(serial).padStart(8, '0')}`;
      return { idNumber, birthDate, phone, openid: `o-bench-${randomBytes(9).toString('base64url')}` };
    });
    const rows = await db.insert(citizens).values(people.map((p) => ({
      openid: p.openid, name: '压测市民',
      idNumberEnc: privacy.encrypt(p.idNumber), idNumberHash: privacy.hash('id_number', p.idNumber),
      phoneEnc: privacy.encrypt(p.phone), phoneHash: privacy.hash('phone', p.phone), birthDate: p.birthDate,
      activePersonalBookings: options.activeBookings ?? 0,
    }))).returning({ id: citizens.id });
    const tokens = rows.map(() => ({ token: newToken(), csrfToken: newToken(18) }));
    if (options.withSessions) {
      const expiresAt = new Date(Date.now() + 86_400_000);
      await db.insert(sessions).values(rows.map((row, i) => ({
        tokenHash: hashToken(tokens[i]!.token), csrfToken: tokens[i]!.csrfToken, expiresAt, openid: people[i]!.openid, citizenId: row.id,
      })));
    }
    made.push(...rows.map((row, i): BenchCitizen => ({
      id: row.id,
      idNumber: people[i]!.idNumber,
      headers: options.withSessions
        ? {
          cookie: `${CITIZEN_COOKIE}=${tokens[i]!.token}`, [CSRF_HEADER]: tokens[i]!.csrfToken, 'content-type': 'application/json',
          // Each citizen's phone has an address of its own, as the reverse proxy on this machine reports it.
          'x-forwarded-for': phoneAddress(serial - people.length + i + 1),
        }
        : {} satisfies Record<string, string>,
    })));
  }
  return made;
}

export interface TodayBooking {
  idNumber: string;
  appointmentNo: string;
}

/** The services the check-in bookings are for: three queues, as a morning at the office has. */
const TODAY_SERVICES = [
  { serviceId: 'mv-transfer', groupId: 'vehicle' },
  { serviceId: 'dl-renewal', groupId: 'licence' },
  { serviceId: 'violation', groupId: 'violation' },
];

/**
 * `count` active bookings at `outletId` on `today`, in a slot per group that spans the whole day
 * (00:00–23:59): its check-in window is open whatever the time of the run. The kiosk checks the
 * booking's date, outlet, window and holder, not the calendar or the opening hours.
 */
export async function insertTodayBookings(db: Database, privacy: PersonalDataCipher, outletId: string, today: string, count: number): Promise<TodayBooking[]> {
  const holders = await insertCitizens(db, privacy, count, { withSessions: false, activeBookings: 1 });
  const slotIds = new Map<string, string>();
  for (const { groupId } of TODAY_SERVICES) {
    const booked = holders.filter((_, i) => TODAY_SERVICES[i % TODAY_SERVICES.length]!.groupId === groupId).length;
    const [slot] = await db.insert(slots).values({ outletId, groupId, date: today, startsAt: '00:00', endsAt: '23:59', capacity: booked, booked })
      .returning({ id: slots.id });
    slotIds.set(groupId, slot!.id);
  }
  const made: TodayBooking[] = [];
  for (let from = 0; from < holders.length; from += INSERT_BATCH) {
    const batch = holders.slice(from, from + INSERT_BATCH).map((holder, j) => {
      const { serviceId, groupId } = TODAY_SERVICES[(from + j) % TODAY_SERVICES.length]!;
      // 12 digits, the first never 0, as appointment numbers are.
      const appointmentNo = String(100_000_000_000 + (Number.parseInt(randomBytes(6).toString('hex'), 16) % 900_000_000_000));
      return { holder, serviceId, slotId: slotIds.get(groupId)!, appointmentNo };
    });
    await db.insert(bookings).values(batch.map((b) => ({
      appointmentNo: b.appointmentNo, kind: 'personal' as const, citizenId: b.holder.id, serviceId: b.serviceId, outletId,
      slotId: b.slotId, date: today, status: 'active' as const, idempotencyKey: randomUUID(),
    })));
    made.push(...batch.map((b) => ({ idNumber: b.holder.idNumber, appointmentNo: b.appointmentNo })));
  }
  return made;
}
