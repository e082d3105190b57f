/**
 * The ticket as the kiosk shows and prints it, and as the phone that scanned its QR code follows it:
 * number, service, counters, standing in the queue, outlet. No name and no ID number: a printed
 * ticket is left lying around.
 */
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { KioskTicket } from '../../common/kiosk.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { bookings, outlets, serviceGroups, services, tickets } from '../../db/schema.ts';
import type { Settings } from '../domain/settings.ts';
import { AppError } from '../errors.ts';
import { servingCounters, standingOf } from './position.ts';

/** Where the ticket's QR code leads: its live page in the H5 app. */
export function followUrl(base: string, followToken: string): string {
  return `${base.replace(/\/+$/, '')}/h5/#/ticket/${encodeURIComponent(followToken)}`;
}

export async function kioskTicketView(db: Database | Transaction, ticketId: string, settings: Settings, now: Date, publicBase: string): Promise<KioskTicket> {
  const [row] = await db.select({
    ticket: tickets, service: services.name, group: serviceGroups.name, outlet: outlets.name,
    appointmentNo: bookings.appointmentNo, bookingKind: bookings.kind,
  })
    .from(tickets)
    .innerJoin(services, eq(services.id, tickets.journeyServiceId))
    .innerJoin(serviceGroups, eq(serviceGroups.id, services.groupId))
    .innerJoin(outlets, eq(outlets.id, tickets.outletId))
    .leftJoin(bookings, eq(bookings.id, tickets.bookingId))
    .where(eq(tickets.id, ticketId));
  if (!row) throw new AppError('ticket_not_found');
  const { ticket } = row;
  const standing = await standingOf(db, ticket, settings, now);
  const counters = await servingCounters(db, ticket.outletId, ticket.serviceId);
  const url = followUrl(publicBase, ticket.followToken);
  return {
    id: ticket.id,
    number: ticket.number,
    class: ticket.class,
    green: ticket.class === 'green',
    greenReason: ticket.greenReason,
    status: ticket.status,
    service: row.service,
    group: row.group,
    counterNumbers: counters.map((c) => c.number),
    peopleAhead: standing.peopleAhead,
    estimatedWaitMinutes: standing.estimatedWaitMinutes,
    issuedAt: ticket.createdAt.toISOString(),
    serviceDate: ticket.serviceDate,
    outlet: row.outlet,
    appointmentNo: row.appointmentNo ?? null,
    presentAttorney: row.bookingKind === 'agency',
    followUrl: url,
    followQr: await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, scale: 4 }),
  };
}
