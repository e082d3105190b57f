/**
 * Administration changes that race, on PostgreSQL (PGlite runs one transaction at a time, so a race
 * there proves nothing): two administrators demoting each other, two supervisors blacklisting one
 * person at the same moment.
 */
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { blacklist, staff } from '../../db/schema.ts';
import { hashPassword } from '../auth/password.ts';
import { testApp } from '../../test/support/app.ts';
import { idNumberBornOn } from '../../test/support/check-in.ts';
import { describeOnPostgres } from '../../test/support/databases.ts';
import { seedDemoData } from '../demo-data.ts';
import { AppError } from '../errors.ts';
import { addBlacklistEntry } from './blacklist-admin.ts';
import type { StaffPrincipal } from './staff-principal.ts';
import { updateStaff } from './staff-accounts.ts';

const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'fulfilled' ? 'ok' : result.reason instanceof AppError ? result.reason.code : String(result.reason);

describeOnPostgres('administration races', (ctx) => {
  let built: ReturnType<typeof testApp>;
  const principal = (staffId: string, role: StaffPrincipal['role'] = 'admin'): StaffPrincipal =>
    ({ kind: 'staff', sessionId: '', staffId, role, outletIds: ['yt-dmv'] });

  beforeAll(async () => {
    await seedDemoData(ctx.database.db);
    built = testApp(ctx.database);
  });

  it('two administrators demoting each other at once: one wins, the other is refused as the last admin', async () => {
    const { db } = ctx.database;
    const [first] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'admin'));
    const [second] = await db.insert(staff).values({ username: 'admin-b', displayName: 'B', role: 'admin', passwordHash: await hashPassword('x'.repeat(12)) })
      .returning({ id: staff.id });
    const now = built.clock.now();
    for (let round = 0; round < 5; round++) {
      const results = await Promise.allSettled([
        updateStaff(db, principal(first!.id), second!.id, { role: 'supervisor' }, now),
        updateStaff(db, principal(second!.id), first!.id, { role: 'supervisor' }, now),
      ]);
      expect(results.map(codeOf).sort()).toEqual(['last_admin', 'ok']);
      const admins = await db.select({ id: staff.id }).from(staff).where(eq(staff.role, 'admin'));
      expect(admins).toHaveLength(1);
      // Both admins again for the next round.
      await db.update(staff).set({ role: 'admin' }).where(inArray(staff.id, [first!.id, second!.id]));
    }
  });

  it('two supervisors blacklisting one ID at once make one entry', async () => {
    const { db } = ctx.database;
    const [supervisor] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'supervisor'));
    const idNumber = idNumberBornOn('1990-01-01');
    const add = () => addBlacklistEntry(db, built.privacy, principal(supervisor!.id, 'supervisor'),
      { kind: 'id_number', value: idNumber, reason: '黄牛', source: 'manual' }, built.clock.now());
    const results = await Promise.allSettled([add(), add(), add()]);
    expect(results.map(codeOf).sort()).toEqual(['blacklist_entry_exists', 'blacklist_entry_exists', 'ok']);
    expect(await db.select().from(blacklist).where(eq(blacklist.valueHash, built.privacy.hash('id_number', idNumber)))).toHaveLength(1);
  });
});
