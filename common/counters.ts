/**
 * The counters' API shapes, shared by the server and the staff console: the counter a clerk works
 * at, the actions on its current ticket, the outlet's waiting list with each ticket's class and wait,
 * the explanation of an order, and the satisfaction rating.
 */
import { z } from 'zod';
import { GREEN_REASONS, TICKET_CLASSES } from './kiosk.ts';
import { bilingual } from './outlets.ts';

export const COUNTER_STATUSES = ['closed', 'open', 'paused'] as const;
export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'finished', 'missed', 'cancelled'] as const;

/** A ticket as staff see it: a number and its queue, never a name or an ID number. */
export const staffTicket = z.object({
  id: z.string(),
  number: z.string(),
  class: z.enum(TICKET_CLASSES),
  green: z.boolean(),
  greenReason: z.enum(GREEN_REASONS).nullable(),
  status: z.enum(TICKET_STATUSES),
  /** The queue (step) it is in now, and the service applied for. */
  serviceId: z.string(),
  service: bilingual,
  journeyService: bilingual,
  /** 1-based step of a multi-step journey, and how many steps it has (1 for a single service). */
  step: z.number().int(),
  steps: z.number().int(),
  /** When it joined its current queue (ISO). */
  queuedAt: z.string(),
  /** Whole minutes waited since then. */
  waitedMinutes: z.number().int().nonnegative(),
  requeueCount: z.number().int().nonnegative(),
  /** How often it was called again at its counter. */
  recalls: z.number().int().nonnegative(),
  counterNumber: z.number().int().nullable(),
  appointmentNo: z.string().nullable(),
  /** An agency booking: the counter checks the power of attorney. */
  presentAttorney: z.boolean(),
});
export type StaffTicket = z.infer<typeof staffTicket>;

export const counterView = z.object({
  id: z.string(),
  outletId: z.string(),
  number: z.number().int(),
  name: bilingual,
  status: z.enum(COUNTER_STATUSES),
  /** Who works at it now (display name), if anyone. */
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  services: z.array(z.object({ id: z.string(), name: bilingual })),
  /** The ticket called or being served here, if any. */
  current: staffTicket.nullable(),
});
export type CounterView = z.infer<typeof counterView>;

export const counterList = z.object({ counters: z.array(counterView) });

/** Every counter action carries a key made once per press: a double click or a retry does it once. */
export const counterActionRequest = z.object({ idempotencyKey: z.string().min(8).max(100) });
export const transferRequest = counterActionRequest.extend({ serviceId: z.string().min(1).max(64) });

/** What an action did: the counter as it is now, and a sentence for the clerk when nothing was done. */
export const counterActionResult = z.object({
  counter: counterView,
  /** The ticket the action moved (called, finished, transferred, ...), as it is now. */
  ticket: staffTicket.nullable(),
  /** E.g. nobody is waiting for this counter's services. */
  note: bilingual.nullable(),
});
export type CounterActionResult = z.infer<typeof counterActionResult>;

/** The outlet's queue as staff see it: waiting tickets in calling order per service, and the counters. */
export const outletQueue = z.object({
  outletId: z.string(),
  /** The outlet's event sequence this view reflects. */
  seq: z.number().int(),
  waiting: z.array(staffTicket.extend({
    /** 0-based place in its queue's calling order. */
    position: z.number().int().nonnegative(),
    estimatedWaitMinutes: z.number().int().nonnegative(),
  })),
  missed: z.array(staffTicket),
  counters: z.array(counterView),
  /** Services of the outlet, for transfers and filters. */
  services: z.array(z.object({ id: z.string(), name: bilingual, groupId: z.string() })),
});
export type OutletQueue = z.infer<typeof outletQueue>;

export const explanation = z.object({
  code: z.enum(['green_first', 'appointment_before_walk_in', 'earlier_in_class', 'waited_too_long']),
  zh: z.string(),
  en: z.string(),
});
export type OrderExplanation = z.infer<typeof explanation>;

export const RATING_GRADES = [1, 2, 3, 4, 5] as const;
/** 好差评: five grades; the two lowest need a reason. */
export const ratingRequest = z
  .object({ grade: z.number().int().min(1).max(5), reason: z.string().trim().max(500).optional() })
  .refine((r) => r.grade > 2 || (r.reason ?? '').length > 0, { message: 'reason_required', path: ['reason'] });
export type RatingRequest = z.infer<typeof ratingRequest>;

export const RATING_TEXT: Record<(typeof RATING_GRADES)[number], { zh: string; en: string }> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fair' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};
