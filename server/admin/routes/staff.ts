/** Staff accounts: list, create, change role/outlets/name/active, reset the password, set the staff code. Never a hash. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { createStaffRequest, resetPasswordRequest, setStaffCodeRequest, staffAccount, staffAccountList, updateStaffRequest } from '../../../common/admin.ts';
import type { AppDeps } from '../../app.ts';
import { expectPrincipal } from '../../auth/principal.ts';
import type { AppEnv } from '../../http/env.ts';
import { named } from '../../http/named-schema.ts';
import { defineRoute } from '../../http/route.ts';
import { errorResponse } from '../../http/schemas.ts';
import { createStaff, listStaff, resetPassword, setStaffCode, updateStaff, type StaffChange } from '../staff-accounts.ts';
import { ADMIN, body, json, pathParams } from './openapi.ts';

const accountSchema = named(staffAccount, 'StaffAccount');
const staffParams = pathParams({ staffId: z.uuid() });

const list = defineRoute(ADMIN, {
  method: 'get',
  path: '/api/admin/staff',
  tags: ['admin'],
  summary: 'Every staff account with role, outlets, whether active, locked or holding a staff code',
  responses: { 200: json('By role and user name.', named(staffAccountList.extend({ staff: z.array(accountSchema) }), 'StaffAccountList')) },
});

const create = defineRoute(ADMIN, {
  method: 'post',
  path: '/api/admin/staff',
  tags: ['admin'],
  summary: 'Add a member of staff with an initial password (and, for guides and supervisors, a staff code)',
  request: { body: body(named(createStaffRequest, 'CreateStaffRequest')) },
  responses: {
    201: json('The account.', accountSchema),
    400: errorResponse('`validation_failed` (a short password, an unknown outlet), `staff_code_role`.'),
    409: errorResponse('`staff_username_taken`, `staff_code_in_use`.'),
  },
});

const update = defineRoute(ADMIN, {
  method: 'patch',
  path: '/api/admin/staff/{staffId}',
  tags: ['admin'],
  summary: 'Change a member of staff\'s name, role, outlets or whether the account is active',
  description: 'Deactivating ends the account\'s sessions; a change of role or outlets drops its live connections so they rejoin with the new rights.',
  request: { params: staffParams, body: body(named(updateStaffRequest, 'UpdateStaffRequest')) },
  responses: {
    200: json('The account.', accountSchema),
    400: errorResponse('`validation_failed`.'),
    404: errorResponse('No such account.'),
    409: errorResponse('`last_admin`: the last active administrator cannot be deactivated or demoted.'),
  },
});

const password = defineRoute(ADMIN, {
  method: 'post',
  path: '/api/admin/staff/{staffId}/password',
  tags: ['admin'],
  summary: 'Set a new password: unlocks the account and signs out its other sessions',
  request: { params: staffParams, body: body(named(resetPasswordRequest, 'ResetPasswordRequest')) },
  responses: {
    200: json('The account.', accountSchema),
    400: errorResponse('`validation_failed`: too short.'),
    404: errorResponse('No such account.'),
  },
});

const code = defineRoute(ADMIN, {
  method: 'post',
  path: '/api/admin/staff/{staffId}/staff-code',
  tags: ['admin'],
  summary: 'Set (or with null clear) the staff code a guide or supervisor types at the kiosk',
  request: { params: staffParams, body: body(named(setStaffCodeRequest, 'SetStaffCodeRequest')) },
  responses: {
    200: json('The account.', accountSchema),
    400: errorResponse('`validation_failed` (6–12 digits), `staff_code_role`.'),
    404: errorResponse('No such account.'),
    409: errorResponse('`staff_code_in_use` at one of the same outlets.'),
  },
});

export function adminStaffRoutes(deps: AppDeps) {
  const { db } = deps.database;
  /** After the commit: the changed account's live connections go (they reconnect with its rights now, or not at all). */
  const settle = (change: StaffChange) => {
    for (const sessionId of change.dropSessions) deps.live.disconnectSession(sessionId);
    return change.account;
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ staff: await listStaff(db) }, 200);
    })
    .openapi(create, async (c) => {
      const actor = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await createStaff(db, actor, c.req.valid('json'), deps.clock.now()), 201);
    })
    .openapi(update, async (c) => {
      const actor = expectPrincipal(c.get('principal'), 'staff');
      return c.json(settle(await updateStaff(db, actor, c.req.valid('param').staffId, c.req.valid('json'), deps.clock.now())), 200);
    })
    .openapi(password, async (c) => {
      const actor = expectPrincipal(c.get('principal'), 'staff');
      return c.json(settle(await resetPassword(db, actor, c.req.valid('param').staffId, c.req.valid('json').password, deps.clock.now())), 200);
    })
    .openapi(code, async (c) => {
      const actor = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await setStaffCode(db, actor, c.req.valid('param').staffId, c.req.valid('json').staffCode, deps.clock.now()), 200);
    });
}
