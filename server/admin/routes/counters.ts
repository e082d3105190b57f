/** Counters: list, create, change number/name/services, deactivate (only with no ticket in hand). */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { adminCounter, adminCounterList, counterQuery, createCounterRequest, updateCounterRequest } from '../../../common/admin.ts';
import type { AppDeps } from '../../app.ts';
import { expectPrincipal } from '../../auth/principal.ts';
import type { AppEnv } from '../../http/env.ts';
import { named } from '../../http/named-schema.ts';
import { defineRoute } from '../../http/route.ts';
import { errorResponse } from '../../http/schemas.ts';
import { createCounter, deactivateCounter, listCounters, updateCounter } from '../counters.ts';
import { ADMIN, body, json, pathParams } from './openapi.ts';

const counterSchema = named(adminCounter, 'AdminCounter');
const counterParams = pathParams({ counterId: z.uuid() });

const list = defineRoute(ADMIN, {
  method: 'get',
  path: '/api/admin/counters',
  tags: ['admin'],
  summary: 'Counters (of one outlet, or all) with the services each handles and any ticket in hand',
  request: { query: counterQuery },
  responses: { 200: json('By outlet and number.', named(adminCounterList.extend({ counters: z.array(counterSchema) }), 'AdminCounterList')) },
});

const create = defineRoute(ADMIN, {
  method: 'post',
  path: '/api/admin/counters',
  tags: ['admin'],
  summary: 'Add a counter: number (announced), name, services it handles (offered at its outlet)',
  request: { body: body(named(createCounterRequest, 'CreateCounterRequest')) },
  responses: {
    201: json('The counter, closed.', counterSchema),
    400: errorResponse('`validation_failed`: unknown outlet, a service not offered there.'),
    409: errorResponse('`counter_number_taken`.'),
  },
});

const update = defineRoute(ADMIN, {
  method: 'patch',
  path: '/api/admin/counters/{counterId}',
  tags: ['admin'],
  summary: 'Change a counter\'s number, name or services (`serviceIds` replaces the list)',
  request: { params: counterParams, body: body(named(updateCounterRequest, 'UpdateCounterRequest')) },
  responses: {
    200: json('The counter.', counterSchema),
    400: errorResponse('`validation_failed`.'),
    404: errorResponse('No such counter.'),
    409: errorResponse('`counter_number_taken`.'),
  },
});

const deactivate = defineRoute(ADMIN, {
  method: 'post',
  path: '/api/admin/counters/{counterId}/deactivate',
  tags: ['admin'],
  summary: 'Take a counter out of service: closed, nobody at it, no services — only when no ticket is in hand',
  request: { params: counterParams },
  responses: {
    200: json('The counter.', counterSchema),
    404: errorResponse('No such counter.'),
    409: errorResponse('`counter_busy`: a ticket is called or being served there (named in `details.ticket`).'),
  },
});

export function adminCounterRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => c.json({ counters: await listCounters(db, c.req.valid('query').outletId) }, 200))
    .openapi(create, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await createCounter(db, staff, c.req.valid('json'), deps.clock.now()), 201);
    })
    .openapi(update, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await updateCounter(db, staff, c.req.valid('param').counterId, c.req.valid('json'), deps.clock.now()), 200);
    })
    .openapi(deactivate, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await deactivateCounter(db, staff, c.req.valid('param').counterId, deps.clock.now()), 200);
    });
}
