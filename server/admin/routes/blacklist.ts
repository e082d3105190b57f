/** The blacklist (list, add, remove) and the current no-show suspensions: administrators and supervisors; people masked. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { addBlacklistRequest, blacklistAdded, blacklistEntry, blacklistList, blacklistQuery, suspension, suspensionList } from '../../../common/admin.ts';
import type { AppDeps } from '../../app.ts';
import { expectPrincipal } from '../../auth/principal.ts';
import type { AppEnv } from '../../http/env.ts';
import { named } from '../../http/named-schema.ts';
import { defineRoute } from '../../http/route.ts';
import { errorResponse } from '../../http/schemas.ts';
import { addBlacklistEntry, listBlacklist, removeBlacklistEntry } from '../blacklist-admin.ts';
import { listSuspensions } from '../suspensions.ts';
import { ADMIN_OR_SUPERVISOR, body, json, pathParams } from './openapi.ts';

const entrySchema = named(blacklistEntry, 'BlacklistEntry');

const list = defineRoute(ADMIN_OR_SUPERVISOR, {
  method: 'get',
  path: '/api/admin/blacklist',
  tags: ['admin'],
  summary: 'Blacklist entries with why each exists (source, reason, who, when, until when), newest first, people masked',
  request: { query: blacklistQuery },
  responses: { 200: json('At most 500; `truncated` says there are more.', named(blacklistList.extend({ entries: z.array(entrySchema) }), 'BlacklistList')) },
});

const add = defineRoute(ADMIN_OR_SUPERVISOR, {
  method: 'post',
  path: '/api/admin/blacklist',
  tags: ['admin'],
  summary: 'Put an ID number, mobile number or firm (credit code) on the blacklist, with a reason and an optional expiry',
  description: 'People are stored as a keyed hash with a masked display; the answer says how many active bookings the entry now blocks at check-in.',
  request: { body: body(named(addBlacklistRequest, 'AddBlacklistRequest')) },
  responses: {
    201: json('The entry.', named(blacklistAdded.extend({ entry: entrySchema }), 'BlacklistAdded')),
    400: errorResponse('`id_number_format`, `id_number_birth_date`, `id_number_checksum`, `phone_invalid`, `credit_code_invalid`, `validation_failed`.'),
    409: errorResponse('`blacklist_entry_exists`: an active entry for it (named in `details.id`).'),
  },
});

const remove = defineRoute(ADMIN_OR_SUPERVISOR, {
  method: 'post',
  path: '/api/admin/blacklist/{entryId}/remove',
  tags: ['admin'],
  summary: 'Take an entry off the blacklist (kept as a record, with who and when)',
  request: { params: pathParams({ entryId: z.uuid() }) },
  responses: {
    200: json('The entry, removed (also when it was already).', entrySchema),
    404: errorResponse('No such entry.'),
  },
});

const suspensions = defineRoute(ADMIN_OR_SUPERVISOR, {
  method: 'get',
  path: '/api/admin/suspensions',
  tags: ['admin'],
  summary: 'Citizens whose booking is suspended for no-shows now, with the day it opens again, masked',
  responses: { 200: json('Longest first.', named(suspensionList.extend({ suspensions: z.array(named(suspension, 'Suspension')) }), 'SuspensionList')) },
});

export function adminBlacklistRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await listBlacklist(db, c.req.valid('query'), deps.clock.now()), 200);
    })
    .openapi(add, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await addBlacklistEntry(db, deps.privacy, staff, c.req.valid('json'), deps.clock.now()), 201);
    })
    .openapi(remove, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await removeBlacklistEntry(db, staff, c.req.valid('param').entryId, deps.clock.now()), 200);
    })
    .openapi(suspensions, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await listSuspensions(db, deps.privacy, deps.clock.now()), 200);
    });
}
