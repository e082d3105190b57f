/**
 * Citizens' bookings on the H5 page (book, list, voucher, .ics, cancel, reschedule) and the kiosk's
 * voucher check. Handlers validate, call server/booking in its transaction, and map the result.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { bookingList, bookingRequest, bookingSummary, rescheduleRequest, verifiedVoucher, voucher, voucherVerifyRequest } from '../../common/booking.ts';
import type { AppDeps } from '../app.ts';
import { expectPrincipal, type Principal } from '../auth/principal.ts';
import { cancelBooking, createBooking, rescheduleBooking } from '../booking/book.ts';
import { bookingIcs } from '../booking/ics.ts';
import { bookingSummaryOf, citizenBooking, citizenBookings, voucherOf } from '../booking/views.ts';
import { shortTime } from '../booking/slots.ts';
import { verifyVoucher } from '../booking/verify-voucher.ts';
import { readSettings } from '../domain/read-settings.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv } from '../http/env.ts';
import { named } from '../http/named-schema.ts';
import type { Limit } from '../http/rate-limit.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse, json, jsonBody } from '../http/schemas.ts';

/**
 * Submits (book and reschedule) per address and per citizen. The database decides every booking
 * rule, so these only stop a script hammering the transaction: a carrier NAT or a lobby's Wi-Fi puts
 * hundreds of people behind one address the minute a window opens, and one person's retries and
 * double taps come in tens, not hundreds (the concurrency tests send 580 from one address and 50
 * from one citizen at once).
 */
export const BOOKING_PER_IP: Limit = { name: 'booking:ip', points: 1000, durationSeconds: 60 };
export const BOOKING_PER_CITIZEN: Limit = { name: 'booking:citizen', points: 60, durationSeconds: 60 };
/** The kiosk's voucher check, per kiosk: as its check-ins (server/routes/kiosk.ts). */
export const VOUCHER_CHECK_PER_KIOSK: Limit = { name: 'voucher-check:device', points: 600, durationSeconds: 60 };

const summarySchema = named(bookingSummary, 'BookingSummary');
const idParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const REFUSALS = '`slot_full`, `one_active_booking` (names the booking that holds the number), `outside_window`, `closed_day`, '
  + '`service_not_at_outlet`, `blacklisted` (why, until when), `suspended_for_no_shows` (until when), `agent_not_approved`, `maintenance_window`.';

const book = defineRoute(['citizen'], {
  method: 'post',
  path: '/api/bookings',
  tags: ['bookings'],
  summary: 'Book a slot: personal (one person, one number) or agency (one agent, one number)',
  description: `Idempotent by \`idempotencyKey\`: a retried submit gets the same booking with 200. Refusals: ${REFUSALS}`,
  request: jsonBody(named(bookingRequest, 'BookingRequest')),
  responses: {
    201: json('Booked.', summarySchema),
    200: json('The booking an earlier submit with this key made.', summarySchema),
    400: errorResponse('`validation_failed`, `outside_window`, `service_not_at_outlet`.'),
    403: errorResponse('`blacklisted`, `suspended_for_no_shows`, `agent_not_approved`.'),
    409: errorResponse('`slot_full`, `one_active_booking`, `closed_day`, `idempotency_key_reused`.'),
    429: errorResponse('`rate_limited`, with `Retry-After`.'),
    503: errorResponse('`maintenance_window`, with `Retry-After`.'),
  },
});

const list = defineRoute(['citizen'], {
  method: 'get',
  path: '/api/bookings',
  tags: ['bookings'],
  summary: 'The citizen\'s bookings, newest first',
  responses: { 200: json('Every booking, whatever its status.', named(bookingList.extend({ bookings: summarySchema.array() }), 'BookingList')) },
});

const show = defineRoute(['citizen'], {
  method: 'get',
  path: '/api/bookings/{id}',
  tags: ['bookings'],
  summary: 'One booking as its voucher: number, QR code, materials, what to present on site',
  request: { params: idParams },
  responses: { 200: json('The voucher.', named(voucher, 'Voucher')), 404: errorResponse('Not one of the caller\'s bookings.') },
});

const ics = defineRoute(['citizen'], {
  method: 'get',
  path: '/api/bookings/{id}/calendar.ics',
  tags: ['bookings'],
  summary: 'The booking as an iCalendar event (Asia/Shanghai), for the phone\'s calendar',
  request: { params: idParams },
  responses: {
    200: { description: 'RFC 5545.', content: { 'text/calendar': { schema: z.string() } } },
    404: errorResponse('Not one of the caller\'s bookings.'),
  },
});

const cancel = defineRoute(['citizen'], {
  method: 'post',
  path: '/api/bookings/{id}/cancel',
  tags: ['bookings'],
  summary: 'Cancel until the deadline (setting `cancelDeadlineMinutes`, default 60 before the slot)',
  description: 'Frees the seat and the holder\'s number. Cancelling a cancelled booking answers the same again.',
  request: { params: idParams },
  responses: {
    200: json('Cancelled.', summarySchema),
    404: errorResponse('Not one of the caller\'s bookings.'),
    409: errorResponse('`cancel_deadline_passed`, `booking_not_active`.'),
  },
});

