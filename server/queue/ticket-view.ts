/**
 * The ticket as the kiosk shows and prints it, and as the phone that scanned its QR code follows it:
 * number, service, counters, standing in the queue, outlet. No name and no ID number: a printed
 * ticket is left lying around.
 */
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { KioskTicket } from '../../common/kiosk.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { bookings, outlets, serviceGroups, services, tickets, type Bilingual, type Ticket } from '../../db/schema.ts';
import type { Settings } from '../domain/settings.ts';
import { AppError } from '../errors.ts';
import { servingCounters, standingOf, waitMinutes } from './position.ts';

/** Where the ticket's QR code leads: its live page in the H5 app. */
export function followUrl(base: string, followToken: string): string {
  return `${base.replace(/\/+$/, '')}/h5/#/ticket/${encodeURIComponent(followToken)}`;
}

/**
 * The QR code as an SVG data URL: a vector, so it prints sharp at any size on the thermal roll, and a
 * fifth of the work of a PNG. An `<img>` shows it; an SVG there runs no script.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** What the kiosk prints besides the ticket row: names, the booking, and the people ahead when the issuer counted them. */
export interface PrintedContext {
  /** The service applied for (the journey), its group, and the outlet. */
  service: Bilingual;
  group: Bilingual;
  outlet: Bilingual;
  appointmentNo: string | null;
  /** An agency booking: the agent shows the power of attorney at the counter. */
  presentAttorney: boolean;
  /** Counted by the transaction that issued the ticket just now; otherwise read here. */
  peopleAhead?: number;
}

/** A ticket by id, read afresh: for a reprint, a green grant, a walk-in. */
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
  return kioskTicketOf(db, row.ticket, {
    service: row.service, group: row.group, outlet: row.outlet,
    appointmentNo: row.appointmentNo ?? null, presentAttorney: row.bookingKind === 'agency',
  }, settings, now, publicBase);
}

/** The ticket as its issuing transaction left it, with what that transaction read: no second read of either. */
export async function kioskTicketOf(db: Database | Transaction, ticket: Ticket, context: PrintedContext, settings: Settings, now: Date, publicBase: string): Promise<KioskTicket> {
  const counters = await servingCounters(db, ticket.outletId, ticket.serviceId);
  const standing = context.peopleAhead !== undefined && ticket.status === 'waiting'
    ? { peopleAhead: context.peopleAhead, estimatedWaitMinutes: await waitMinutes(db, ticket.outletId, ticket.serviceId, context.peopleAhead, now, counters) }
    : await standingOf(db, ticket, settings, now, counters);
  const url = followUrl(publicBase, ticket.followToken);
  return {
    id: ticket.id,
    number: ticket.number,
    class: ticket.class,
    green: ticket.class === 'green',
    greenReason: ticket.greenReason,
    status: ticket.status,
    service: context.service,
    group: context.group,
    counterNumbers: counters.map((c) => c.number),
    peopleAhead: standing.peopleAhead,
    estimatedWaitMinutes: standing.estimatedWaitMinutes,
    issuedAt: ticket.createdAt.toISOString(),
    serviceDate: ticket.serviceDate,
    outlet: context.outlet,
    appointmentNo: context.appointmentNo,
    presentAttorney: context.presentAttorney,
    followUrl: url,
    followQr: await qrDataUrl(url),
  };
}
