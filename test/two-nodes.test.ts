/**
 * Several server processes on one PostgreSQL (README, "Several nodes"): node A is this test's server,
 * node B a separate `server/main.ts` process. A call made through node A reaches a display connected
 * to node B, through socket.io's Postgres adapter.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClientToServerEvents, QueueEvent, ServerToClientEvents } from '../common/events.ts';
import type { IssuedTicket } from '../common/kiosk.ts';
import { counters } from '../db/schema.ts';
import { seedDemoData, type SeedResult } from '../server/demo-data.ts';
import { startTestServer } from './support/app.ts';
import { idNumberBornOn } from './support/check-in.ts';
import { describeOnPostgres } from './support/databases.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { fetcherFor, signIn } from './support/sign-in.ts';

describeOnPostgres('two server nodes', (ctx) => {
  let nodeA: Awaited<ReturnType<typeof startTestServer>>;
  let nodeB: ServerProcess;
  let seeded: SeedResult;

  beforeAll(async () => {
    seeded = (await seedDemoData(ctx.database.db))!;
    nodeA = await startTestServer(ctx.database, { databaseUrl: ctx.url });
    nodeB = await startServerProcess({ databaseUrl: ctx.url! });
  }, 90_000);
  afterAll(async () => {
    await nodeB?.stop();
    await nodeA?.close();
  });

  it('delivers a call made through node A to a display connected to node B', async () => {
    const display = connect(nodeB.url, {
      transports: ['websocket'], reconnection: false, auth: { token: seeded.devices.find((d) => d.kind === 'display')!.token },
    }) as Socket<ServerToClientEvents, ClientToServerEvents>;
    try {
      await new Promise<void>((resolve, reject) => { display.once('connect', resolve); display.once('connect_error', reject); });
      expect(await display.emitWithAck('outlet:join', { outletId: 'yt-dmv' })).toHaveProperty('data');
      const heard: QueueEvent[] = [];
      display.on('queue:event', (event) => heard.push(event));

      const walkIn = await fetch(`${nodeA.url}/api/kiosk/walk-ins`, {
        method: 'POST',
        headers: { authorization: `Bearer ${seeded.devices.find((d) => d.kind === 'kiosk')!.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ idNumber: idNumberBornOn('1984-04-04'), serviceId: 'violation' }),
      });
      const { ticket } = (await walkIn.json()) as IssuedTicket;
      const clerk = await signIn(fetcherFor(nodeA.url), 'clerk', '10.3.0.1');
      const [counter] = await ctx.database.db.select().from(counters).where(and(eq(counters.outletId, 'yt-dmv'), eq(counters.number, 7)));
      for (const action of ['open', 'call-next']) {
        const res = await fetch(`${nodeA.url}/api/counters/${counter!.id}/${action}`, { method: 'POST', headers: clerk.headers, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
        expect(res.status).toBe(200);
      }

      await expect.poll(() => heard.map((e) => `${e.type} ${e.ticket.number}`), { timeout: 10_000 }).toEqual([`issued ${ticket.number}`, `called ${ticket.number}`]);
      expect(heard[1]!.ticket.counterNumber).toBe(7);
    } finally {
      display.disconnect();
    }
  }, 60_000);
});
