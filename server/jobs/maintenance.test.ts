/** The hourly pruning: expired rows go, live ones and records stay. */
import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { idempotencyKeys, oauthStates, rateLimits, sessions, smsCodes } from '../../db/schema.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { fixedClock } from '../clock.ts';
import { createLogger } from '../logger.ts';
import { createMaintenanceJob } from './maintenance.ts';

const NOW = new Date('2026-11-23T09:00:00+08:00');
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const token = () => randomBytes(12).toString('hex');

describeOnDatabases('maintenance', (ctx) => {
  beforeAll(async () => {
    const { db } = ctx.database;
    await db.insert(sessions).values([
      { tokenHash: token(), openid: 'o-old', csrfToken: token(), expiresAt: ago(1), createdAt: ago(30) },
      { tokenHash: token(), openid: 'o-live', csrfToken: token(), expiresAt: later(1), createdAt: ago(1) },
    ]);
    await db.insert(smsCodes).values([
      { phoneHash: 'p', codeHash: token(), purpose: 'register', expiresAt: ago(25) },
      { phoneHash: 'p', codeHash: token(), purpose: 'register', expiresAt: ago(2) },
    ]);
    await db.insert(oauthStates).values([{ stateHash: token(), returnTo: '/h5/', expiresAt: ago(1) }, { stateHash: token(), returnTo: '/h5/', expiresAt: later(1) }]);
    await db.insert(rateLimits).values([{ key: 'a', points: 1, expire: ago(1) }, { key: 'b', points: 1, expire: later(1) }]);
    await db.insert(idempotencyKeys).values([
      { scope: 's', key: 'old', response: {}, createdAt: ago(49) },
      { scope: 's', key: 'new', response: {}, createdAt: ago(47) },
    ]);
  });

  it('deletes what has expired and keeps what is still live', async () => {
    const { db } = ctx.database;
    const job = createMaintenanceJob({ db, clock: fixedClock(NOW), logger: createLogger({ level: 'silent' }) });
    expect(await job.runOnce()).toMatchObject({ sessions: 1, smsCodes: 1, oauthStates: 1, rateLimits: 1, idempotencyKeys: 1 });
    for (const table of [sessions, smsCodes, oauthStates, rateLimits, idempotencyKeys]) {
      expect((await db.select({ n: count() }).from(table))[0]!.n).toBe(1);
    }
    expect(await job.runOnce()).toMatchObject({ sessions: 0, smsCodes: 0, rateLimits: 0 });
  });
});
