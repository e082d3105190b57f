/** Health, metrics and the API description: what operators and load balancers call. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { DatabaseHandle } from '../../db/client.ts';
import { AppError, isDatabaseUnavailable } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { Metrics } from '../http/metrics.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse } from '../http/schemas.ts';

const health = defineRoute(['public'], {
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'Liveness and database reachability',
  responses: {
    200: {
      description: 'The server and its database answer.',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } },
    },
    503: errorResponse('The database does not answer.'),
  },
});

const metricsRoute = defineRoute(['public'], {
  method: 'get',
  path: '/metrics',
  tags: ['system'],
  summary: 'Prometheus metrics',
  responses: { 200: { description: 'Prometheus text exposition format.', content: { 'text/plain': { schema: z.string() } } } },
});

export function systemRoutes(deps: { database: DatabaseHandle; metrics: Metrics }) {
  return new OpenAPIHono<AppEnv>()
    .openapi(health, async (c) => {
      try {
        await deps.database.ping();
      } catch (error) {
        // Whatever broke, the answer to a health check is "unavailable", never a 500.
        throw new AppError('database_unavailable', { cause: error, detail: isDatabaseUnavailable(error) ? 'unreachable' : 'ping failed' });
      }
      return c.json({ status: 'ok' as const, database: deps.database.kind }, 200);
    })
    .openapi(metricsRoute, async (c) => {
      return c.text(await deps.metrics.registry.metrics(), 200, { 'Content-Type': deps.metrics.registry.contentType });
    });
}
