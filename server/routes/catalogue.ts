/**
 * The public catalogue: bookable services with their materials, the outlets that handle each, and
 * availability (bookable dates, and a date's slots with seats left). Asking for availability
 * materialises the slots of open days (server/booking/availability.ts).
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { availabilityQuery, availableDates, outletDetail, serviceList, serviceOutlets, serviceSummary, slotList, slotsQuery } from '../../common/booking.ts';
import { serviceDate } from '../../common/time.ts';
import { outletServices, outlets, services, type Service } from '../../db/schema.ts';
import type { AppDeps } from '../app.ts';
import { loadOverrides, materialiseSlots, openDays, serviceAtOutlet, slotsOn } from '../booking/availability.ts';
import { bookingWindow, closedDaysInWindow, dayStatus, windowHorizon } from '../booking/calendar.ts';
import { shortTime } from '../booking/slots.ts';
import { readSettings } from '../domain/read-settings.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { named } from '../http/named-schema.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse, json } from '../http/schemas.ts';

const serviceSummarySchema = named(serviceSummary, 'ServiceSummary');

const listServices = defineRoute(['public'], {
  method: 'get',
  path: '/api/services',
  tags: ['catalogue'],
  summary: 'The services a citizen can book, with the materials to bring',
  responses: { 200: json('In the catalogue\'s order.', named(serviceList.extend({ services: serviceSummarySchema.array() }), 'ServiceList')) },
});

const outletsOfService = defineRoute(['public'], {
  method: 'get',
  path: '/api/services/{serviceId}/outlets',
  tags: ['catalogue'],
  summary: 'The outlets that handle a service: address, opening hours, how to get there',
  request: { params: z.object({ serviceId: z.string().max(64).openapi({ param: { name: 'serviceId', in: 'path' } }) }) },
  responses: {
    200: json('Offices first, then service points.', named(serviceOutlets.extend({ service: serviceSummarySchema, outlets: named(outletDetail, 'OutletDetail').array() }), 'ServiceOutlets')),
    404: errorResponse('No such bookable service.'),
  },
});

const dates = defineRoute(['public'], {
  method: 'get',
  path: '/api/availability/dates',
  tags: ['catalogue'],
  summary: 'The bookable dates of a service at an outlet, with seats left, and the closed days between',
  description: 'From tomorrow, the outlet\'s next N working days (setting `bookingWindowWorkingDays`, default 7; the Nth included).',
  request: { query: availabilityQuery },
  responses: {
    200: json('The window.', named(availableDates, 'AvailableDates')),
    400: errorResponse('`service_not_at_outlet`, `validation_failed`.'),
    404: errorResponse('No such service or outlet.'),
  },
});

const slotsOfDate = defineRoute(['public'], {
  method: 'get',
  path: '/api/availability/slots',
  tags: ['catalogue'],
  summary: 'The time slots of one date with seats left',
  description: 'A closed day or a day outside the window has no slots; `status` says which.',
  request: { query: slotsQuery },
  responses: {
    200: json('The slots, by start time.', named(slotList, 'SlotList')),
    400: errorResponse('`service_not_at_outlet`, `validation_failed`.'),
    404: errorResponse('No such service or outlet.'),
  },
});

const summaryOf = (s: Service) => ({
  id: s.id, groupId: s.groupId, name: s.name, description: s.description, averageMinutes: s.averageMinutes, requiredMaterials: s.requiredMaterials,
});

export function catalogueRoutes(deps: Pick<AppDeps, 'database' | 'clock'>) {
  const { db } = deps.database;

  /** The window for (service, outlet) now, with the overrides it was computed from. */
  async function windowOf(serviceId: string, outletId: string) {
    const settings = await readSettings(db);
    const { service, outlet } = await serviceAtOutlet(db, serviceId, outletId);
    const today = serviceDate(deps.clock.now());
    const overrides = await loadOverrides(db, outlet.id, today, windowHorizon(today, settings.bookingWindowWorkingDays));
    return { service, outlet, today, overrides, window: bookingWindow(outlet, today, settings.bookingWindowWorkingDays, overrides) };
  }

  return new OpenAPIHono<AppEnv>()
    .openapi(listServices, async (c) => {
      const rows = await db.select().from(services).where(and(eq(services.active, true), eq(services.bookable, true))).orderBy(asc(services.sortOrder), asc(services.id));
      return c.json({ services: rows.map(summaryOf) }, 200);
    })
    .openapi(outletsOfService, async (c) => {
      const { serviceId } = c.req.valid('param');
      const [service] = await db.select().from(services).where(and(eq(services.id, serviceId), eq(services.active, true), eq(services.bookable, true)));
      if (!service) throw new AppError('not_found');
      const rows = await db.select({ outlet: outlets }).from(outletServices).innerJoin(outlets, eq(outlets.id, outletServices.outletId))
        .where(and(eq(outletServices.serviceId, serviceId), eq(outlets.active, true)))
        .orderBy(asc(outlets.kind), asc(outlets.createdAt), asc(outlets.id));
      return c.json({
        service: summaryOf(service),
        outlets: rows.map(({ outlet: o }) => ({ id: o.id, kind: o.kind, name: o.name, address: o.address, route: o.route, phone: o.phone, openingHours: o.openingHours })),
      }, 200);
    })
    .openapi(dates, async (c) => {
      const { serviceId, outletId } = c.req.valid('query');
      const { service, outlet, today, overrides, window } = await windowOf(serviceId, outletId);
      await materialiseSlots(db, outlet.id, service.groupId, openDays(outlet, window, overrides));
      const seats = new Map<string, { capacity: number; seatsLeft: number }>();
      for (const slot of await slotsOn(db, outlet.id, service.groupId, window)) {
        const day = seats.get(slot.date) ?? { capacity: 0, seatsLeft: 0 };
        if (!slot.closed) {
          day.capacity += slot.capacity;
          day.seatsLeft += slot.capacity - slot.booked;
        }
        seats.set(slot.date, day);
      }
      c.header('Cache-Control', 'no-store');
      return c.json({
        serviceId, outletId,
        dates: window.map((date) => ({ date, ...(seats.get(date) ?? { capacity: 0, seatsLeft: 0 }) })),
        closedDates: closedDaysInWindow(outlet, today, window, overrides),
      }, 200);
    })
    .openapi(slotsOfDate, async (c) => {
      const { serviceId, outletId, date } = c.req.valid('query');
      // 2026-02-30 matches the pattern but is no day: it was answered 200 `outside_window` (test/hostile).
      const parsed = new Date(`${date}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(date)) throw new AppError('validation_failed', { fields: { date: 'invalid_date' } });
      const { service, outlet, overrides, window } = await windowOf(serviceId, outletId);
      c.header('Cache-Control', 'no-store');
      const status = dayStatus(outlet, date, overrides);
      if (!status.open) return c.json({ date, status: 'closed' as const, reason: status.reason, slots: [] }, 200);
      if (!window.includes(date)) return c.json({ date, status: 'outside_window' as const, slots: [] }, 200);
      await materialiseSlots(db, outlet.id, service.groupId, [{ date, hours: status.hours }]);
      const rows = (await slotsOn(db, outlet.id, service.groupId, [date])).filter((s) => !s.closed);
      return c.json({
        date, status: 'open' as const,
        slots: rows.map((s) => ({ id: s.id, startsAt: shortTime(s.startsAt), endsAt: shortTime(s.endsAt), capacity: s.capacity, seatsLeft: s.capacity - s.booked })),
      }, 200);
    });
}
