/**
 * The phone that scanned a ticket's QR code follows it on the H5 page (`/h5/#/ticket/<token>`): the
 * ticket, how many are ahead, the estimated wait, and the counter once it is called. Public by the
 * random token alone: it shows a number, never a name.
 */
import { z } from 'zod';
import { GREEN_REASONS, TICKET_CLASSES } from './kiosk.ts';
import { bilingual } from './outlets.ts';

export const followView = z.object({
  ticketId: z.string(),
  outletId: z.string(),
  number: z.string(),
  class: z.enum(TICKET_CLASSES),
  green: z.boolean(),
  greenReason: z.enum(GREEN_REASONS).nullable(),
  status: z.enum(['waiting', 'called', 'serving', 'finished', 'missed', 'cancelled']),
  service: bilingual,
  outlet: bilingual,
  /** Journey step, e.g. 2 of 4. */
  step: z.number().int(),
  steps: z.number().int(),
  peopleAhead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative(),
  /** The counter it is called to, while called or being served. */
  counterNumber: z.number().int().nullable(),
  /** Outlet sequence of its latest call (announce once per value). */
  callSeq: z.number().int().nullable(),
  issuedAt: z.string(),
  serviceDate: z.string(),
  /** Whether the page may offer the rating now (finished, not rated yet). */
  canRate: z.boolean(),
  rated: z.boolean(),
  /** The outlet's event sequence this view reflects. */
  seq: z.number().int(),
});
export type FollowView = z.infer<typeof followView>;
