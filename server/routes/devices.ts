/**
 * Kiosks and displays: pairing with a one-time code, the device's own view of itself, and the
 * administrator's list, rename and revocation.
 *
 * Pairing: an unpaired device asks for a token and a pairing code (`POST /api/devices/pairing`),
 * keeps the token and shows the code; an administrator types the code into the console
 * (`POST /api/admin/devices/pair`), which binds the device to an outlet; the device, waiting on
 * `GET /api/devices/pairing/status`, then sees `active`.
 */
import { randomInt } from 'node:crypto';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import {
  deviceList, deviceMe, deviceSummary, isPairingCodeShaped, normalizePairingCode, pairDeviceRequest, pairingStarted,
  pairingStatus, PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH, renameDeviceRequest, startPairingRequest, type DeviceSummary,
} from '../../common/devices.ts';
import { devices, outlets, type Device } from '../../db/schema.ts';
import type { AppDeps } from '../app.ts';
import { audit } from '../audit.ts';
import { DEVICES, expectPrincipal } from '../auth/principal.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { AppError, sqlState } from '../errors.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv } from '../http/env.ts';
import type { Limit } from '../http/rate-limit.ts';
import { named } from '../http/named-schema.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse } from '../http/schemas.ts';

export const PAIRING_MINUTES = 10;
/** Per address: a lobby pairs a handful of devices at a time; nobody needs hundreds of codes. */
export const PAIRING_PER_IP: Limit = { name: 'device-pairing:ip', points: 30, durationSeconds: 600 };

const deviceMeSchema = named(deviceMe, 'DeviceMe');
const deviceSummarySchema = named(deviceSummary, 'DeviceSummary');
const idParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const bearer = z.object({
  authorization: z.string().optional().openapi({ description: '`Bearer <device token>`', param: { name: 'authorization', in: 'header' } }),
});

const me = defineRoute(DEVICES, {
  method: 'get',
  path: '/api/device/me',
  tags: ['devices'],
  summary: 'The calling device, by its token',
  responses: {
    200: { description: 'The device.', content: { 'application/json': { schema: deviceMeSchema } } },
    401: errorResponse('No token, an unknown token, or a revoked device (`device_revoked`).'),
  },
});

const startPairing = defineRoute(['public'], {
  method: 'post',
  path: '/api/devices/pairing',
  tags: ['devices'],
  summary: 'An unpaired device asks for its token and a pairing code to show',
  request: { body: { required: true, content: { 'application/json': { schema: named(startPairingRequest, 'StartPairingRequest') } } } },
  responses: {
    201: { description: 'Keep the token; show the code (valid 10 minutes, once).', content: { 'application/json': { schema: named(pairingStarted, 'PairingStarted') } } },
    429: errorResponse('`rate_limited`, with `Retry-After`.'),
  },
});

const getPairingStatus = defineRoute(['public'], {
  method: 'get',
  path: '/api/devices/pairing/status',
  tags: ['devices'],
  summary: 'Where the calling device stands: waiting, paired, revoked, or its code expired',
  description: 'The device token in `Authorization: Bearer …` is the proof; the answer is about that device only.',
  request: { headers: bearer },
  responses: {
    200: { description: 'The state, and the outlet once paired.', content: { 'application/json': { schema: named(pairingStatus, 'PairingStatus') } } },
    404: errorResponse('`not_found`: no token, or one this server never issued.'),
  },
});

const list = defineRoute(['admin'], {
  method: 'get',
  path: '/api/admin/devices',
  tags: ['devices'],
  summary: 'Paired and revoked devices',
  responses: {
    200: { description: 'Active devices first, then revoked ones.', content: { 'application/json': { schema: named(deviceList.extend({ devices: z.array(deviceSummarySchema) }), 'DeviceList') } } },
  },
});

