/**
 * Calling under load on real PostgreSQL, over real HTTP: 10 counters sharing one queue press "call
 * next" 1,000 times at once over 1,000 waiting tickets. The database alone (the counter row lock,
 * `for update skip locked` over the calling order) makes every ticket called exactly once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CounterActionResult } from '../../common/counters.ts';
import { counters, counterServices, ticketEvents, tickets } from '../../db/schema.ts';
import { startTestServer } from '../../test/support/app.ts';
import { describeOnPostgres } from '../../test/support/databases.ts';
import { fetcherFor, signIn, type StaffSession } from '../../test/support/sign-in.ts';
import { seedDemoData } from '../demo-data.ts';
import { formatTicketNumber } from '../queue/ticket-number.ts';

const COUNTERS = 10;
const TICKETS = 1_000;
const CLASSES = ['green', 'appointment', 'walk_in', 'late'] as const;

describeOnPostgres('calling under concurrency', (ctx) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let supervisor: StaffSession;
  const counterIds: string[] = [];

  beforeAll(async () => {
    const { db } = ctx.database;
    await seedDemoData(db);
    server = await startTestServer(ctx.database);
    supervisor = await signIn(fetcherFor(server.url), 'supervisor', '10.8.0.1');
    const made = await db.insert(counters).values(Array.from({ length: COUNTERS }, (_, i) => ({
      outletId: 'yt-dmv', number: 21 + i, name: { zh: `${21 + i}号窗口`, en: `Counter ${21 + i}` },
    }))).returning({ id: counters.id });
    await db.insert(counterServices).values(made.map((c) => ({ counterId: c.id, serviceId: 'violation' })));
    counterIds.push(...made.map((c) => c.id));
    const start = new Date('2026-11-23T08:30:00+08:00').getTime();
    await db.insert(tickets).values(Array.from({ length: TICKETS }, (_, i) => {
      const cls = CLASSES[i % CLASSES.length]!;
      return {
        outletId: 'yt-dmv', serviceDate: '2026-11-23', prefix: 'C', seq: i + 1, number: formatTicketNumber('C', i + 1),
        idNumberHash: `load-${i}`, journeyServiceId: 'violation', serviceId: 'violation', class: cls,
        greenReason: cls === 'green' ? ('age' as const) : null, queuedAt: new Date(start + i * 1000),
        followToken: randomBytes(18).toString('base64url'),
      };
    }));
    for (const id of counterIds) {
      const res = await fetch(`${server.url}/api/counters/${id}/open`, { method: 'POST', headers: supervisor.headers, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
      expect(res.status).toBe(200);
    }
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('calls each of 1,000 waiting tickets exactly once when 10 counters press call-next 1,000 times at once', async () => {
    const presses = Array.from({ length: TICKETS }, (_, i) => counterIds[i % COUNTERS]!);
    const answers = await Promise.all(presses.map(async (counterId) => {
      const res = await fetch(`${server.url}/api/counters/${counterId}/call-next`, {
        method: 'POST', headers: supervisor.headers, body: JSON.stringify({ idempotencyKey: randomUUID() }),
      });
      const body = (await res.json()) as CounterActionResult & { code?: string };
      return { status: res.status, number: body.ticket?.number ?? body.code ?? 'none' };
    }));

    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const numbers = answers.map((a) => a.number);
    expect(new Set(numbers).size).toBe(TICKETS);
    expect(numbers.every((n) => /^C\d{3,4}$/.test(n))).toBe(true);

    const calls = await ctx.database.db.select({ ticketId: ticketEvents.ticketId, n: count() }).from(ticketEvents)
      .where(and(eq(ticketEvents.type, 'called'), inArray(ticketEvents.counterId, counterIds))).groupBy(ticketEvents.ticketId);
    expect(calls).toHaveLength(TICKETS);
    expect(calls.every((c) => c.n === 1)).toBe(true);
    // Each press finished the ticket in hand before calling: the last call of each counter is still in hand.
    const states = await ctx.database.db.select({ status: tickets.status, n: count() }).from(tickets)
      .where(eq(tickets.serviceId, 'violation')).groupBy(tickets.status);
    expect(Object.fromEntries(states.map((s) => [s.status, s.n]))).toEqual({ finished: TICKETS - COUNTERS, called: COUNTERS });
  }, 180_000);
});
