/**
 * Check-in at the lobby kiosk (DOMAIN.md): the person presents their ID card and the appointment
 * number (or the voucher's QR code); the kiosk issues a ticket. One transaction that starts by
 * locking the booking row, so concurrent check-ins of one booking run one after the other and the
 * second finds the ticket the first issued: a check-in is idempotent.
 *
 * Every refusal is a sentence that tells the person what to do. Checked in this order, so that the
 * most useful sentence wins: the number exists → it belongs to this ID → not used/cancelled/lapsed →
 * today → this outlet → inside the window → holder not blacklisted → an agent's power of attorney.
 */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { APPOINTMENT_NO } from '../../common/booking.ts';
import type { QueueEvent } from '../../common/events.ts';
import type { CheckInRequest } from '../../common/kiosk.ts';
import { serviceDate } from '../../common/time.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { agents, blacklist, bookings, citizens, firms, outlets, powersOfAttorney, serviceGroups, services, slots, tickets, type Ticket } from '../../db/schema.ts';
import { releaseNumber } from '../booking/book.ts';
import { ensureNotBlacklisted } from '../booking/blacklist.ts';
import { shortTime } from '../booking/slots.ts';
import { voucherClaims } from '../booking/verify-voucher.ts';
import type { VoucherSigner } from '../booking/voucher-token.ts';
import type { Settings } from '../domain/settings.ts';
import { AppError } from '../errors.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';
import { greenByAge } from '../queue/green-channel.ts';
import { firstStepSql, issueTicket } from '../queue/issue.ts';
import { peopleAheadOf, queueBeforeIssue } from '../queue/position.ts';
import type { PrintedContext } from '../queue/ticket-view.ts';
import { presentedId, refuseSecondWaitingTicket, type Kiosk } from './presented-id.ts';
import { checkInWindow, ensureInsideWindow } from './window.ts';

export interface CheckInOutcome {
  ticket: Ticket;
  /** False when this booking was checked in before: the same ticket again. */
  created: boolean;
  /** To send to the outlet's room once committed. */
  events: QueueEvent[];
  /** What the transaction read that the printed ticket shows, so nothing is read twice. */
  printed: PrintedContext;
}

export interface CheckInDeps {
  db: Database;
  privacy: PersonalDataCipher;
  vouchers: VoucherSigner;
}

async function appointmentNoOf(deps: CheckInDeps, request: CheckInRequest, now: Date): Promise<string> {
  if (request.voucherToken) return (await voucherClaims(deps.db, deps.vouchers, request.voucherToken, now)).appointmentNo;
  const typed = (request.appointmentNo ?? '').replace(/\s+/g, '');
  if (!APPOINTMENT_NO.test(typed)) {
    throw new AppError('appointment_not_found', {
      sentence: { zh: '预约号为 12 位数字，请核对后重新输入。', en: 'An appointment number has 12 digits. Check it and enter it again.' },
      fields: { appointmentNo: 'format' },
    });
  }
  return typed;
}

/**
 * The booking, locked, with everything the checks and the ticket need in the same read: its slot,
 * holder, outlet, the service's names and queue, and for an agency booking the agent, the firm and
 * whether a power of attorney valid `today` is on file. Named, as the other statements of a
 * check-in: PostgreSQL plans these joins once per connection (server/queue/prepared.ts).
 */
