/**
 * Signs of scalping (号贩子) in a period, for a supervisor to look into: one phone registered for
 * several ID numbers, one network address booking for many people, booking and cancelling again and
 * again, and firms' agents booking as private persons. Evidence to check, not verdicts: each list
 * shows counts and masked identities only.
 */
import { and, count, countDistinct, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { maskIdNumber, maskName, maskPhone } from '../../common/mask.ts';
import type { ScalperReport } from '../../common/reports.ts';
import { addDays, shanghaiInstant } from '../../common/time.ts';
import type { Database } from '../../db/client.ts';
import { agents, bookings, citizens, firms } from '../../db/schema.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';

/** How many before a pattern is listed. */
export const THRESHOLDS = { idsPerPhone: 2, peoplePerAddress: 5, cancellations: 3, personalBookings: 1 };
const LIMIT = 100;

/**
 * `scope`: `'all'` for an administrator; a supervisor's outlets otherwise, and then every list is
 * drawn from bookings at those outlets only (a phone is listed when its IDs booked there).
 */
export async function scalperReport(db: Database, privacy: PersonalDataCipher, query: { from: string; to: string }, scope: readonly string[] | 'all'): Promise<ScalperReport> {
  const start = shanghaiInstant(query.from, '00:00');
  const end = shanghaiInstant(addDays(query.to, 1), '00:00');
  const made = and(gte(bookings.createdAt, start), lt(bookings.createdAt, end), scope === 'all' ? undefined : inArray(bookings.outletId, [...scope, '']));

  const phones = await db.select({ phoneHash: citizens.phoneHash, phoneEnc: sql<string>`min(${citizens.phoneEnc})`, ids: count() })
    .from(citizens).groupBy(citizens.phoneHash).having(sql`count(*) >= ${THRESHOLDS.idsPerPhone}`).limit(LIMIT);
  const phoneBookings = phones.length === 0 ? [] : await db.select({ phoneHash: citizens.phoneHash, n: count() }).from(bookings)
    .innerJoin(citizens, eq(citizens.id, bookings.citizenId))
    .where(and(made, inArray(citizens.phoneHash, phones.map((p) => p.phoneHash)))).groupBy(citizens.phoneHash);

  const addresses = await db.select({ address: bookings.clientIpHash, people: countDistinct(bookings.citizenId), n: count() }).from(bookings)
    .where(and(made, isNotNull(bookings.clientIpHash))).groupBy(bookings.clientIpHash)
    .having(sql`count(distinct ${bookings.citizenId}) >= ${THRESHOLDS.peoplePerAddress}`).limit(LIMIT);

  const churn = await db.select({
    citizenId: bookings.citizenId, n: count(),
    cancelled: sql<number>`count(*) filter (where ${bookings.status} = 'cancelled')`.mapWith(Number),
  }).from(bookings).where(made).groupBy(bookings.citizenId)
    .having(sql`count(*) filter (where ${bookings.status} = 'cancelled') >= ${THRESHOLDS.cancellations}`).limit(LIMIT);

  const agentsPersonal = await db.select({ citizenId: bookings.citizenId, firm: firms.name, n: count() }).from(bookings)
    .innerJoin(agents, and(eq(agents.citizenId, bookings.citizenId), eq(agents.status, 'approved')))
    .innerJoin(firms, eq(firms.id, agents.firmId))
    .where(and(made, eq(bookings.kind, 'personal'))).groupBy(bookings.citizenId, firms.name)
    .having(sql`count(*) >= ${THRESHOLDS.personalBookings}`).limit(LIMIT);

  const people = new Map((await peopleOf(db, [...churn.map((c) => c.citizenId), ...agentsPersonal.map((a) => a.citizenId)])).map((p) => [p.id, p]));
  const who = (citizenId: string) => {
    const person = people.get(citizenId);
    return person ? { idNumber: maskIdNumber(privacy.decrypt(person.idNumberEnc)), name: maskName(person.name) } : { idNumber: '—', name: '—' };
  };
  return {
    query: { from: query.from, to: query.to },
    sharedPhones: phones.filter((p) => scope === 'all' || phoneBookings.some((b) => b.phoneHash === p.phoneHash)).map((p) => ({
      phone: maskPhone(privacy.decrypt(p.phoneEnc)), idNumbers: p.ids, bookings: phoneBookings.find((b) => b.phoneHash === p.phoneHash)?.n ?? 0,
    })).sort((a, b) => b.idNumbers - a.idNumbers),
    // The address is kept only as a keyed hash: its start is enough to tell entries apart.
    sharedAddresses: addresses.map((a) => ({ address: `#${a.address!.slice(0, 10)}`, people: a.people, bookings: a.n })).sort((a, b) => b.people - a.people),
    churn: churn.map((c) => ({ ...who(c.citizenId), bookings: c.n, cancelled: c.cancelled })).sort((a, b) => b.cancelled - a.cancelled),
    agentsBookingPersonally: agentsPersonal.map((a) => ({ ...who(a.citizenId), firm: a.firm, personalBookings: a.n })),
  };
}

async function peopleOf(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: citizens.id, name: citizens.name, idNumberEnc: citizens.idNumberEnc }).from(citizens).where(inArray(citizens.id, [...new Set(ids)]));
}