const pair = defineRoute(['admin'], {
  method: 'post',
  path: '/api/admin/devices/pair',
  tags: ['devices'],
  summary: 'Pair the device showing this code with an outlet',
  request: { body: { required: true, content: { 'application/json': { schema: named(pairDeviceRequest, 'PairDeviceRequest') } } } },
  responses: {
    200: { description: 'The device, now active.', content: { 'application/json': { schema: deviceSummarySchema } } },
    400: errorResponse('`device_pairing_code_invalid`: wrong, used or expired code; `validation_failed`: no such outlet.'),
  },
});

const rename = defineRoute(['admin'], {
  method: 'post',
  path: '/api/admin/devices/{id}/rename',
  tags: ['devices'],
  summary: 'Rename a device',
  request: { params: idParams, body: { required: true, content: { 'application/json': { schema: named(renameDeviceRequest, 'RenameDeviceRequest') } } } },
  responses: {
    200: { description: 'The device.', content: { 'application/json': { schema: deviceSummarySchema } } },
    404: errorResponse('No such device.'),
  },
});

const revoke = defineRoute(['admin'], {
  method: 'post',
  path: '/api/admin/devices/{id}/revoke',
  tags: ['devices'],
  summary: 'Revoke a device: its token stops working and its live connections drop at once',
  request: { params: idParams },
  responses: {
    200: { description: 'The device, revoked (also when it was revoked already).', content: { 'application/json': { schema: deviceSummarySchema } } },
    404: errorResponse('No such paired device.'),
  },
});

function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_CODE_ALPHABET[randomInt(PAIRING_CODE_ALPHABET.length)];
  return code;
}

function summary(device: Device): DeviceSummary {
  return {
    id: device.id,
    kind: device.kind,
    name: device.name,
    outletId: device.outletId,
    status: device.status,
    pairedAt: device.pairedAt?.toISOString() ?? null,
    revokedAt: device.revokedAt?.toISOString() ?? null,
    lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
  };
}

function bearerToken(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
}