const reschedule = defineRoute(['citizen'], {
  method: 'post',
  path: '/api/bookings/{id}/reschedule',
  tags: ['bookings'],
  summary: 'Move a booking to another slot, with the rules of booking',
  description: `The old booking is cancelled and a new one (new number, \`rescheduledFrom\`) takes its place in one transaction. Idempotent by \`idempotencyKey\`. Refusals as booking (${REFUSALS}), and \`cancel_deadline_passed\`, \`booking_not_active\`.`,
  request: { params: idParams, ...jsonBody(named(rescheduleRequest, 'RescheduleRequest')) },
  responses: {
    201: json('The new booking.', summarySchema),
    200: json('The booking an earlier submit with this key made.', summarySchema),
    400: errorResponse('`validation_failed`, `outside_window`, `service_not_at_outlet`.'),
    403: errorResponse('`blacklisted`, `suspended_for_no_shows`, `agent_not_approved`.'),
    404: errorResponse('Not one of the caller\'s bookings.'),
    409: errorResponse('`slot_full`, `closed_day`, `cancel_deadline_passed`, `booking_not_active`, `idempotency_key_reused`.'),
    429: errorResponse('`rate_limited`, with `Retry-After`.'),
    503: errorResponse('`maintenance_window`.'),
  },
});

const verify = defineRoute(['kiosk'], {
  method: 'post',
  path: '/api/vouchers/verify',
  tags: ['bookings'],
  summary: 'The kiosk checks a voucher\'s QR token',
  request: jsonBody(named(voucherVerifyRequest, 'VoucherVerifyRequest')),
  responses: {
    200: json('The booking.', named(verifiedVoucher, 'VerifiedVoucher')),
    400: errorResponse('`voucher_forged` (not ours), `voucher_altered` (ours, edited).'),
    409: errorResponse('`voucher_used`.'),
    410: errorResponse('`voucher_expired`, `voucher_cancelled`.'),
    429: errorResponse('`rate_limited`, with `Retry-After`.'),
  },
});

function citizenOf(principal: Principal): { citizenId: string } {
  const citizen = expectPrincipal(principal, 'citizen');
  // The route admits registered citizens only.
  return { citizenId: citizen.citizenId! };
}

export function bookingRoutes(deps: Pick<AppDeps, 'database' | 'clock' | 'privacy' | 'vouchers' | 'rateLimits'>) {
  const { db } = deps.database;
  /** Counted before the transaction, refused or not: a refusal costs the database as much as a booking. Both limits at once. */
  const limitSubmits = async (ipHash: string, citizenId: string) => {
    await Promise.all([deps.rateLimits.consume(BOOKING_PER_IP, ipHash), deps.rateLimits.consume(BOOKING_PER_CITIZEN, citizenId)]);
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(book, async (c) => {
      const caller = citizenOf(c.get('principal'));
      const ipHash = deps.privacy.hash('ip', clientIp(c));
      await limitSubmits(ipHash, caller.citizenId);
      const settings = await readSettings(db);
      const outcome = await createBooking(db, caller, c.req.valid('json'), deps.clock.now(), ipHash, settings);
      const summary = await bookingSummaryOf(db, caller.citizenId, outcome.booking.id, settings);
      return outcome.created ? c.json(summary, 201) : c.json(summary, 200);
    })
    .openapi(list, async (c) => {
      const caller = citizenOf(c.get('principal'));
      c.header('Cache-Control', 'no-store');
      return c.json({ bookings: await citizenBookings(db, caller.citizenId, await readSettings(db)) }, 200);
    })
    .openapi(show, async (c) => {
      const caller = citizenOf(c.get('principal'));
      c.header('Cache-Control', 'no-store');
      return c.json(await voucherOf(db, deps.vouchers, caller.citizenId, c.req.valid('param').id, await readSettings(db)), 200);
    })
    .openapi(ics, async (c) => {
      const caller = citizenOf(c.get('principal'));
      const row = await citizenBooking(db, caller.citizenId, c.req.valid('param').id);
      const b = row.bookings;
      const text = bookingIcs({
        uid: `${b.id}@lobby`, date: b.date, startsAt: shortTime(row.slots.startsAt), endsAt: shortTime(row.slots.endsAt),
        summary: `${row.services.name.zh} 预约 ${b.appointmentNo}`,
        location: `${row.outlets.name.zh} ${row.outlets.address.zh}`,
        description: [
          `预约号 Appointment number: ${b.appointmentNo}`,
          `${row.services.name.zh} / ${row.services.name.en}`,
          `请携带 Bring: ${row.services.requiredMaterials.map((m) => m.zh).join('、')}`,
          `${row.outlets.route.zh}`,
        ].join('\n'),
        now: deps.clock.now(),
      });
      c.header('Content-Type', 'text/calendar; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="booking-${b.appointmentNo}.ics"`);
      c.header('Cache-Control', 'no-store');
      return c.body(text, 200);
    })
    .openapi(cancel, async (c) => {
      const caller = citizenOf(c.get('principal'));
      const settings = await readSettings(db);
      const cancelled = await cancelBooking(db, caller, c.req.valid('param').id, deps.clock.now(), settings);
      return c.json(await bookingSummaryOf(db, caller.citizenId, cancelled.id, settings), 200);
    })
    .openapi(reschedule, async (c) => {
      const caller = citizenOf(c.get('principal'));
      const ipHash = deps.privacy.hash('ip', clientIp(c));
      await limitSubmits(ipHash, caller.citizenId);
      const settings = await readSettings(db);
      const outcome = await rescheduleBooking(db, caller, c.req.valid('param').id, c.req.valid('json'), deps.clock.now(), ipHash, settings);
      const summary = await bookingSummaryOf(db, caller.citizenId, outcome.booking.id, settings);
      return outcome.created ? c.json(summary, 201) : c.json(summary, 200);
    })
    .openapi(verify, async (c) => {
      await deps.rateLimits.consume(VOUCHER_CHECK_PER_KIOSK, expectPrincipal(c.get('principal'), 'device').deviceId);
      c.header('Cache-Control', 'no-store');
      return c.json(await verifyVoucher(db, deps.vouchers, c.req.valid('json').token, deps.clock.now()), 200);
    });
}
