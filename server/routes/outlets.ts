/** The outlets, as the public notices describe them: for the console's pickers and the pages. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { outletList, outletSummary } from '../../common/outlets.ts';
import { outlets } from '../../db/schema.ts';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../http/env.ts';
import { named } from '../http/named-schema.ts';
import { defineRoute } from '../http/route.ts';

const outletSummarySchema = named(outletSummary, 'OutletSummary');

const list = defineRoute(['public'], {
  method: 'get',
  path: '/api/outlets',
  tags: ['outlets'],
  summary: 'The active outlets: offices first, then service points',
  responses: {
    200: {
      description: 'Names and addresses, both languages.',
      content: { 'application/json': { schema: named(outletList.extend({ outlets: outletSummarySchema.array() }), 'OutletList') } },
    },
  },
});

export function outletRoutes(deps: Pick<AppDeps, 'database'>) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>().openapi(list, async (c) => {
    const rows = await db
      .select({ id: outlets.id, kind: outlets.kind, name: outlets.name, address: outlets.address })
      .from(outlets)
      .where(eq(outlets.active, true))
      // 'office' sorts before 'service_point'.
      .orderBy(asc(outlets.kind), asc(outlets.createdAt), asc(outlets.id));
    return c.json({ outlets: rows }, 200);
  });
}
