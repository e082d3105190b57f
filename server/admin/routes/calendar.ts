/** The calendar: a month per outlet (official days, overrides, hours), and local overrides added or removed (with a preview). */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { addOverridesRequest, calendarDay, calendarMonth, calendarMonthQuery, calendarOverride, overrideRemoved, overridesAdded } from '../../../common/admin.ts';
import type { AppDeps } from '../../app.ts';
import { expectPrincipal } from '../../auth/principal.ts';
import type { AppEnv } from '../../http/env.ts';
import { named } from '../../http/named-schema.ts';
import { defineRoute } from '../../http/route.ts';
import { errorResponse } from '../../http/schemas.ts';
import { calendarMonth as readMonth } from '../calendar-month.ts';
import { addOverrides, removeOverride } from '../calendar-overrides.ts';
import { ADMIN, body, DRY_RUN_NOTE, dryRunParams, impactSchema, isDryRun, json, pathParams } from './openapi.ts';

const overrideSchema = named(calendarOverride, 'CalendarOverride');

const month = defineRoute(ADMIN, {
  method: 'get',
  path: '/api/admin/calendar/{outletId}',
  tags: ['admin'],
  summary: 'A month of an outlet\'s calendar: official holidays and make-up days, local overrides with reasons, hours, bookings',
  request: { params: pathParams({ outletId: z.string().max(64) }), query: calendarMonthQuery },
  responses: {
    200: json('Every day of the month.', named(calendarMonth.extend({ days: z.array(named(calendarDay, 'CalendarDay')) }), 'CalendarMonth')),
    404: errorResponse('No such outlet.'),
  },
});

const add = defineRoute(ADMIN, {
  method: 'post',
  path: '/api/admin/calendar/overrides',
  tags: ['admin'],
  summary: 'Close or open days locally (one outlet, or every outlet with `outletId: null`); says which bookings a closure spoils',
  description: `Each day from \`from\` to \`to\` (at most 35) gets the override, replacing one it had. Bookings are not cancelled: `
    + `\`impact.suggestedNotice\` is the closure notice to publish, which tells their holders. ${DRY_RUN_NOTE}`,
  request: { query: dryRunParams, body: body(named(addOverridesRequest, 'AddOverridesRequest')) },
  responses: {
    200: json('The overrides and the bookings affected.', named(overridesAdded.extend({ overrides: z.array(overrideSchema), impact: impactSchema }), 'OverridesAdded')),
    400: errorResponse('`validation_failed`: a day in the past, `to` before `from`, too long a span, an unknown outlet.'),
  },
});

const remove = defineRoute(ADMIN, {
  method: 'delete',
  path: '/api/admin/calendar/overrides/{overrideId}',
  tags: ['admin'],
  summary: 'Remove a local override: a closed day opens again (its slots too), an extra open day closes',
  description: DRY_RUN_NOTE,
  request: { params: pathParams({ overrideId: z.uuid() }), query: dryRunParams },
  responses: {
    200: json('The removed override, slots reopened, bookings affected.', named(overrideRemoved.extend({ removed: overrideSchema, impact: impactSchema }), 'OverrideRemoved')),
    404: errorResponse('No such override.'),
  },
});

export function adminCalendarRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>()
    .openapi(month, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await readMonth(db, c.req.valid('param').outletId, c.req.valid('query').month), 200);
    })
    .openapi(add, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await addOverrides(db, staff, c.req.valid('json'), { dryRun: isDryRun(c.req.valid('query')), now: deps.clock.now() }), 200);
    })
    .openapi(remove, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await removeOverride(db, staff, c.req.valid('param').overrideId, { dryRun: isDryRun(c.req.valid('query')), now: deps.clock.now() }), 200);
    });
}
