/**
 * Statements prepared once per database handle: on `db` they are reused; a transaction gets its own,
 * which runs inside it (it sees the transaction's own rows, and PGlite does not wait for ever).
 */
import { expect, it } from 'vitest';
import { counters, counterServices } from '../../db/schema.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { seedDemoData } from '../demo-data.ts';
import { servingCounters } from './position.ts';

describeOnDatabases('prepared statements', (ctx) => {
  it("run on the handle they are given: a transaction's own sees its uncommitted rows, and the database's, reused, sees them once committed", async () => {
    const { db } = ctx.database;
    await seedDemoData(db);
    const before = (await servingCounters(db, 'yt-dmv', 'mv-transfer')).map((c) => c.number);
    expect(before.length).toBeGreaterThan(0);
    expect(await servingCounters(db, 'yt-dmv', 'mv-transfer')).toHaveLength(before.length);

    const inside = await db.transaction(async (tx) => {
      const [counter] = await tx.insert(counters).values({ outletId: 'yt-dmv', number: 99, name: { zh: '99 号', en: 'No. 99' } }).returning();
      await tx.insert(counterServices).values({ counterId: counter!.id, serviceId: 'mv-transfer' });
      return (await servingCounters(tx, 'yt-dmv', 'mv-transfer')).map((c) => c.number);
    });
    expect(inside).toEqual([...before, 99]);
    expect((await servingCounters(db, 'yt-dmv', 'mv-transfer')).map((c) => c.number)).toEqual([...before, 99]);
  });
});
