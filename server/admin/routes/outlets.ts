/** Outlets: list, and change hours, walk-ins, active, phone, address and route (with a preview). */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { adminOutlet, adminOutletList, outletChanged, updateOutletRequest } from '../../../common/admin.ts';
import type { AppDeps } from '../../app.ts';
import { expectPrincipal } from '../../auth/principal.ts';
import type { AppEnv } from '../../http/env.ts';
import { named } from '../../http/named-schema.ts';
import { defineRoute } from '../../http/route.ts';
import { errorResponse } from '../../http/schemas.ts';
import { listOutlets, updateOutlet } from '../outlets.ts';
import { ADMIN, body, DRY_RUN_NOTE, dryRunParams, impactSchema, isDryRun, json, pathParams } from './openapi.ts';

const outletSchema = named(adminOutlet, 'AdminOutlet');

const list = defineRoute(ADMIN, {
  method: 'get',
  path: '/api/admin/outlets',
  tags: ['admin'],
  summary: 'Every outlet, inactive ones included, with hours, walk-ins and the services offered',
  responses: { 200: json('Offices first.', named(adminOutletList.extend({ outlets: z.array(outletSchema) }), 'AdminOutletList')) },
});

const update = defineRoute(ADMIN, {
  method: 'patch',
  path: '/api/admin/outlets/{outletId}',
  tags: ['admin'],
  summary: 'Change an outlet\'s hours, walk-ins, active, phone, address or route; says which bookings it spoils',
  description: `Only what is sent changes. Shorter hours close the slots already made that no longer fit; bookings are never cancelled. ${DRY_RUN_NOTE}`,
  request: { params: pathParams({ outletId: z.string().max(64) }), query: dryRunParams, body: body(named(updateOutletRequest, 'UpdateOutletRequest')) },
  responses: {
    200: json('The outlet and the bookings affected.', named(outletChanged.extend({ outlet: outletSchema, impact: impactSchema }), 'OutletChanged')),
    400: errorResponse('`validation_failed`: hours that overlap or close before they open (`fields`).'),
    404: errorResponse('No such outlet.'),
  },
});

export function adminOutletRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => c.json({ outlets: await listOutlets(db) }, 200))
    .openapi(update, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      const changed = await updateOutlet(db, staff, c.req.valid('param').outletId, c.req.valid('json'), { dryRun: isDryRun(c.req.valid('query')), now: deps.clock.now() });
      return c.json(changed, 200);
    });
}
