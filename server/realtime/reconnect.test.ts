/**
 * A display that loses its connection during 50 calls, with real socket.io clients and the board
 * logic the display page runs (ui/outlet-board.ts): after reconnecting it converges to exactly the
 * state of a display that never left, and of the 50 calls it missed it announces none — while every
 * call it hears live is announced exactly once, including after the reconnect.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Ack, ClientToServerEvents, OutletSnapshot, QueueEvent, ServerToClientEvents } from '../../common/events.ts';
import { counters, tickets } from '../../db/schema.ts';
import { startTestServer } from '../../test/support/app.ts';
import { describeOnDatabases } from '../../test/support/databases.ts';
import { fetcherFor, signIn, type StaffSession } from '../../test/support/sign-in.ts';
import { applyQueueEvent, isCallEvent } from '../../ui/outlet-board.ts';
import { seedDemoData, type SeedResult } from '../demo-data.ts';
import { formatTicketNumber } from '../queue/ticket-number.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What a display page keeps: its board, and the call sequences it has announced (each once). */
class DisplayModel {
  board: OutletSnapshot | undefined;
  readonly announced: number[] = [];
  readonly #taken = new Set<number>();
  readonly socket: Client;

  constructor(url: string, token: string) {
    this.socket = connect(url, { transports: ['websocket'], auth: { token }, reconnection: false, autoConnect: false }) as Client;
    this.socket.on('queue:event', (event) => this.#onEvent(event));
  }

  async connect(): Promise<void> {
    this.socket.connect();
    await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
    await this.refresh('outlet:join');
  }

  /** A snapshot replaces the board and announces nothing: its calls are not live. */
  async refresh(name: 'outlet:join' | 'outlet:snapshot' = 'outlet:snapshot'): Promise<void> {
    const ack = (await this.socket.emitWithAck(name, { outletId: 'yt-dmv' })) as Ack<OutletSnapshot>;
    if (!('data' in ack)) throw new Error(ack.error.code);
    this.board = ack.data;
    for (const t of ack.data.tickets) if (t.callSeq) this.#taken.add(t.callSeq);
  }

  #onEvent(event: QueueEvent): void {
    if (!this.board || event.seq <= this.board.seq) return;
    this.board = applyQueueEvent(this.board, event);
    if (isCallEvent(event) && event.ticket.callSeq && !this.#taken.has(event.ticket.callSeq)) {
      this.#taken.add(event.ticket.callSeq);
      this.announced.push(event.ticket.callSeq);
    }
  }
}

describeOnDatabases('a display that reconnects', (ctx) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let seeded: SeedResult;
  let clerk: StaffSession;
  const counterIds: string[] = [];

  beforeAll(async () => {
    const { db } = ctx.database;
    seeded = (await seedDemoData(db))!;
    server = await startTestServer(ctx.database);
    clerk = await signIn(fetcherFor(server.url), 'clerk', '10.1.0.1');
    for (const number of [7, 8]) {
      const [row] = await db.select().from(counters).where(and(eq(counters.outletId, 'yt-dmv'), eq(counters.number, number)));
      counterIds.push(row!.id);
    }
    await db.insert(tickets).values(Array.from({ length: 70 }, (_, i) => ({
      outletId: 'yt-dmv', serviceDate: '2026-11-23', prefix: 'C', seq: i + 1, number: formatTicketNumber('C', i + 1), idNumberHash: `reconnect-${i}`,
      journeyServiceId: 'violation', serviceId: 'violation', class: i % 9 === 0 ? ('green' as const) : ('walk_in' as const),
      greenReason: i % 9 === 0 ? ('age' as const) : null, queuedAt: new Date(Date.parse('2026-11-23T08:00:00+08:00') + i * 30_000),
      followToken: randomBytes(18).toString('base64url'),
    })));
    for (const id of counterIds) await press(id, 'open');
  });
  afterAll(async () => {
    await server?.close();
  });

  async function press(counterId: string, action: string): Promise<void> {
    const res = await fetch(`${server.url}/api/counters/${counterId}/${action}`, { method: 'POST', headers: clerk.headers, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
    expect(res.status).toBe(200);
  }
  /** `n` calls spread over two counters, with a recall now and then. */
  async function calls(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const counter = counterIds[i % 2]!;
      await press(counter, i % 7 === 3 ? 'recall' : 'call-next');
    }
  }

  it('converges to the exact state after missing 50 calls, and announces none of them, nor any call twice', async () => {
    const token = seeded.devices.find((d) => d.kind === 'display')!.token;
    const steady = new DisplayModel(server.url, token);
    const flaky = new DisplayModel(server.url, token);
    await steady.connect();
    await flaky.connect();

    await calls(5);
    await expect.poll(() => flaky.announced.length).toBe(5);
    const heardBefore = [...flaky.announced];

    flaky.socket.disconnect();
    await calls(50);
    await expect.poll(() => steady.board!.seq).toBeGreaterThan(flaky.board!.seq + 49);
    await flaky.connect();
    await steady.refresh();

    const { serverTime: _a, ...rejoined } = flaky.board!;
    const { serverTime: _b, ...stayed } = steady.board!;
    expect(rejoined).toEqual(stayed);
    expect(rejoined.tickets.filter((t) => t.status === 'called')).toHaveLength(2);

    await calls(3);
    await expect.poll(() => flaky.announced.length).toBe(8);
    const missed = steady.announced.slice(5, 55);
    expect(missed).toHaveLength(50);
    expect(flaky.announced.filter((seq) => missed.includes(seq))).toEqual([]);
    expect(flaky.announced.slice(0, 5)).toEqual(heardBefore);
    expect(flaky.announced.slice(5)).toEqual(steady.announced.slice(55));
    expect(new Set(flaky.announced).size).toBe(flaky.announced.length);

    // And the board a live display built event by event is the server's own view.
    const [done] = await ctx.database.db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.status, ['called'])).limit(1);
    expect(steady.board!.tickets.find((t) => t.id === done!.id)?.status).toBe('called');
    steady.socket.disconnect();
    flaky.socket.disconnect();
  }, 120_000);
});
