/**
 * The lobby kiosk (a paired device, bound to one outlet): check-in with an appointment, walk-in
 * tickets, green-channel grants confirmed by a guide's code, and the last ticket again for a reprint.
 * And the console's green-channel grant by a signed-in guide or supervisor.
 *
 * Handlers validate, call server/check-in or server/queue (each one transaction), send the committed
 * events to the outlet's room, and answer with the ticket as the kiosk prints it.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { normalizeIdNumber } from '../../common/id-number.ts';
import { checkInRequest, issuedTicket, kioskGreenRequest, kioskTicket, staffGreenRequest, walkInOptions, walkInRequest } from '../../common/kiosk.ts';
import { serviceDate } from '../../common/time.ts';
import { tickets } from '../../db/schema.ts';
import type { AppDeps } from '../app.ts';
import { expectPrincipal } from '../auth/principal.ts';
import { checkIn } from '../check-in/check-in.ts';
import { walkIn, walkInOptions as optionsAt } from '../check-in/walk-in.ts';
import { readSettings } from '../domain/read-settings.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { named } from '../http/named-schema.ts';
import type { Limit } from '../http/rate-limit.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse, json, jsonBody } from '../http/schemas.ts';
import { grantGreen, staffByCode } from '../queue/green.ts';
import { kioskTicketOf, kioskTicketView } from '../queue/ticket-view.ts';

/** Per kiosk: a guide mistypes now and then; guessing six-digit codes must not be practical. */
export const STAFF_CODE_PER_KIOSK: Limit = { name: 'kiosk-staff-code:device', points: 5, durationSeconds: 300 };
/**
 * Check-ins and walk-ins per kiosk, and per ID number presented at any kiosk. A kiosk serves one
 * person at a time (ten a minute on a busy morning; the concurrency test sends 60 at once), so 600
 * a minute only stops a stolen device token driving a script; a person presses a few times, never
 * thirty in ten minutes, while trying appointment numbers against one ID card would need far more.
 */
export const CHECK_IN_PER_KIOSK: Limit = { name: 'kiosk-check-in:device', points: 600, durationSeconds: 60 };
export const CHECK_IN_PER_ID_NUMBER: Limit = { name: 'kiosk-check-in:id_number', points: 30, durationSeconds: 600 };

const idParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const ticketSchema = named(kioskTicket, 'KioskTicket');
const issuedSchema = named(issuedTicket.extend({ ticket: ticketSchema }), 'IssuedTicket');

const CHECK_IN_REFUSALS = '`appointment_not_found`, `appointment_not_yours`, `appointment_not_today` (names the day), '
  + '`appointment_other_outlet` (names the outlet and its address), `check_in_not_open` (says when it opens), `check_in_closed`, '
  + '`appointment_cancelled`, `appointment_missed`, `attorney_not_approved`, `blacklisted`, `ticket_already_waiting`, '
  + '`voucher_forged`, `voucher_altered`, `voucher_expired`, `id_number_*`.';

const checkInRoute = defineRoute(['kiosk'], {
  method: 'post',
  path: '/api/kiosk/check-in',
  tags: ['kiosk'],
  summary: 'Check in an appointment with the ID card and the appointment number (or the voucher\'s QR token)',
  description: `Idempotent: checking in a booking again gives its ticket again with 200. Refusals: ${CHECK_IN_REFUSALS}`,
  request: jsonBody(named(checkInRequest, 'CheckInRequest')),
  responses: {
    201: json('The ticket, issued now.', issuedSchema),
    200: json('The ticket this booking was given before.', issuedSchema),
    400: errorResponse('`validation_failed`, `id_number_*`, `voucher_forged`, `voucher_altered`.'),
    403: errorResponse('`appointment_not_yours`, `attorney_not_approved`, `blacklisted`.'),
    404: errorResponse('`appointment_not_found`.'),
    409: errorResponse('`appointment_not_today`, `appointment_other_outlet`, `check_in_not_open`, `check_in_closed`, `ticket_already_waiting`, `voucher_used`.'),
    410: errorResponse('`appointment_cancelled`, `appointment_missed`, `voucher_expired`.'),
    429: errorResponse('`rate_limited`, with `Retry-After`: per kiosk and per ID number.'),
  },
});

