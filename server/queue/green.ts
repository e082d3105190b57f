/**
 * Green-channel grants by lobby staff (disability, active service, pregnancy): a guide's code at the
 * kiosk, or a guide or supervisor in the console. The waiting ticket turns green by a conditional
 * update (only while it waits), moves up at once (the queue order ranks green first), and every
 * grant is audited with who and why.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { QueueEvent } from '../../common/events.ts';
import type { GreenReason } from '../../common/kiosk.ts';
import type { Database } from '../../db/client.ts';
import { staff, staffOutlets, tickets, type Ticket } from '../../db/schema.ts';
import { audit } from '../audit.ts';
import { verifyPassword } from '../auth/password.ts';
import { AppError } from '../errors.ts';
import { recordTransition } from './events.ts';

export interface GreenGrant {
  ticketId: string;
  /** The outlet the grant is made from: a ticket of another outlet is not found. */
  outletIds: readonly string[];
  reason: Exclude<GreenReason, 'age'>;
  staffId: string;
  /** Where it was confirmed: `kiosk` (with the device's id) or `console`. */
  via: { kind: 'kiosk'; deviceId: string } | { kind: 'console' };
  note?: string | undefined;
}

export interface GreenOutcome {
  ticket: Ticket;
  events: QueueEvent[];
}

export async function grantGreen(db: Database, grant: GreenGrant, now: Date): Promise<GreenOutcome> {
  return db.transaction(async (tx) => {
    const [ticket] = await tx.update(tickets).set({ class: 'green', greenReason: grant.reason })
      .where(and(eq(tickets.id, grant.ticketId), inArray(tickets.outletId, [...grant.outletIds]), eq(tickets.status, 'waiting')))
      .returning();
    if (!ticket) {
      const [current] = await tx.select().from(tickets).where(and(eq(tickets.id, grant.ticketId), inArray(tickets.outletId, [...grant.outletIds])));
      if (!current) throw new AppError('ticket_not_found');
      throw new AppError('ticket_not_waiting', { details: { number: current.number, status: current.status } });
    }
    const event = await recordTransition(tx, {
      ticket, type: 'green', fromStatus: 'waiting', actor: { kind: 'staff', id: grant.staffId }, at: now,
      data: { reason: grant.reason, via: grant.via.kind },
    });
    await audit(tx, {
      actor: { kind: 'staff', id: grant.staffId }, action: 'ticket.green_granted', target: { kind: 'ticket', id: ticket.id },
      outletId: ticket.outletId, at: now,
      details: { number: ticket.number, reason: grant.reason, via: grant.via.kind, ...(grant.via.kind === 'kiosk' ? { deviceId: grant.via.deviceId } : {}), ...(grant.note ? { note: grant.note } : {}) },
    });
    return { ticket, events: [event] };
  });
}

/**
 * The guide (or supervisor) of this outlet whose staff code this is, or undefined. Codes are hashed
 * like passwords, so each candidate is checked in turn; an outlet has a handful of guides.
 */
export async function staffByCode(db: Database, outletId: string, code: string): Promise<{ id: string } | undefined> {
  const candidates = await db.select({ id: staff.id, codeHash: staff.staffCodeHash }).from(staff)
    .innerJoin(staffOutlets, eq(staffOutlets.staffId, staff.id))
    .where(and(eq(staffOutlets.outletId, outletId), inArray(staff.role, ['guide', 'supervisor']), isNotNull(staff.staffCodeHash), eq(staff.active, true)));
  for (const candidate of candidates) {
    if (await verifyPassword(code, candidate.codeHash!)) return { id: candidate.id };
  }
  return undefined;
}