async function lockedBooking(tx: Transaction, appointmentNo: string, today: string) {
  const [row] = await tx.select({
    booking: {
      id: bookings.id, kind: bookings.kind, status: bookings.status, date: bookings.date, outletId: bookings.outletId,
      serviceId: bookings.serviceId, citizenId: bookings.citizenId, agentId: bookings.agentId, appointmentNo: bookings.appointmentNo,
    },
    slot: { startsAt: slots.startsAt, endsAt: slots.endsAt },
    holder: { id: citizens.id, idNumberHash: citizens.idNumberHash, phoneHash: citizens.phoneHash },
    outlet: { name: outlets.name, address: outlets.address },
    service: { name: services.name, group: serviceGroups.name, prefix: serviceGroups.prefix, queueServiceId: firstStepSql(services.id) },
    agent: { id: agents.id, status: agents.status },
    firm: { name: firms.name, status: firms.status, creditCode: firms.creditCode },
    attorneyOnFile: sql<boolean>`exists (select 1 from ${powersOfAttorney} where ${powersOfAttorney.agentId} = ${agents.id}
      and (${powersOfAttorney.validUntil} is null or ${powersOfAttorney.validUntil} >= ${today}))`,
  })
    .from(bookings)
    .innerJoin(slots, eq(slots.id, bookings.slotId))
    .innerJoin(citizens, eq(citizens.id, bookings.citizenId))
    .innerJoin(outlets, eq(outlets.id, bookings.outletId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(serviceGroups, eq(serviceGroups.id, services.groupId))
    .leftJoin(agents, eq(agents.id, bookings.agentId))
    .leftJoin(firms, eq(firms.id, agents.firmId))
    .where(eq(bookings.appointmentNo, appointmentNo))
    .for('update', { of: bookings })
    .prepare('check_in_locked_booking').execute();
  if (!row) throw new AppError('appointment_not_found');
  return row;
}

type BookingRow = Awaited<ReturnType<typeof lockedBooking>>;

function ensureUsable(row: BookingRow): void {
  if (row.booking.status === 'cancelled') throw new AppError('appointment_cancelled');
  if (row.booking.status === 'no_show') throw new AppError('appointment_missed');
}

function when(row: BookingRow): string {
  return `${row.booking.date} ${shortTime(row.slot.startsAt)}–${shortTime(row.slot.endsAt)}`;
}

function ensureToday(row: BookingRow, today: string): void {
  if (row.booking.date === today) return;
  if (row.booking.date < today) {
    throw new AppError('appointment_missed', {
      sentence: {
        zh: `该预约是 ${when(row)} 的，已经过期。可以现场取号排队，或重新预约。`,
        en: `This appointment was for ${when(row)} and has lapsed. Take a walk-in ticket, or book again.`,
      },
      details: { date: row.booking.date },
    });
  }
  throw new AppError('appointment_not_today', {
    sentence: {
      zh: `您的预约是 ${when(row)}，请在当天前来签到。`,
      en: `Your appointment is on ${when(row)}. Please check in on that day.`,
    },
    details: { date: row.booking.date, startsAt: shortTime(row.slot.startsAt) },
  });
}

function ensureThisOutlet(row: BookingRow, kioskOutletId: string): void {
  if (row.booking.outletId === kioskOutletId) return;
  const { name, address } = row.outlet;
  throw new AppError('appointment_other_outlet', {
    sentence: {
      zh: `该预约在${name.zh}（${address.zh}），请到该办理点签到。`,
      en: `This appointment is at ${name.en} (${address.en}). Please check in there.`,
    },
    details: { outletId: row.booking.outletId },
  });
}

/** The blacklist as it stands now: an entry added after booking still blocks the check-in. */
async function ensureHolderNotBlacklisted(tx: Transaction, row: BookingRow, firmCreditCode: string | undefined, now: Date): Promise<void> {
  const entries = await tx.select({ kind: blacklist.kind, reason: blacklist.reason, expiresAt: blacklist.expiresAt, removedAt: blacklist.removedAt })
    .from(blacklist).where(and(isNull(blacklist.removedAt), or(
      and(eq(blacklist.kind, 'id_number'), eq(blacklist.valueHash, row.holder.idNumberHash)),
      and(eq(blacklist.kind, 'phone'), eq(blacklist.valueHash, row.holder.phoneHash)),
      ...(firmCreditCode ? [and(eq(blacklist.kind, 'firm'), eq(blacklist.valueHash, firmCreditCode))] : []),
    )))
    .prepare(firmCreditCode ? 'check_in_blacklist_firm' : 'check_in_blacklist').execute();
  ensureNotBlacklisted(entries, now, 'check_in');
}

/**
 * An agency booking is checked in by the agent, who must still be the firm's approved agent with a
 * power of attorney on file that has not run out; the counter then sees the paper itself.
 */
function ensureAgentAuthorized(row: BookingRow): { creditCode: string } | undefined {
  if (row.booking.kind !== 'agency') return undefined;
  const { agent, firm, attorneyOnFile } = row;
  const firmStanding = firm && firm.status !== 'rejected' && firm.status !== 'revoked';
  if (!agent || !firm || agent.status !== 'approved' || !firmStanding || !attorneyOnFile) {
    const firmName = firm?.name ?? '';
    throw new AppError('attorney_not_approved', {
      sentence: {
        zh: `代办“${firmName}”的业务须有经审核通过且在有效期内的委托书，您的委托书未通过审核或已失效，不能签到。请到咨询台办理。`,
        en: `Business for "${firmName}" needs an approved power of attorney that is still valid; yours is not approved or has run out, so you cannot check in. Please go to the information desk.`,
      },
      details: { agentStatus: agent?.status ?? 'missing', attorney: attorneyOnFile ? 'on_file' : 'missing' },
    });
  }
  return { creditCode: firm.creditCode };
}

/** What the printed ticket shows from the booking's read. */
function printedContext(row: BookingRow, peopleAhead?: number): PrintedContext {
  return {
    service: row.service.name, group: row.service.group, outlet: row.outlet.name,
    appointmentNo: row.booking.appointmentNo, presentAttorney: row.booking.kind === 'agency',
    ...(peopleAhead === undefined ? {} : { peopleAhead }),
  };
}

async function alreadyIssued(tx: Transaction, row: BookingRow): Promise<CheckInOutcome> {
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.bookingId, row.booking.id));
  if (!ticket) throw new AppError('voucher_used');
  return { ticket, created: false, events: [], printed: printedContext(row) };
}

