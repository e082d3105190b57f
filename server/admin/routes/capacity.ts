/** Capacity per service group per slot at each outlet: read, and set (with a preview). */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { capacityChanged, capacityList, capacityPlan, capacityQuery, updateCapacityRequest } from '../../../common/admin.ts';
import type { AppDeps } from '../../app.ts';
import { expectPrincipal } from '../../auth/principal.ts';
import type { AppEnv } from '../../http/env.ts';
import { named } from '../../http/named-schema.ts';
import { defineRoute } from '../../http/route.ts';
import { errorResponse } from '../../http/schemas.ts';
import { listCapacity, updateCapacity } from '../capacity.ts';
import { ADMIN, body, DRY_RUN_NOTE, dryRunParams, impactSchema, isDryRun, json, pathParams } from './openapi.ts';

const planSchema = named(capacityPlan, 'CapacityPlan');

const list = defineRoute(ADMIN, {
  method: 'get',
  path: '/api/admin/capacity',
  tags: ['admin'],
  summary: 'Slot length and seats per slot of each service group at each outlet (or one outlet)',
  request: { query: capacityQuery },
  responses: { 200: json('Plans, and the groups offered without one.', named(capacityList.extend({ plans: z.array(planSchema) }), 'CapacityList')) },
});

const update = defineRoute(ADMIN, {
  method: 'put',
  path: '/api/admin/capacity/{outletId}/{groupId}',
  tags: ['admin'],
  summary: 'Set a group\'s slot length and seats at an outlet; says which bookings end up beyond capacity',
  description: 'Days already opened for booking (from tomorrow) take the new seats in their slots of the same length, never below '
    + `the seats already booked; bookings beyond the new capacity stay and are counted. Other days follow the plan when first opened. ${DRY_RUN_NOTE}`,
  request: {
    params: pathParams({ outletId: z.string().max(64), groupId: z.string().max(64) }),
    query: dryRunParams,
    body: body(named(updateCapacityRequest, 'UpdateCapacityRequest')),
  },
  responses: {
    200: json('The plan, the slots it changed and the bookings affected.', named(capacityChanged.extend({ plan: planSchema, impact: impactSchema }), 'CapacityChanged')),
    400: errorResponse('`validation_failed`.'),
    404: errorResponse('No such outlet or group.'),
  },
});

export function adminCapacityRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => c.json(await listCapacity(db, c.req.valid('query').outletId), 200))
    .openapi(update, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      const { outletId, groupId } = c.req.valid('param');
      const changed = await updateCapacity(db, staff, outletId, groupId, c.req.valid('json'), { dryRun: isDryRun(c.req.valid('query')), now: deps.clock.now() });
      return c.json(changed, 200);
    });
}
