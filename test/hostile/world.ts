/**
 * The lobby the hostile corpus attacks: the demo outlets, staff, kiosk and display, and the people,
 * bookings, tickets, tokens and slots the cases name (someone else's booking, a cancelled one, a
 * slot outside the window, a revoked kiosk, ...). Built once per suite through the API where that
 * is short, and by inserting rows where a case only needs the row to exist.
 * The clock stands at Monday 2026-11-23 09:00 in Beijing.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { IssuedTicket } from '../../common/kiosk.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { blacklist, citizens, counters, devices, slots } from '../../db/schema.ts';
import { CITIZEN_COOKIE, createSession } from '../../server/auth/sessions.ts';
import { hashToken, newToken } from '../../server/auth/tokens.ts';
import { voucherExpiry } from '../../server/booking/voucher-token.ts';
import { seedDemoData, type SeedResult } from '../../server/demo-data.ts';
import { startTestServer } from '../support/app.ts';
import { insertBookingFor, insertHolder, type Holder, type TodayBooking } from '../support/check-in.ts';
import { insertBooking, insertCitizen } from '../support/lobby-rows.ts';
import { fetcherFor, signIn, type StaffSession } from '../support/sign-in.ts';
import { creditCode } from './payloads.ts';

export const TODAY = '2026-11-23';
export const TOMORROW = '2026-11-24';

export type HeaderMap = Record<string, string>;

export interface Person {
  citizenId: string;
  /** Cookie and CSRF token (and an address of its own). */
  headers: HeaderMap;
}

export interface KioskHolder extends Holder {
  booking: TodayBooking;
  /** The voucher QR token of the booking, as the server signs it. */
  token: string;
}

export interface World {
  url: string;
  server: Awaited<ReturnType<typeof startTestServer>>;
  seeded: SeedResult;
  admin: StaffSession;
  supervisor: StaffSession;
  clerk: StaffSession;
  /** Registered citizens without an active booking: booking refusals are about the rule at hand. */
  bookers: Person[];
  /** A registered citizen with an active booking tomorrow (someone else's, for the others). */
  other: Person & { bookingId: string };
  /** Signed in with WeChat, not registered yet. */
  newcomer: { headers: HeaderMap };
  /** A registered citizen on the blacklist (by ID number), with a session. */
  blacklisted: Person;
  /** A pending agent application of `bookers[0]`: uploads and agency bookings name it. */
  pendingAgentId: string;
  kiosk: string;
  /** Kiosks of the office that only the staff-code cases use (five tries per kiosk per five minutes). */
  spareKiosks: string[];
  display: string;
  revokedKiosk: string;
  revokedDisplay: string;
  /** A device that asked for pairing and was never paired. */
  unpairedDevice: string;
  /** People with an active booking at the office today, 09:00–10:00 (inside the check-in window). */
  holders: KioskHolder[];
  /** Checked in already: its ticket. */
  checkedIn: KioskHolder & { ticketId: string; followToken: string };
  /** A cancelled booking today, and one at another outlet today. */
  cancelled: KioskHolder;
  elsewhere: KioskHolder;
  /** A waiting walk-in ticket at a service point (another outlet than the office's staff and kiosk). */
  pointTicketId: string;
  slots: {
    tomorrow: string;
    tomorrowOther: string;
    /** Of the licence group (prefix B) at the office: not a slot of a vehicle service. */
    licenceTomorrow: string;
    today: string;
    past: string;
    beyondWindow: string;
    saturday: string;
    full: string;
    closedByNotice: string;
    /** An e-bike slot at a service point, which does not handle vehicle services. */
    atPoint: string;
  };
  /** A draft notice of the office. */
  draftNoticeId: string;
  counter7: string;
}

/** A device row with a token of its own, as pairing would leave it. */
export async function insertDevice(db: DatabaseHandle['db'], kind: 'kiosk' | 'display', status: 'active' | 'revoked' | 'pairing', outletId: string | null = 'yt-dmv'): Promise<string> {
  const token = newToken();
  await db.insert(devices).values({
    kind, outletId, name: `hostile ${kind} ${status}`, status, tokenHash: hashToken(token),
    pairedAt: status === 'pairing' ? null : new Date(), revokedAt: status === 'revoked' ? new Date() : null,
  });
  return token;
}