export async function checkIn(deps: CheckInDeps, kiosk: Kiosk, request: CheckInRequest, settings: Settings, now: Date): Promise<CheckInOutcome> {
  const today = serviceDate(now);
  const id = presentedId(deps.privacy, request.idNumber, today);
  const appointmentNo = await appointmentNoOf(deps, request, now);
  return deps.db.transaction(async (tx) => {
    const row = await lockedBooking(tx, appointmentNo, today);
    // Whose it is comes before anything about it: a stranger's number tells the stranger nothing.
    if (row.holder.idNumberHash !== id.hash) throw new AppError('appointment_not_yours');
    if (row.booking.status === 'checked_in') {
      if (row.booking.date === today && row.booking.outletId === kiosk.outletId) return alreadyIssued(tx, row);
      throw new AppError('voucher_used');
    }
    ensureUsable(row);
    ensureToday(row, today);
    ensureThisOutlet(row, kiosk.outletId);
    ensureInsideWindow(checkInWindow(row.booking.date, row.slot.startsAt, row.slot.endsAt, settings.checkInOpensMinutesBefore), now);
    const firm = ensureAgentAuthorized(row);
    await ensureHolderNotBlacklisted(tx, row, firm?.creditCode, now);

    const queue = { prefix: row.service.prefix, serviceId: row.service.queueServiceId };
    const { waiting, held } = await queueBeforeIssue(tx, kiosk.outletId, today, queue.serviceId, id.hash);
    if (held) refuseSecondWaitingTicket(held);

    // The booking is used and the holder's number given back before the ticket is numbered: the
    // sequence rows, which every kiosk of the outlet waits for, stay locked only until the commit.
    await tx.update(bookings).set({ status: 'checked_in', checkedInAt: now }).where(eq(bookings.id, row.booking.id))
      .prepare('check_in_booking_used').execute();
    // The number is used: the holder may book again (one person / one agent, one number).
    await releaseNumber(tx, row.booking);
    const green = greenByAge(id.birthDate, today);
    const { ticket, event } = await issueTicket(tx, {
      outletId: kiosk.outletId, serviceDate: today, journeyServiceId: row.booking.serviceId,
      class: green ? 'green' : 'appointment', greenReason: green ? 'age' : null,
      bookingId: row.booking.id, citizenId: row.holder.id, idNumberHash: id.hash, queue,
    }, { kind: 'device', id: kiosk.deviceId }, now);
    return { ticket, created: true, events: [event], printed: printedContext(row, peopleAheadOf([...waiting, ticket], ticket.id, settings, now)) };
  });
}
