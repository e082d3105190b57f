/**
 * The lobby kiosk's API shapes, shared by the server (which validates and documents them) and the
 * kiosk page (which checks what it receives): check-in with an appointment, walk-in tickets,
 * green-channel grants confirmed by a guide, and the ticket as printed.
 */
import { z } from 'zod';
import { bilingual } from './outlets.ts';

/** What an ID-card reader or the keypad produced; checked on the server with the ID rules. */
const idNumber = z.string().trim().min(1).max(32);

/**
 * A check-in: the holder's (or, for agency bookings, the agent's) ID number and either the
 * appointment number typed on the keypad or the voucher's QR token read by a scanner.
 */
export const checkInRequest = z
  .object({
    idNumber,
    appointmentNo: z.string().trim().max(32).optional(),
    voucherToken: z.string().trim().max(512).optional(),
  })
  .refine((r) => Boolean(r.appointmentNo) !== Boolean(r.voucherToken), {
    message: 'appointmentNo or voucherToken, exactly one',
    path: ['appointmentNo'],
  });
export type CheckInRequest = z.infer<typeof checkInRequest>;

export const walkInRequest = z.object({ idNumber, serviceId: z.string().min(1).max(64) });
export type WalkInRequest = z.infer<typeof walkInRequest>;

/** Reasons lobby staff confirm; age is decided from the ID number alone. */
export const STAFF_GREEN_REASONS = ['disability', 'serviceman', 'pregnancy'] as const;
export const GREEN_REASONS = ['age', ...STAFF_GREEN_REASONS] as const;
export type GreenReason = (typeof GREEN_REASONS)[number];

export const GREEN_REASON_TEXT: Record<GreenReason, { zh: string; en: string }> = {
  age: { zh: '70 周岁以上老人', en: 'aged 70 or over' },
  disability: { zh: '残疾人', en: 'person with a disability' },
  serviceman: { zh: '现役军人', en: 'active serviceman' },
  pregnancy: { zh: '孕妇', en: 'pregnant woman' },
};

/** A guide confirms a green-channel grant at the kiosk with their staff code. */
export const kioskGreenRequest = z.object({
  staffCode: z.string().trim().min(4).max(32),
  reason: z.enum(STAFF_GREEN_REASONS),
});
export type KioskGreenRequest = z.infer<typeof kioskGreenRequest>;

/** The same grant from the staff console; the signed-in guide or supervisor is who confirms. */
export const staffGreenRequest = z.object({
  reason: z.enum(STAFF_GREEN_REASONS),
  note: z.string().trim().max(200).optional(),
});

export const TICKET_CLASSES = ['green', 'appointment', 'walk_in', 'late'] as const;

/** The ticket as the kiosk shows and prints it. No name, no ID number: it is left lying around. */
export const kioskTicket = z.object({
  id: z.string(),
  /** `A012` */
  number: z.string(),
  class: z.enum(TICKET_CLASSES),
  green: z.boolean(),
  greenReason: z.enum(GREEN_REASONS).nullable(),
  status: z.enum(['waiting', 'called', 'serving', 'finished', 'missed', 'cancelled']),
  service: bilingual,
  /** The service group, e.g. 机动车业务. */
  group: bilingual,
  /** The counters that serve this ticket's queue, e.g. [3, 4, 5]. */
  counterNumbers: z.array(z.number().int()),
  peopleAhead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative(),
  /** When it was issued (ISO instant); the page prints it in Beijing time. */
  issuedAt: z.string(),
  serviceDate: z.string(),
  outlet: bilingual,
  /** The booking it came from, or null for a walk-in. */
  appointmentNo: z.string().nullable(),
  /** An agency booking: the agent shows the power of attorney at the counter. */
  presentAttorney: z.boolean(),
  /** The ticket's live page on a phone. */
  followUrl: z.string(),
  /** Its QR code, an SVG data URL for an `<img>` (on screen and on the 80 mm paper, where a vector prints sharp). */
  followQr: z.string().startsWith('data:image/svg+xml;base64,'),
});
export type KioskTicket = z.infer<typeof kioskTicket>;

/** `created` is false when the same check-in or walk-in was made before: the same ticket again. */
export const issuedTicket = z.object({ ticket: kioskTicket, created: z.boolean() });
export type IssuedTicket = z.infer<typeof issuedTicket>;

/** What the kiosk offers for walk-ins at its outlet today. */
export const walkInOptions = z.object({
  walkInsAllowed: z.boolean(),
  /** Why not, when not (outlet does not take walk-ins, closed today, outside opening hours). */
  reason: bilingual.nullable(),
  services: z.array(z.object({
    id: z.string(),
    name: bilingual,
    group: bilingual,
    prefix: z.string(),
    waiting: z.number().int().nonnegative(),
    estimatedWaitMinutes: z.number().int().nonnegative(),
  })),
});
export type WalkInOptions = z.infer<typeof walkInOptions>;

/** Seconds of no touch and no typing after which the kiosk returns to its start screen and forgets. */
export const KIOSK_IDLE_SECONDS = 30;
