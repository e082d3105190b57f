/** Kiosks and displays: pairing with a one-time code, the device's own view of itself, revocation. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { devices } from '../../db/schema.ts';
import type { AppDeps } from '../app.ts';
import { DEVICES, expectPrincipal } from '../auth/principal.ts';
import type { AppEnv } from '../http/env.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse } from '../http/schemas.ts';

const deviceMe = z
  .object({ id: z.string(), kind: z.enum(DEVICES), outletId: z.string(), name: z.string() })
  .openapi('DeviceMe');

const me = defineRoute(DEVICES, {
  method: 'get',
  path: '/api/device/me',
  tags: ['devices'],
  summary: 'The calling device, by its token',
  responses: {
    200: { description: 'The device.', content: { 'application/json': { schema: deviceMe } } },
    401: errorResponse('No token, an unknown token, or a revoked device (`device_revoked`).'),
  },
});

export function deviceRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>().openapi(me, async (c) => {
    const principal = expectPrincipal(c.get('principal'), 'device');
    const [device] = await db.select({ name: devices.name }).from(devices).where(eq(devices.id, principal.deviceId));
    return c.json({ id: principal.deviceId, kind: principal.deviceKind, outletId: principal.outletId, name: device!.name }, 200);
  });
}
