/** Staff accounts: sign-in with throttling and lockout, the session, sign-out. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { staff } from '../../db/schema.ts';
import type { AppDeps } from '../app.ts';
import { expectPrincipal, STAFF_ROLES } from '../auth/principal.ts';
import type { AppEnv } from '../http/env.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse } from '../http/schemas.ts';

export const staffMeSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(STAFF_ROLES),
    outletIds: z.array(z.string()),
    csrfToken: z.string(),
  })
  .openapi('StaffMe');

const me = defineRoute(STAFF_ROLES, {
  method: 'get',
  path: '/api/staff/me',
  tags: ['staff'],
  summary: 'The signed-in staff member',
  responses: {
    200: { description: 'The session.', content: { 'application/json': { schema: staffMeSchema } } },
    401: errorResponse('No staff session.'),
  },
});

export function staffRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>().openapi(me, async (c) => {
    const principal = expectPrincipal(c.get('principal'), 'staff');
    const [member] = await db.select().from(staff).where(eq(staff.id, principal.staffId));
    return c.json({
      id: principal.staffId,
      username: member!.username,
      displayName: member!.displayName,
      role: principal.role,
      outletIds: principal.outletIds,
      csrfToken: c.get('csrfToken') ?? '',
    }, 200);
  });
}