async function insertSlot(db: DatabaseHandle['db'], slot: { date: string; outletId?: string; groupId?: string; capacity?: number; booked?: number; closed?: boolean; startsAt?: string }): Promise<string> {
  const [row] = await db.insert(slots).values({
    outletId: slot.outletId ?? 'yt-dmv', groupId: slot.groupId ?? 'vehicle', date: slot.date,
    startsAt: slot.startsAt ?? '16:30', endsAt: slot.startsAt ? `${String(Number(slot.startsAt.slice(0, 2)) + 1).padStart(2, '0')}${slot.startsAt.slice(2)}` : '17:00',
    capacity: slot.capacity ?? 12, booked: slot.booked ?? 0, closed: slot.closed ?? false,
  }).returning({ id: slots.id });
  return row!.id;
}

async function json<T>(res: Response, expected: number): Promise<T> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`setup: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export async function buildWorld(database: DatabaseHandle, options: { now?: string } = {}): Promise<World> {
  const { db } = database;
  const seeded = (await seedDemoData(db))!;
  const server = await startTestServer(database, options.now ? { now: options.now } : {});
  const url = server.url;
  const fetcher = fetcherFor(url);
  const now = server.clock.now();
  const [admin, supervisor, clerk] = await Promise.all([
    signIn(fetcher, 'admin', '10.66.0.1'), signIn(fetcher, 'supervisor', '10.66.0.2'), signIn(fetcher, 'clerk', '10.66.0.3'),
  ]);
  const asPerson = (c: { id: string; headers: HeaderMap }): Person => ({ citizenId: c.id, headers: c.headers });

  const bookers = (await Promise.all(Array.from({ length: 4 }, () => insertCitizen(db, server.privacy, now)))).map(asPerson);
  const otherCitizen = asPerson(await insertCitizen(db, server.privacy, now));
  const otherBooking = await insertBooking(db, { citizenId: otherCitizen.citizenId, date: TOMORROW, startsAt: '10:00', endsAt: '10:30' });
  // Inserted directly, so its holder's counter is set as booking would have set it.
  await db.update(citizens).set({ activePersonalBookings: 1 }).where(eq(citizens.id, otherCitizen.citizenId));
  const newcomerSession = await createSession(db, { openid: `o-newcomer-${randomBytes(6).toString('hex')}`, citizenId: null }, now);

  const blacklistedHolder = await insertHolder(db, server.privacy, { birthDate: '1980-03-03' });
  await db.insert(blacklist).values({
    kind: 'id_number', valueHash: server.privacy.hash('id_number', blacklistedHolder.idNumber), display: '3606**********', source: 'manual', reason: '倒号',
  });
  const blacklistedSession = await createSession(db, { openid: `o-bl-${randomBytes(6).toString('hex')}`, citizenId: blacklistedHolder.citizenId }, now);

  const applied = await json<{ agentId: string }>(await fetch(`${url}/api/citizen/agencies`, {
    method: 'POST', headers: { ...bookers[0]!.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ firmName: '鹰潭市测试汽车销售有限公司', creditCode: creditCode('91360600MA35X1234') }),
  }), 200);

  const kioskToken = seeded.devices.find((d) => d.kind === 'kiosk')!.token;
  const displayToken = seeded.devices.find((d) => d.kind === 'display')!.token;
  const spareKiosks = await Promise.all(Array.from({ length: 6 }, () => insertDevice(db, 'kiosk', 'active')));
  const [revokedKiosk, revokedDisplay, unpairedDevice] = await Promise.all([
    insertDevice(db, 'kiosk', 'revoked'), insertDevice(db, 'display', 'revoked'), insertDevice(db, 'kiosk', 'pairing', null),
  ]);

  const holder = async (slot: { outletId?: string; status?: 'active' | 'cancelled' } = {}): Promise<KioskHolder> => {
    const h = await insertHolder(db, server.privacy);
    const booking = await insertBookingFor(db, h, { date: TODAY, startsAt: '09:00', endsAt: '10:00', ...slot });
    return { ...h, booking, token: server.vouchers.sign({ bookingId: booking.id, appointmentNo: booking.appointmentNo, expiresAt: voucherExpiry(TODAY) }) };
  };
  const holders: KioskHolder[] = [];
  for (let i = 0; i < 6; i++) holders.push(await holder());
  const toCheckIn = await holder();
  const issued = await json<IssuedTicket>(await fetch(`${url}/api/kiosk/check-in`, {
    method: 'POST', headers: { authorization: `Bearer ${kioskToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ idNumber: toCheckIn.idNumber, appointmentNo: toCheckIn.booking.appointmentNo }),
  }), 201);
  const cancelled = await holder({ status: 'cancelled' });
  const elsewhere = await holder({ outletId: 'yt-zhishu' });

  const pointKiosk = await insertDevice(db, 'kiosk', 'active', 'yt-zhishu');
  const pointWalkIn = await json<IssuedTicket>(await fetch(`${url}/api/kiosk/walk-ins`, {
    method: 'POST', headers: { authorization: `Bearer ${pointKiosk}`, 'content-type': 'application/json' },
    body: JSON.stringify({ idNumber: (await insertHolder(db, server.privacy)).idNumber, serviceId: 'ebike-registration' }),
  }), 201);

  const open = await json<{ slots: { id: string }[] }>(await fetch(`${url}/api/availability/slots?serviceId=mv-transfer&outletId=yt-dmv&date=${TOMORROW}`), 200);
  const licence = await json<{ slots: { id: string }[] }>(await fetch(`${url}/api/availability/slots?serviceId=dl-renewal&outletId=yt-dmv&date=${TOMORROW}`), 200);
  const point = await json<{ slots: { id: string }[] }>(await fetch(`${url}/api/availability/slots?serviceId=ebike-registration&outletId=yt-zhishu&date=${TOMORROW}`), 200);

  const draft = await json<{ id: string }>(await fetch(`${url}/api/admin/notices`, {
    method: 'POST', headers: supervisor.headers,
    body: JSON.stringify({ outletId: 'yt-dmv', kind: 'info', title: { zh: '草稿', en: 'Draft' }, body: { zh: '草稿内容', en: 'Draft' } }),
  }), 201);
  const [counter7] = await db.select({ id: counters.id }).from(counters).where(and(eq(counters.outletId, 'yt-dmv'), eq(counters.number, 7)));

  return {
    url, server, seeded, admin, supervisor, clerk,
    bookers,
    other: { ...otherCitizen, bookingId: otherBooking.id },
    newcomer: { headers: { cookie: `${CITIZEN_COOKIE}=${newcomerSession.token}`, 'x-csrf-token': newcomerSession.csrfToken } },
    blacklisted: { citizenId: blacklistedHolder.citizenId, headers: { cookie: `${CITIZEN_COOKIE}=${blacklistedSession.token}`, 'x-csrf-token': blacklistedSession.csrfToken, 'x-forwarded-for': '10.66.1.9' } },
    pendingAgentId: applied.agentId,
    kiosk: kioskToken, spareKiosks, display: displayToken, revokedKiosk, revokedDisplay, unpairedDevice,
    holders,
    checkedIn: { ...toCheckIn, ticketId: issued.ticket.id, followToken: decodeURIComponent(issued.ticket.followUrl.split('/').at(-1)!) },
    cancelled, elsewhere,
    pointTicketId: pointWalkIn.ticket.id,
    slots: {
      tomorrow: open.slots[0]!.id,
      tomorrowOther: open.slots[1]!.id,
      licenceTomorrow: licence.slots[0]!.id,
      today: await insertSlot(db, { date: TODAY }),
      past: await insertSlot(db, { date: '2026-11-20' }),
      beyondWindow: await insertSlot(db, { date: '2026-12-31' }),
      saturday: await insertSlot(db, { date: '2026-11-28' }),
      full: await insertSlot(db, { date: TOMORROW, startsAt: '07:00', capacity: 1, booked: 1 }),
      closedByNotice: await insertSlot(db, { date: '2026-11-25', startsAt: '07:00', closed: true }),
      atPoint: point.slots[0]!.id,
    },
    draftNoticeId: draft.id,
    counter7: counter7!.id,
  };
}
