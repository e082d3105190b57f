/**
 * Booking tests' people: registered citizens inserted directly (ID and phone encrypted and hashed as
 * registration stores them), each with a session, and a client that sends their cookie and CSRF token.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { idCheckChar } from '../../common/id-number.ts';
import type { Database } from '../../db/client.ts';
import { citizens, slots } from '../../db/schema.ts';
import { CITIZEN_COOKIE, createSession } from '../../server/auth/sessions.ts';
import type { PersonalDataCipher } from '../../server/privacy/personal-data.ts';

export interface TestCitizen {
  id: string;
  openid: string;
  idNumber: string;
  phone: string;
  /** Sends a request as this citizen: cookie, CSRF token, JSON body. */
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

type Fetch = (path: string, init?: RequestInit) => Promise<Response> | Response;

let serial = 0;

/** `count` registered citizens with sessions, inserted in one statement. */
export async function makeCitizens(db: Database, privacy: PersonalDataCipher, fetcher: Fetch, count: number, now: Date): Promise<TestCitizen[]> {
  const tag = randomBytes(3).toString('hex');
  const people = Array.from({ length: count }, () => {
    serial += 1;
    // A different area code each: unique in the suite's database.
    const first17 = `${110000 + serial}19${String(70 + (serial % 30)).padStart(2, '0')}0101${String(serial % 1000).padStart(3, '0')}`;
    const idNumber = `${first17}${idCheckChar(first17)}`;
    return {
      openid: `o-booking-${tag}-${serial}`,
      idNumber,
      phone: `139${String(serial).padStart(8, '0')}`,
      birthDate: `19${String(70 + (serial % 30)).padStart(2, '0')}-01-01`,
    };
  });
  const rows = await db.insert(citizens).values(people.map((p) => ({
    openid: p.openid, name: '预约测试',
    idNumberEnc: privacy.encrypt(p.idNumber), idNumberHash: privacy.hash('id_number', p.idNumber),
    phoneEnc: privacy.encrypt(p.phone), phoneHash: privacy.hash('phone', p.phone), birthDate: p.birthDate,
  }))).returning({ id: citizens.id, openid: citizens.openid, idNumberHash: citizens.idNumberHash, phoneHash: citizens.phoneHash });
  // Sessions made side by side: 500 one after another cost seconds on PostgreSQL.
  const sessions = await Promise.all(rows.map((row) => createSession(db, { openid: row.openid!, citizenId: row.id }, now)));
  const result: TestCitizen[] = rows.map((row, i) => {
    const session = sessions[i]!;
    return {
      id: row.id, openid: row.openid!, idNumber: people[i]!.idNumber, phone: people[i]!.phone,
      request(path, init = {}) {
        const headers = new Headers(init.headers);
        headers.set('cookie', `${CITIZEN_COOKIE}=${session.token}`);
        headers.set('x-csrf-token', session.csrfToken);
        const { json, ...rest } = init;
        if (json !== undefined) headers.set('content-type', 'application/json');
        return Promise.resolve(fetcher(path, { ...rest, headers, ...(json !== undefined ? { method: rest.method ?? 'POST', body: JSON.stringify(json) } : {}) }));
      },
    };
  });
  return result;
}

/** The slots of a service's group at an outlet on a date, materialised through the public route. */
export async function slotsOf(fetcher: Fetch, serviceId: string, outletId: string, date: string) {
  const res = await fetcher(`/api/availability/slots?serviceId=${serviceId}&outletId=${outletId}&date=${date}`);
  const body = (await res.json()) as { status: string; slots: { id: string; startsAt: string; seatsLeft: number; capacity: number }[] };
  if (body.status !== 'open') throw new Error(`${date} is ${body.status}`);
  return body.slots;
}

export async function slotRow(db: Database, id: string) {
  const [row] = await db.select().from(slots).where(eq(slots.id, id));
  return row!;
}

export function newKey(): string {
  return randomBytes(12).toString('base64url');
}
