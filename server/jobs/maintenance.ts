/**
 * Housekeeping every hour: rows that only ever pile up are deleted once nothing can need them —
 * expired sessions, SMS codes, WeChat states and rate-limit counters, idempotency keys older than two
 * days (a retry comes within minutes), device pairings never completed, and the socket.io adapter's
 * attachments older than an hour (a NOTIFY is read within seconds). Bookings, tickets, events,
 * ratings and the audit log are records: they are never pruned here.
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { devices, idempotencyKeys, oauthStates, rateLimits, sessions, smsCodes, socketIoAttachments } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';

export const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Pruned {
  sessions: number;
  smsCodes: number;
  oauthStates: number;
  rateLimits: number;
  idempotencyKeys: number;
  pairings: number;
  attachments: number;
}

export function createMaintenanceJob(deps: { db: Database; clock: Clock; logger: Logger }) {
  const { db, clock, logger } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  async function runOnce(): Promise<Pruned> {
    const now = clock.now();
    const count = async (rows: Promise<unknown[]>) => (await rows).length;
    const pruned: Pruned = {
      sessions: await count(db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.tokenHash })),
      // A day after expiry: the per-phone limits count recent codes.
      smsCodes: await count(db.delete(smsCodes).where(lt(smsCodes.expiresAt, new Date(now.getTime() - DAY_MS))).returning({ id: smsCodes.id })),
      oauthStates: await count(db.delete(oauthStates).where(lt(oauthStates.expiresAt, now)).returning({ id: oauthStates.stateHash })),
      rateLimits: await count(db.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ key: rateLimits.key })),
      idempotencyKeys: await count(db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - 2 * DAY_MS))).returning({ key: idempotencyKeys.key })),
      pairings: await count(db.delete(devices).where(and(eq(devices.status, 'pairing'), or(isNull(devices.pairingExpiresAt), lt(devices.pairingExpiresAt, new Date(now.getTime() - DAY_MS))))).returning({ id: devices.id })),
      attachments: await count(db.delete(socketIoAttachments).where(lt(socketIoAttachments.createdAt, new Date(now.getTime() - 60 * 60 * 1000))).returning({ id: socketIoAttachments.id })),
    };
    if (Object.values(pruned).some((n) => n > 0)) logger.info({ pruned }, 'maintenance pruned expired rows');
    return pruned;
  }

  return {
    runOnce,
    start(intervalMs = MAINTENANCE_INTERVAL_MS) {
      const tick = () => {
        running = runOnce().catch((error: unknown) => logger.warn({ err: error }, 'maintenance failed; next run in an hour'));
      };
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