export function deviceRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>()
    .openapi(me, async (c) => {
      const principal = expectPrincipal(c.get('principal'), 'device');
      const now = deps.clock.now();
      const [device] = await db
        .update(devices)
        .set({ lastSeenAt: now })
        .where(eq(devices.id, principal.deviceId))
        .returning({ name: devices.name });
      const [outlet] = await db.select({ name: outlets.name }).from(outlets).where(eq(outlets.id, principal.outletId));
      return c.json({
        id: principal.deviceId, kind: principal.deviceKind, outletId: principal.outletId,
        outletName: outlet!.name, name: device!.name,
      }, 200);
    })
    .openapi(startPairing, async (c) => {
      const { kind } = c.req.valid('json');
      await deps.rateLimits.consume(PAIRING_PER_IP, deps.privacy.hash('ip', clientIp(c)));
      const now = deps.clock.now();
      const expiresAt = new Date(now.getTime() + PAIRING_MINUTES * 60_000);
      const token = newToken();
      // Two live codes could collide (one in ~10¹¹): the unique index says so, and a new code is drawn.
      for (let attempt = 1; ; attempt++) {
        const pairingCode = newPairingCode();
        try {
          const [device] = await db.insert(devices).values({
            kind, name: '', status: 'pairing', tokenHash: hashToken(token),
            pairingCodeHash: hashToken(pairingCode), pairingExpiresAt: expiresAt,
          }).returning({ id: devices.id });
          return c.json({ deviceId: device!.id, token, pairingCode, expiresAt: expiresAt.toISOString() }, 201);
        } catch (error) {
          if (sqlState(error) !== '23505' || attempt >= 3) throw error;
        }
      }
    })
    .openapi(getPairingStatus, async (c) => {
      const token = bearerToken(c.req.valid('header').authorization);
      const [device] = token
        ? await db.select().from(devices).where(eq(devices.tokenHash, hashToken(token)))
        : [];
      // A public route answers who is calling only through the token: an unknown one is simply not found.
      if (!device) throw new AppError('not_found');
      const now = deps.clock.now();
      if (device.status === 'active') return c.json({ status: 'active' as const, outletId: device.outletId ?? undefined }, 200);
      if (device.status === 'revoked') return c.json({ status: 'revoked' as const }, 200);
      const expired = !device.pairingExpiresAt || device.pairingExpiresAt <= now;
      return c.json({ status: expired ? ('expired' as const) : ('pairing' as const) }, 200);
    })
    .openapi(list, async (c) => {
      const rows = await db
        .select()
        .from(devices)
        .where(inArray(devices.status, ['active', 'revoked']))
        .orderBy(asc(devices.status), asc(devices.outletId), desc(devices.pairedAt));
      return c.json({ devices: rows.map(summary) }, 200);
    })
    .openapi(pair, async (c) => {
      const body = c.req.valid('json');
      const admin = expectPrincipal(c.get('principal'), 'staff');
      const code = normalizePairingCode(body.pairingCode);
      if (!isPairingCodeShaped(code)) throw new AppError('device_pairing_code_invalid');
      const now = deps.clock.now();
      const device = await db.transaction(async (tx) => {
        // One conditional update: the code matches, is unused and unexpired. Clearing the code makes
        // it single-use, so a second admin typing it at the same moment finds no row.
        let paired: Device | undefined;
        try {
          [paired] = await tx
            .update(devices)
            .set({
              status: 'active', outletId: body.outletId, name: body.name, pairedBy: admin.staffId, pairedAt: now,
              pairingCodeHash: null, pairingExpiresAt: null,
            })
            .where(and(
              eq(devices.pairingCodeHash, hashToken(code)),
              eq(devices.status, 'pairing'),
              gt(devices.pairingExpiresAt, now),
            ))
            .returning();
        } catch (error) {
          if (sqlState(error) === '23503') throw new AppError('validation_failed', { fields: { outletId: 'not_found' } });
          throw error;
        }
        if (!paired) throw new AppError('device_pairing_code_invalid');
        await audit(tx, {
          actor: { kind: 'staff', id: admin.staffId }, action: 'device.paired', target: { kind: 'device', id: paired.id },
          outletId: paired.outletId, at: now, details: { kind: paired.kind, name: paired.name },
        });
        return paired;
      });
      return c.json(summary(device), 200);
    })
    .openapi(rename, async (c) => {
      const { id } = c.req.valid('param');
      const { name } = c.req.valid('json');
      const admin = expectPrincipal(c.get('principal'), 'staff');
      const now = deps.clock.now();
      const device = await db.transaction(async (tx) => {
        const [before] = await tx.select({ name: devices.name }).from(devices)
          .where(and(eq(devices.id, id), inArray(devices.status, ['active', 'revoked']))).for('update');
        if (!before) throw new AppError('not_found');
        const [renamed] = await tx.update(devices).set({ name }).where(eq(devices.id, id)).returning();
        await audit(tx, {
          actor: { kind: 'staff', id: admin.staffId }, action: 'device.renamed', target: { kind: 'device', id },
          outletId: renamed!.outletId, at: now, details: { from: before.name, to: name },
        });
        return renamed!;
      });
      return c.json(summary(device), 200);
    })
    .openapi(revoke, async (c) => {
      const { id } = c.req.valid('param');
      const admin = expectPrincipal(c.get('principal'), 'staff');
      const now = deps.clock.now();
      const device = await db.transaction(async (tx) => {
        const [revoked] = await tx
          .update(devices)
          .set({ status: 'revoked', revokedAt: now })
          .where(and(eq(devices.id, id), eq(devices.status, 'active')))
          .returning();
        if (revoked) {
          await audit(tx, {
            actor: { kind: 'staff', id: admin.staffId }, action: 'device.revoked', target: { kind: 'device', id },
            outletId: revoked.outletId, at: now, details: { kind: revoked.kind, name: revoked.name },
          });
          return revoked;
        }
        // Revoking twice is harmless: the answer is the same, and nothing new is audited.
        const [already] = await tx.select().from(devices).where(and(eq(devices.id, id), eq(devices.status, 'revoked')));
        if (!already) throw new AppError('not_found');
        return already;
      });
      // After the commit: its sockets reconnect, and the handshake now refuses the token.
      deps.live.disconnectDevice(id);
      return c.json(summary(device), 200);
    });
}
