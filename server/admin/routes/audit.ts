/** The audit log, searched and paged; administrators see everything, supervisors their outlets'. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { auditEntry, auditPage, auditQuery } from '../../../common/admin.ts';
import type { AppDeps } from '../../app.ts';
import { expectPrincipal } from '../../auth/principal.ts';
import type { AppEnv } from '../../http/env.ts';
import { named } from '../../http/named-schema.ts';
import { defineRoute } from '../../http/route.ts';
import { errorResponse } from '../../http/schemas.ts';
import { searchAudit } from '../audit-search.ts';
import { ADMIN_OR_SUPERVISOR, json } from './openapi.ts';

const search = defineRoute(ADMIN_OR_SUPERVISOR, {
  method: 'get',
  path: '/api/admin/audit',
  tags: ['admin'],
  summary: 'Audit log entries, newest first, by action prefix, actor, target, outlet and time; `before` pages on',
  description: 'Read-only. A supervisor sees the entries of their own outlets only.',
  request: { query: auditQuery },
  responses: {
    200: json('One page; `next` is the `before` of the following one.', named(auditPage.extend({ entries: z.array(named(auditEntry, 'AuditEntry')) }), 'AuditPage')),
    403: errorResponse('A supervisor asking for an outlet not theirs.'),
  },
});

export function adminAuditRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>().openapi(search, async (c) => {
    const viewer = expectPrincipal(c.get('principal'), 'staff');
    c.header('Cache-Control', 'no-store');
    return c.json(await searchAudit(db, viewer, c.req.valid('query')), 200);
  });
}
