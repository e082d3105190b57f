/** Services and service groups: list; change a service (with a preview); create and change groups. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  adminService, adminServiceList, createServiceGroupRequest, serviceChanged, serviceGroup, serviceGroupList,
  updateServiceGroupRequest, updateServiceRequest,
} from '../../../common/admin.ts';
import type { AppDeps } from '../../app.ts';
import { expectPrincipal } from '../../auth/principal.ts';
import type { AppEnv } from '../../http/env.ts';
import { named } from '../../http/named-schema.ts';
import { defineRoute } from '../../http/route.ts';
import { errorResponse } from '../../http/schemas.ts';
import { createServiceGroup, listServiceGroups, updateServiceGroup } from '../service-groups.ts';
import { listServices, updateService } from '../services.ts';
import { ADMIN, body, DRY_RUN_NOTE, dryRunParams, impactSchema, isDryRun, json, pathParams } from './openapi.ts';

const serviceSchema = named(adminService, 'AdminService');
const groupSchema = named(serviceGroup, 'ServiceGroup');
const groupParams = pathParams({ groupId: z.string().max(64) });

const list = defineRoute(ADMIN, {
  method: 'get',
  path: '/api/admin/services',
  tags: ['admin'],
  summary: 'Every service (journey steps and inactive ones included): group, prefix, steps, minutes, materials, outlets',
  responses: { 200: json('In the catalogue\'s order.', named(adminServiceList.extend({ services: z.array(serviceSchema) }), 'AdminServiceList')) },
});

const update = defineRoute(ADMIN, {
  method: 'patch',
  path: '/api/admin/services/{serviceId}',
  tags: ['admin'],
  summary: 'Change a service\'s minutes, materials, bookable, active, steps or outlets; says which bookings it spoils',
  description: `Only what is sent changes; \`steps\` and \`outletIds\` replace the lists. Taking the service out of service, or away from an outlet, spoils its bookings there (never cancelled). ${DRY_RUN_NOTE}`,
  request: { params: pathParams({ serviceId: z.string().max(64) }), query: dryRunParams, body: body(named(updateServiceRequest, 'UpdateServiceRequest')) },
  responses: {
    200: json('The service and the bookings affected.', named(serviceChanged.extend({ service: serviceSchema, impact: impactSchema }), 'ServiceChanged')),
    400: errorResponse('`service_steps_invalid` (`fields` per step), `validation_failed` (an unknown outlet).'),
    404: errorResponse('No such service.'),
  },
});

const listGroups = defineRoute(ADMIN, {
  method: 'get',
  path: '/api/admin/service-groups',
  tags: ['admin'],
  summary: 'Service groups with their ticket prefixes',
  responses: { 200: json('By prefix.', named(serviceGroupList.extend({ groups: z.array(groupSchema) }), 'ServiceGroupList')) },
});

const createGroup = defineRoute(ADMIN, {
  method: 'post',
  path: '/api/admin/service-groups',
  tags: ['admin'],
  summary: 'Add a service group with its own ticket prefix (A–Z, unique)',
  request: { body: body(named(createServiceGroupRequest, 'CreateServiceGroupRequest')) },
  responses: {
    201: json('The group.', groupSchema),
    400: errorResponse('`validation_failed`.'),
    409: errorResponse('`service_group_prefix_taken`, `service_group_id_taken`.'),
  },
});

const updateGroup = defineRoute(ADMIN, {
  method: 'patch',
  path: '/api/admin/service-groups/{groupId}',
  tags: ['admin'],
  summary: 'Rename a group or change its prefix (tickets issued from then on)',
  request: { params: groupParams, body: body(named(updateServiceGroupRequest, 'UpdateServiceGroupRequest')) },
  responses: {
    200: json('The group.', groupSchema),
    404: errorResponse('No such group.'),
    409: errorResponse('`service_group_prefix_taken`.'),
  },
});

export function adminServiceRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => c.json({ services: await listServices(db) }, 200))
    .openapi(update, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      const changed = await updateService(db, staff, c.req.valid('param').serviceId, c.req.valid('json'), { dryRun: isDryRun(c.req.valid('query')), now: deps.clock.now() });
      return c.json(changed, 200);
    })
    .openapi(listGroups, async (c) => c.json({ groups: await listServiceGroups(db) }, 200))
    .openapi(createGroup, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await createServiceGroup(db, staff, c.req.valid('json'), deps.clock.now()), 201);
    })
    .openapi(updateGroup, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await updateServiceGroup(db, staff, c.req.valid('param').groupId, c.req.valid('json'), deps.clock.now()), 200);
    });
}