const optionsRoute = defineRoute(['kiosk'], {
  method: 'get',
  path: '/api/kiosk/walk-in-options',
  tags: ['kiosk'],
  summary: 'Whether the kiosk\'s outlet gives walk-in tickets now, and for which services',
  responses: { 200: json('The services with their queues.', named(walkInOptions, 'WalkInOptions')) },
});

const walkInRoute = defineRoute(['kiosk'], {
  method: 'post',
  path: '/api/kiosk/walk-ins',
  tags: ['kiosk'],
  summary: 'A walk-in ticket: one waiting ticket per ID and service',
  description: 'Asking again while that ticket waits gives it again with 200.',
  request: jsonBody(named(walkInRequest, 'WalkInRequest')),
  responses: {
    201: json('The ticket, issued now.', issuedSchema),
    200: json('The ticket this ID already holds for this service.', issuedSchema),
    400: errorResponse('`validation_failed`, `id_number_*`, `service_not_at_outlet`.'),
    404: errorResponse('No such service.'),
    409: errorResponse('`walk_ins_not_allowed`, `outlet_closed_now` (says the hours).'),
    429: errorResponse('`rate_limited`, with `Retry-After`: per kiosk and per ID number.'),
  },
});

const showRoute = defineRoute(['kiosk'], {
  method: 'get',
  path: '/api/kiosk/tickets/{id}',
  tags: ['kiosk'],
  summary: 'A ticket this outlet issued today, as it stands now (for a reprint)',
  request: { params: idParams },
  responses: { 200: json('The ticket.', ticketSchema), 404: errorResponse('`ticket_not_found`.') },
});

const kioskGreenRoute = defineRoute(['kiosk'], {
  method: 'post',
  path: '/api/kiosk/tickets/{id}/green',
  tags: ['kiosk'],
  summary: 'A guide confirms a green-channel grant at the kiosk with their staff code',
  request: { params: idParams, ...jsonBody(named(kioskGreenRequest, 'KioskGreenRequest')) },
  responses: {
    200: json('The ticket, now green.', ticketSchema),
    401: errorResponse('`staff_code_invalid`.'),
    404: errorResponse('`ticket_not_found`.'),
    409: errorResponse('`ticket_not_waiting`.'),
    429: errorResponse('`rate_limited`: five wrong codes in five minutes.'),
  },
});

const staffGreenRoute = defineRoute(['guide', 'supervisor'], {
  method: 'post',
  path: '/api/tickets/{id}/green',
  tags: ['queue'],
  summary: 'A guide or supervisor makes a waiting ticket green from the console',
  request: { params: idParams, ...jsonBody(named(staffGreenRequest, 'StaffGreenRequest')) },
  responses: {
    200: json('The ticket, now green.', ticketSchema),
    404: errorResponse('`ticket_not_found` (or not at one of the caller\'s outlets).'),
    409: errorResponse('`ticket_not_waiting`.'),
  },
});

/** The origin a phone reaches: the public URL behind a proxy, else the one the kiosk used. */
function publicBase(publicUrl: string | undefined, c: Context<AppEnv>): string {
  return publicUrl ?? new URL(c.req.url).origin;
}

