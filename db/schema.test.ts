/** The constraints that carry the rules under concurrency hold on both databases. */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { seedDemoData } from '../server/demo-data.ts';
import { describeOnDatabases } from '../test/support/databases.ts';
import { sqlState } from '../server/errors.ts';
import { auditLog, calendarOverrides, outlets, serviceGroups, slots, ticketSequences, tickets } from './schema.ts';

async function failure(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return sqlState(error);
  }
  return 'no error';
}

describeOnDatabases('schema constraints', (ctx) => {
  beforeAll(async () => {
    await seedDemoData(ctx.database.db);
  });

  it('seeds the four Yingtan outlets once', async () => {
    const { db } = ctx.database;
    const rows = await db.select({ id: outlets.id }).from(outlets);
    expect(rows.map((r) => r.id).sort()).toEqual(['yt-dmv', 'yt-gaoxin', 'yt-xinjiang', 'yt-zhishu']);
    expect(await seedDemoData(db)).toBeUndefined();
  });

  it('never lets a slot hold more bookings than its capacity', async () => {
    const { db } = ctx.database;
    const [slot] = await db.insert(slots).values({
      outletId: 'yt-dmv', groupId: 'vehicle', date: '2026-11-24', startsAt: '09:00', endsAt: '09:30', capacity: 2,
    }).returning();
    await db.update(slots).set({ booked: 2 }).where(eq(slots.id, slot!.id));
    expect(await failure(db.update(slots).set({ booked: 3 }).where(eq(slots.id, slot!.id)))).toBe('23514');
    // The conditional update the booking uses simply finds no row.
    const taken = await db.update(slots).set({ booked: sql`${slots.booked} + 1` })
      .where(sql`${slots.id} = ${slot!.id} and ${slots.booked} < ${slots.capacity}`).returning();
    expect(taken).toHaveLength(0);
  });

  it('issues each ticket number once per outlet, day and prefix', async () => {
    const { db } = ctx.database;
    const base = {
      outletId: 'yt-dmv', serviceDate: '2026-11-23', prefix: 'A', seq: 1, number: 'A001', journeyServiceId: 'mv-transfer',
      serviceId: 'mv-transfer', class: 'walk_in' as const, queuedAt: new Date(),
    };
    await db.insert(tickets).values({ ...base, followToken: 'f1' });
    expect(await failure(db.insert(tickets).values({ ...base, followToken: 'f2' }))).toBe('23505');
    await db.insert(tickets).values({ ...base, serviceDate: '2026-11-24', followToken: 'f3' });
  });

  it('allows one waiting ticket per ID and service', async () => {
    const { db } = ctx.database;
    const base = {
      outletId: 'yt-dmv', serviceDate: '2026-11-25', prefix: 'B', number: 'B00x', journeyServiceId: 'dl-renewal',
      serviceId: 'dl-renewal', class: 'walk_in' as const, queuedAt: new Date(), idNumberHash: 'hash-1',
    };
    await db.insert(tickets).values({ ...base, seq: 1, followToken: 'w1' });
    expect(await failure(db.insert(tickets).values({ ...base, seq: 2, followToken: 'w2' }))).toBe('23505');
    await db.update(tickets).set({ status: 'finished' }).where(eq(tickets.followToken, 'w1'));
    await db.insert(tickets).values({ ...base, seq: 3, followToken: 'w3' });
  });

  it('requires a reason for a green ticket', async () => {
    const { db } = ctx.database;
    expect(await failure(db.insert(tickets).values({
      outletId: 'yt-dmv', serviceDate: '2026-11-26', prefix: 'A', seq: 1, number: 'A001', journeyServiceId: 'mv-transfer',
      serviceId: 'mv-transfer', class: 'green', queuedAt: new Date(), followToken: 'g1',
    }))).toBe('23514');
  });

  it('bumps ticket sequences atomically with an upsert', async () => {
    const { db } = ctx.database;
    const bump = () => db.insert(ticketSequences).values({ outletId: 'yt-dmv', serviceDate: '2026-11-23', prefix: 'E', lastSeq: 1 })
      .onConflictDoUpdate({ target: [ticketSequences.outletId, ticketSequences.serviceDate, ticketSequences.prefix], set: { lastSeq: sql`${ticketSequences.lastSeq} + 1` } })
      .returning({ seq: ticketSequences.lastSeq });
    const seqs = [];
    for (let i = 0; i < 3; i++) seqs.push((await bump())[0]!.seq);
    expect(seqs).toEqual([1, 2, 3]);
  });

  it('keeps one calendar override per day for all outlets (null is not distinct)', async () => {
    const { db } = ctx.database;
    const closure = { date: '2026-12-01', kind: 'closed' as const, reason: { zh: '系统升级', en: 'System upgrade' } };
    await db.insert(calendarOverrides).values(closure);
    expect(await failure(db.insert(calendarOverrides).values(closure))).toBe('23505');
  });

  it('keeps the audit log append-only', async () => {
    const { db } = ctx.database;
    const [entry] = await db.insert(auditLog).values({ actorKind: 'system', action: 'test.append' }).returning();
    expect(await failure(db.update(auditLog).set({ action: 'changed' }).where(eq(auditLog.id, entry!.id)))).toBe('42501');
    expect(await failure(db.delete(auditLog).where(eq(auditLog.id, entry!.id)))).toBe('42501');
    const [still] = await db.select().from(auditLog).where(eq(auditLog.id, entry!.id));
    expect(still?.action).toBe('test.append');
  });

  it('keeps service prefixes to one capital letter', async () => {
    const { db } = ctx.database;
    expect(await failure(db.insert(serviceGroups).values({ id: 'bad', prefix: 'AB', name: { zh: '坏', en: 'Bad' } }))).toBe('23514');
  });
});
