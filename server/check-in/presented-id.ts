/**
 * The ID card presented at the kiosk: checked with the ID rules (format, birth date, check
 * character) and reduced at once to its keyed hash and birth date. The number itself goes no
 * further: not into a log, not into a ticket, not onto a screen.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { parseIdNumber } from '../../common/id-number.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { tickets, type Ticket } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';

/** The kiosk that asks: its device id (the actor of what it issues) and its outlet. */
export interface Kiosk {
  deviceId: string;
  outletId: string;
}

export interface PresentedId {
  hash: string;
  birthDate: string;
}

export function presentedId(privacy: PersonalDataCipher, raw: string, today: string): PresentedId {
  const parsed = parseIdNumber(raw, today);
  if (!parsed.ok) throw new AppError(`id_number_${parsed.problem}`, { fields: { idNumber: `id_number_${parsed.problem}` } });
  return { hash: privacy.hash('id_number', parsed.info.value), birthDate: parsed.info.birthDate };
}

/** The ticket this ID already holds in this queue today, waiting or at a counter. */
export async function waitingTicketOf(db: Database | Transaction, outletId: string, serviceDate: string, idHash: string, serviceId: string): Promise<Ticket | undefined> {
  const [ticket] = await db.select().from(tickets).where(and(
    eq(tickets.outletId, outletId), eq(tickets.serviceDate, serviceDate), eq(tickets.idNumberHash, idHash),
    eq(tickets.serviceId, serviceId), inArray(tickets.status, ['waiting', 'called', 'serving']),
  ));
  return ticket;
}

/** One waiting ticket per ID and service: says which one is held. */
export function refuseSecondWaitingTicket(held: Pick<Ticket, 'number'>): never {
  throw new AppError('ticket_already_waiting', {
    sentence: {
      zh: `您已有该业务的排队号 ${held.number}，请留意叫号，不必重复取号。`,
      en: `You already hold ticket ${held.number} for this service. Please wait for it to be called; there is no need for another.`,
    },
    details: { number: held.number },
  });
}
