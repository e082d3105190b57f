/**
 * The booking API's shapes, shared by the server (which validates and documents them) and the WeChat
 * H5 page (which checks what it receives). Plain zod: the server adds the OpenAPI names.
 */
import { z } from 'zod';
import { bilingual } from './outlets.ts';

/** 12 digits, typed on the kiosk's keypad. */
export const APPOINTMENT_NO = /^\d{12}$/;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^\d{2}:\d{2}$/);
const period = z.object({ open: time, close: time });

export const serviceSummary = z.object({
  id: z.string(),
  groupId: z.string(),
  name: bilingual,
  description: bilingual,
  averageMinutes: z.number().int(),
  /** Everything to bring, so an applicant learns everything missing at once. */
  requiredMaterials: z.array(bilingual),
});
export type ServiceSummary = z.infer<typeof serviceSummary>;

export const serviceList = z.object({ services: z.array(serviceSummary) });

export const outletDetail = z.object({
  id: z.string(),
  kind: z.enum(['office', 'service_point']),
  name: bilingual,
  address: bilingual,
  /** How to get there, in words. */
  route: bilingual,
  phone: z.string().nullable(),
  /** ISO weekday (1 = Monday) → open periods. */
  openingHours: z.record(z.string(), z.array(period)),
});
export type OutletDetail = z.infer<typeof outletDetail>;

export const serviceOutlets = z.object({ service: serviceSummary, outlets: z.array(outletDetail) });

export const availabilityQuery = z.object({ serviceId: z.string().max(64), outletId: z.string().max(64) });
export const slotsQuery = availabilityQuery.extend({ date });

export const availableDates = z.object({
  serviceId: z.string(),
  outletId: z.string(),
  /** Bookable days, from tomorrow, the next N working days of the outlet. */
  dates: z.array(z.object({ date, capacity: z.number().int(), seatsLeft: z.number().int() })),
  /** Days inside that span the outlet is closed, with why. */
  closedDates: z.array(z.object({ date, reason: bilingual })),
});
export type AvailableDates = z.infer<typeof availableDates>;

export const slotView = z.object({
  id: z.string().uuid(),
  startsAt: time,
  endsAt: time,
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
});

export const slotList = z.object({
  date,
  /** `closed`: the outlet does not work that day; `outside_window`: not bookable now. */
  status: z.enum(['open', 'closed', 'outside_window']),
  reason: bilingual.optional(),
  slots: z.array(slotView),
});
export type SlotList = z.infer<typeof slotList>;

/** Business details as entered (e.g. `{ plate: '赣L12345' }`): short texts, a few of them. */
const details = z.record(z.string().min(1).max(40), z.string().max(200)).refine((d) => Object.keys(d).length <= 20, 'too_many_details');
/** A new key per submit on the page; a retry of the same submit sends the same key. */
const idempotencyKey = z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/);

export const bookingRequest = z.object({
  kind: z.enum(['personal', 'agency']),
  serviceId: z.string().max(64),
  outletId: z.string().max(64),
  slotId: z.string().uuid(),
  details: details.default({}),
  idempotencyKey,
  /** Agency bookings: which of the caller's agent roles books (one per firm). */
  agentId: z.string().uuid().optional(),
});
export type BookingRequest = z.infer<typeof bookingRequest>;

export const rescheduleRequest = z.object({ slotId: z.string().uuid(), idempotencyKey });
export type RescheduleRequest = z.infer<typeof rescheduleRequest>;

export const bookingSummary = z.object({
  id: z.string().uuid(),
  appointmentNo: z.string(),
  kind: z.enum(['personal', 'agency']),
  status: z.enum(['active', 'checked_in', 'cancelled', 'no_show']),
  service: z.object({ id: z.string(), name: bilingual }),
  outlet: z.object({ id: z.string(), name: bilingual, address: bilingual }),
  firm: z.object({ id: z.string(), name: z.string() }).nullable(),
  date,
  startsAt: time,
  endsAt: time,
  /** Until when cancelling or rescheduling is possible (ISO instant). */
  changeableUntil: z.string(),
  rescheduledFrom: z.string().uuid().nullable(),
  createdAt: z.string(),
});
export type BookingSummary = z.infer<typeof bookingSummary>;

export const bookingList = z.object({ bookings: z.array(bookingSummary) });

export const voucher = bookingSummary.extend({
  details: z.record(z.string(), z.string()),
  outletRoute: bilingual,
  materials: z.array(bilingual),
  /** What to present on site. */
  present: z.array(bilingual),
  qr: z.object({
    /** The signed token the QR carries (the kiosk sends it to /api/vouchers/verify). */
    token: z.string(),
    /** A PNG of the QR code, as a data URL. */
    dataUrl: z.string(),
    expiresAt: z.string(),
  }),
});
export type Voucher = z.infer<typeof voucher>;

export const voucherVerifyRequest = z.object({ token: z.string().max(512) });

export const verifiedVoucher = z.object({
  booking: z.object({
    id: z.string().uuid(),
    appointmentNo: z.string(),
    kind: z.enum(['personal', 'agency']),
    serviceId: z.string(),
    outletId: z.string(),
    date,
    startsAt: time,
    endsAt: time,
    /** Masked: the kiosk matches the ID card server-side at check-in. */
    holderName: z.string(),
    firmName: z.string().nullable(),
  }),
});
export type VerifiedVoucher = z.infer<typeof verifiedVoucher>;

/** What to present on site: own ID card, and for agents the power of attorney with the seal. */
export function presentOnSite(kind: 'personal' | 'agency'): { zh: string; en: string }[] {
  const own = { zh: '本人居民身份证原件', en: 'Your own resident ID card (original)' };
  const number = { zh: '预约号或本凭证二维码', en: 'The appointment number or this voucher\'s QR code' };
  if (kind === 'personal') return [own, number];
  return [own, number, { zh: '加盖单位公章的委托书', en: 'The power of attorney with the firm\'s official seal' }];
}
