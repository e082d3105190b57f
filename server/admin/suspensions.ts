/**
 * Citizens whose booking is suspended for no-shows right now (`noShowLimit` of them inside
 * `noShowWindowDays`, for `noShowSuspensionDays` after the last): the same rule the booking core
 * applies (server/booking/no-shows.ts), each with the day booking opens again, people masked.
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { SuspensionList } from '../../common/admin.ts';
import { maskIdNumber, maskName, maskPhone } from '../../common/mask.ts';
import { serviceDate } from '../../common/time.ts';
import type { Database } from '../../db/client.ts';
import { bookings, citizens } from '../../db/schema.ts';
import { noShowLookback, suspendedUntil } from '../booking/no-shows.ts';
import { readSettings } from '../domain/read-settings.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';

export async function listSuspensions(db: Database, privacy: PersonalDataCipher, now: Date): Promise<SuspensionList> {
  const settings = await readSettings(db);
  const rule = { noShowLimit: settings.noShowLimit, noShowWindowDays: settings.noShowWindowDays, noShowSuspensionDays: settings.noShowSuspensionDays };
  const today = serviceDate(now);
  const rows = await db.select({ citizenId: bookings.citizenId, date: bookings.date }).from(bookings)
    .where(and(eq(bookings.status, 'no_show'), gte(bookings.date, noShowLookback(today, rule)))).orderBy(asc(bookings.date));
  const byCitizen = new Map<string, string[]>();
  for (const r of rows) byCitizen.set(r.citizenId, [...(byCitizen.get(r.citizenId) ?? []), r.date]);
  const suspended = [...byCitizen].flatMap(([citizenId, dates]) => {
    const until = suspendedUntil(dates, today, rule);
    return until ? [{ citizenId, dates, until }] : [];
  });
  if (suspended.length === 0) return { rule, suspensions: [] };
  const people = await db.select({ id: citizens.id, name: citizens.name, idNumberEnc: citizens.idNumberEnc, phoneEnc: citizens.phoneEnc })
    .from(citizens).where(inArray(citizens.id, suspended.map((s) => s.citizenId)));
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    rule,
    // Decrypted only to be masked here: staff never receive a full ID number or phone.
    suspensions: suspended.map(({ citizenId, dates, until }) => {
      const person = byId.get(citizenId)!;
      return {
        citizenId, name: maskName(person.name), idNumber: maskIdNumber(privacy.decrypt(person.idNumberEnc)),
        phone: maskPhone(privacy.decrypt(person.phoneEnc)), noShowDates: dates, until,
      };
    }).sort((a, b) => b.until.localeCompare(a.until)),
  };
}