export function kioskRoutes(deps: Pick<AppDeps, 'database' | 'clock' | 'privacy' | 'vouchers' | 'live' | 'rateLimits' | 'publicUrl'>) {
  const { db } = deps.database;
  const kioskOf = (c: Context<AppEnv>) => {
    const device = expectPrincipal(c.get('principal'), 'device');
    return { deviceId: device.deviceId, outletId: device.outletId };
  };
  /** Counted before the lookup, found or not, so the limit is no oracle. Both limits at once: two statements side by side. */
  const limitLookups = async (deviceId: string, idNumber: string) => {
    await Promise.all([
      deps.rateLimits.consume(CHECK_IN_PER_KIOSK, deviceId),
      deps.rateLimits.consume(CHECK_IN_PER_ID_NUMBER, deps.privacy.hash('id_number', normalizeIdNumber(idNumber))),
    ]);
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(checkInRoute, async (c) => {
      const kiosk = kioskOf(c);
      const request = c.req.valid('json');
      await limitLookups(kiosk.deviceId, request.idNumber);
      const now = deps.clock.now();
      const settings = await readSettings(db);
      const outcome = await checkIn({ db, privacy: deps.privacy, vouchers: deps.vouchers }, kiosk, request, settings, now);
      deps.live.publish(outcome.events);
      // From what the transaction read and wrote: the ticket and its names are not read again.
      const ticket = await kioskTicketOf(db, outcome.ticket, outcome.printed, settings, now, publicBase(deps.publicUrl, c));
      return c.json({ ticket, created: outcome.created }, outcome.created ? 201 : 200);
    })
    .openapi(optionsRoute, async (c) => c.json(await optionsAt(db, kioskOf(c), deps.clock.now()), 200))
    .openapi(walkInRoute, async (c) => {
      const kiosk = kioskOf(c);
      const request = c.req.valid('json');
      await limitLookups(kiosk.deviceId, request.idNumber);
      const now = deps.clock.now();
      const settings = await readSettings(db);
      const outcome = await walkIn({ db, privacy: deps.privacy }, kiosk, request, settings, now);
      deps.live.publish(outcome.events);
      const ticket = await kioskTicketView(db, outcome.ticket.id, settings, now, publicBase(deps.publicUrl, c));
      return c.json({ ticket, created: outcome.created }, outcome.created ? 201 : 200);
    })
    .openapi(showRoute, async (c) => {
      const now = deps.clock.now();
      const kiosk = kioskOf(c);
      const { id } = c.req.valid('param');
      const [own] = await db.select({ id: tickets.id }).from(tickets)
        .where(and(eq(tickets.id, id), eq(tickets.outletId, kiosk.outletId), eq(tickets.serviceDate, serviceDate(now))));
      if (!own) throw new AppError('ticket_not_found');
      return c.json(await kioskTicketView(db, id, await readSettings(db), now, publicBase(deps.publicUrl, c)), 200);
    })
    .openapi(kioskGreenRoute, async (c) => {
      const now = deps.clock.now();
      const kiosk = kioskOf(c);
      const { id } = c.req.valid('param');
      const request = c.req.valid('json');
      // Counted before checking, so a wrong code and a right one cost the same: no oracle.
      await deps.rateLimits.consume(STAFF_CODE_PER_KIOSK, kiosk.deviceId);
      const confirmer = await staffByCode(db, kiosk.outletId, request.staffCode);
      if (!confirmer) throw new AppError('staff_code_invalid');
      await deps.rateLimits.reset(STAFF_CODE_PER_KIOSK, kiosk.deviceId);
      const outcome = await grantGreen(db, {
        ticketId: id, outletIds: [kiosk.outletId], reason: request.reason, staffId: confirmer.id, via: { kind: 'kiosk', deviceId: kiosk.deviceId },
      }, now);
      deps.live.publish(outcome.events);
      return c.json(await kioskTicketView(db, id, await readSettings(db), now, publicBase(deps.publicUrl, c)), 200);
    })
    .openapi(staffGreenRoute, async (c) => {
      const now = deps.clock.now();
      const member = expectPrincipal(c.get('principal'), 'staff');
      const { id } = c.req.valid('param');
      const request = c.req.valid('json');
      const outcome = await grantGreen(db, {
        ticketId: id, outletIds: member.outletIds, reason: request.reason, staffId: member.staffId, via: { kind: 'console' }, note: request.note,
      }, now);
      deps.live.publish(outcome.events);
      return c.json(await kioskTicketView(db, id, await readSettings(db), now, publicBase(deps.publicUrl, c)), 200);
    });
}
