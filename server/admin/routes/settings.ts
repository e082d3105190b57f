/** Every *(setting)* of DOMAIN.md: read with defaults, descriptions and bounds; change some at once (with a preview). */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { settingEffect, settingsChanged, settingsList, settingView, updateSettingsRequest } from '../../../common/admin.ts';
import type { AppDeps } from '../../app.ts';
import { expectPrincipal } from '../../auth/principal.ts';
import type { AppEnv } from '../../http/env.ts';
import { named } from '../../http/named-schema.ts';
import { defineRoute } from '../../http/route.ts';
import { errorResponse } from '../../http/schemas.ts';
import { listSettings, updateSettings } from '../settings-admin.ts';
import { ADMIN, body, DRY_RUN_NOTE, dryRunParams, impactSchema, isDryRun, json } from './openapi.ts';

const viewSchema = named(settingView, 'SettingView');

const list = defineRoute(ADMIN, {
  method: 'get',
  path: '/api/admin/settings',
  tags: ['admin'],
  summary: 'Every setting: the value in force, the default, a description and the bounds',
  responses: { 200: json('In the order of DOMAIN.md.', named(settingsList.extend({ settings: z.array(viewSchema) }), 'SettingsList')) },
});

const update = defineRoute(ADMIN, {
  method: 'patch',
  path: '/api/admin/settings',
  tags: ['admin'],
  summary: 'Change settings (`values`) or put them back to default (`reset`); says whom it touches now',
  description: 'Each value is checked by its setting\'s rule; `fields` names each wrong one (`values.noShowLimit: too_small`). '
    + `\`effects\` counts the people over a lowered limit, the bookings past a shorter window, the citizens a new no-show rule suspends. ${DRY_RUN_NOTE}`,
  request: { query: dryRunParams, body: body(named(updateSettingsRequest, 'UpdateSettingsRequest')) },
  responses: {
    200: json('Every setting, and what the change does.', named(settingsChanged.extend({
      settings: z.array(viewSchema), effects: z.array(named(settingEffect, 'SettingEffect')), impact: impactSchema,
    }), 'SettingsChanged')),
    400: errorResponse('`validation_failed` with `fields`.'),
  },
});

export function adminSettingRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ settings: await listSettings(db) }, 200);
    })
    .openapi(update, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await updateSettings(db, staff, c.req.valid('json'), { dryRun: isDryRun(c.req.valid('query')), now: deps.clock.now() }), 200);
    });
}
