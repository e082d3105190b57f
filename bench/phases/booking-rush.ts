/**
 * The booking rush: at release time N registered citizens submit at once through the real HTTP API,
 * most of them aiming at the first 3 slots of one day; then the same booking transaction
 * (`createBooking`, the exact code the route runs) for N fresh citizens with the same slot choices
 * on another day, straight against the same database with as many connections as the server has:
 * the database's own ceiling for this transaction, in the same run.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BookingRequest } from '../../common/booking.ts';
import { openPostgres } from '../../db/client.ts';
import { bookings, slots } from '../../db/schema.ts';
import { createBooking } from '../../server/booking/book.ts';
import { readSettings } from '../../server/domain/read-settings.ts';
import { AppError } from '../../server/errors.ts';
import { now } from '../lib/clock.ts';
import type { CpuUse } from '../lib/cpu.ts';
import { getJson, type BenchContext } from '../lib/context.ts';
import { outcomes, runLanes, startHttpLoad, waitForOutbox } from '../lib/load.ts';
import { insertCitizens } from '../lib/people.ts';
import type { LoadRequest } from '../lib/protocol.ts';
import { percentile, round, round2 } from '../lib/stats.ts';

const SERVICE_ID = 'mv-transfer';
/** Citizens in the rush (and as many for the ceiling). */
const CITIZENS = 600;
/** The share that aims at one of the first 3 slots; the rest pick any later slot. */
const HOT_SHARE = 0.7;
const WARM_UP = 40;
const LOAD_PROCESSES = 2;

interface Slot {
  id: string;
  startsAt: string;
  capacity: number;
}

/** A small seeded generator: the rush and the ceiling make the same choices. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Which slot each citizen aims at, by index: `HOT_SHARE` at one of the first 3, the rest at a later one. */
function choices(count: number, slotCount: number, seed: number): number[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => (random() < HOT_SHARE || slotCount <= 3
    ? Math.floor(random() * Math.min(3, slotCount))
    : 3 + Math.floor(random() * (slotCount - 3))));
}

function key(): string {
  return randomBytes(12).toString('base64url');
}

async function slotsOf(ctx: BenchContext, date: string): Promise<Slot[]> {
  const body = await getJson<{ status: string; slots: Slot[] }>(`${ctx.url}/api/availability/slots?serviceId=${SERVICE_ID}&outletId=${ctx.outletId}&date=${date}`);
  if (body.status !== 'open' || body.slots.length === 0) throw new Error(`${date} has no open slots (${body.status})`);
  return [...body.slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

export interface SlotCheck {
  startsAt: string;
  capacity: number;
  booked: number;
  bookings: number;
}

/** Seats taken per slot, by the slot's counter and by counting active bookings; overbooking by either. */
async function checkSlots(ctx: BenchContext, slotIds: string[]): Promise<{ slots: SlotCheck[]; overbooked: number; counterMismatches: number }> {
  const rows = await ctx.db.select({ id: slots.id, startsAt: slots.startsAt, capacity: slots.capacity, booked: slots.booked }).from(slots).where(inArray(slots.id, slotIds));
  const counted = await ctx.db.select({ slotId: bookings.slotId, n: sql<number>`count(*)::int` }).from(bookings)
    .where(and(inArray(bookings.slotId, slotIds), eq(bookings.status, 'active'))).groupBy(bookings.slotId);
  const checks = rows.map((r) => ({ startsAt: r.startsAt.slice(0, 5), capacity: r.capacity, booked: r.booked, bookings: counted.find((c) => c.slotId === r.id)?.n ?? 0 }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    slots: checks,
    overbooked: checks.reduce((sum, s) => sum + Math.max(0, Math.max(s.booked, s.bookings) - s.capacity), 0),
    counterMismatches: checks.filter((s) => s.booked !== s.bookings).length,
  };
}

/** Citizens holding more than one active personal booking, anywhere in the database. */
async function duplicateHolders(ctx: BenchContext): Promise<number> {
  const rows = await ctx.db.select({ citizenId: bookings.citizenId }).from(bookings)
    .where(and(eq(bookings.status, 'active'), eq(bookings.kind, 'personal'))).groupBy(bookings.citizenId).having(sql`count(*) > 1`);
  return rows.length;
}

function perSubmit(cpu: CpuUse, count: number) {
  return {
    server: round(cpu.server_ms / count), postgres: round(cpu.postgres_ms / count), bench_and_clients: round(cpu.bench_and_clients_ms / count),
    other_work: round(cpu.others_ms / count), wall_ms: round(cpu.wall_ms),
  };
}

function request(ctx: BenchContext, tag: string, headers: Record<string, string>, slotId: string): LoadRequest {
  const body: BookingRequest = { kind: 'personal', serviceId: SERVICE_ID, outletId: ctx.outletId, slotId, details: {}, idempotencyKey: key() };
  return { tag, url: `${ctx.url}/api/bookings`, method: 'POST', headers, body: JSON.stringify(body) };
}

export async function bookingRush(ctx: BenchContext) {
  const window = await getJson<{ dates: { date: string; capacity: number }[] }>(`${ctx.url}/api/availability/dates?serviceId=${SERVICE_ID}&outletId=${ctx.outletId}`);
  const open = window.dates.filter((d) => d.capacity > 0).map((d) => d.date);
  if (open.length < 4) throw new Error(`the booking window has ${open.length} open days; the bench needs 4`);
  const [rushDate, ceilingDate, warmDate, spareDate] = open as [string, string, string, string];
  const [rushSlots, ceilingSlots, warmSlots] = [await slotsOf(ctx, rushDate), await slotsOf(ctx, ceilingDate), await slotsOf(ctx, warmDate)];
  if (rushSlots.length !== ceilingSlots.length) throw new Error('the rush day and the ceiling day have different slots');

  ctx.progress(`booking rush: ${CITIZENS} citizens on ${rushDate} (${rushSlots.length} slots of ${rushSlots[0]!.capacity}), ceiling on ${ceilingDate}`);
  const [rushers, ceilingCitizens, warmers] = [
    await insertCitizens(ctx.db, ctx.privacy, CITIZENS, { withSessions: true }),
    await insertCitizens(ctx.db, ctx.privacy, CITIZENS, { withSessions: false }),
    await insertCitizens(ctx.db, ctx.privacy, WARM_UP * 2, { withSessions: true }),
  ];
  const seed = Date.now() & 0xffff;
  const aims = choices(CITIZENS, rushSlots.length, seed);

  // Warm-up: both paths run the booking code once before they are timed.
  const loaders = await startHttpLoad(LOAD_PROCESSES);
  const warmAims = choices(WARM_UP, warmSlots.length, seed + 1);
  await runLanes(loaders, warmers.slice(0, WARM_UP).map((c, i) => [request(ctx, `warm${i}`, c.headers, warmSlots[warmAims[i]!]!.id)]), `${ctx.url}/healthz`);

  const lanes = rushers.map((c, i) => [request(ctx, String(i), c.headers, rushSlots[aims[i]!]!.id)]);
  const httpCpu = ctx.watchCpu();
  const run = await runLanes(loaders, lanes, `${ctx.url}/healthz`);
  const httpCpuUse = httpCpu.stop();
  await Promise.all(loaders.map((l) => l.stop()));
  const httpLatencies = run.results.map((r) => r.answeredAt - r.sentAt);
  const answered = run.results.filter((r) => r.status === 201 || r.status === 409).length;
  ctx.progress(`booking rush: ${run.results.length} submits in ${Math.round(run.windowMs)} ms ${JSON.stringify(outcomes(run.results))}`);
  const outboxDue = await waitForOutbox(ctx.db);

  // The ceiling: the same transaction, the same choices, the same number of connections, no HTTP.
  const direct = await openPostgres(ctx.databaseUrl, { max: ctx.serverPool });
  const ceiling = { latencies: [] as number[], outcomes: {} as Record<string, number>, windowMs: 0, cpu: undefined as CpuUse | undefined };
  try {
    const book = async (citizenId: string, slotId: string) => {
      const input: BookingRequest = { kind: 'personal', serviceId: SERVICE_ID, outletId: ctx.outletId, slotId, details: {}, idempotencyKey: key() };
      const started = now();
      let outcome: string;
      try {
        await createBooking(direct.db, { citizenId }, input, new Date(), null, await readSettings(direct.db));
        outcome = 'booked';
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcome = error.code;
      }
      ceiling.outcomes[outcome] = (ceiling.outcomes[outcome] ?? 0) + 1;
      return now() - started;
    };
    await Promise.all(warmers.slice(WARM_UP).map((c, i) => book(c.id, warmSlots[warmAims[i]!]!.id)));
    ceiling.outcomes = {};
    const ceilingWatch = ctx.watchCpu();
    const started = now();
    ceiling.latencies = await Promise.all(ceilingCitizens.map((c, i) => book(c.id, ceilingSlots[aims[i]!]!.id)));
    ceiling.windowMs = now() - started;
    ceiling.cpu = ceilingWatch.stop();
  } finally {
    await direct.close();
  }
  ctx.progress(`booking ceiling: ${CITIZENS} transactions in ${Math.round(ceiling.windowMs)} ms ${JSON.stringify(ceiling.outcomes)}`);

  const rushCheck = await checkSlots(ctx, rushSlots.map((s) => s.id));
  const ceilingCheck = await checkSlots(ctx, ceilingSlots.map((s) => s.id));
  const bookingsPerS = (run.results.length / run.windowMs) * 1000;
  const ceilingPerS = (CITIZENS / ceiling.windowMs) * 1000;
  return {
    bookings_per_s: round(bookingsPerS),
    p50_ms: round(percentile(httpLatencies, 50)),
    p99_ms: round(percentile(httpLatencies, 99)),
    overbooked: rushCheck.overbooked + ceilingCheck.overbooked,
    duplicate_ids: await duplicateHolders(ctx),
    ceiling_tx_per_s: round(ceilingPerS),
    ratio: round2(bookingsPerS / ceilingPerS),
    // What the figures count, and what else was seen.
    submits: run.results.length,
    answered_201_or_409: answered,
    outcomes: outcomes(run.results),
    ceiling_outcomes: ceiling.outcomes,
    ceiling_p50_ms: round(percentile(ceiling.latencies, 50)),
    ceiling_p99_ms: round(percentile(ceiling.latencies, 99)),
    slot_counter_mismatches: rushCheck.counterMismatches + ceilingCheck.counterMismatches,
    slots: rushCheck.slots,
    outbox_due_before_ceiling: outboxDue,
    // CPU per submit (ms), from /proc: the HTTP rush (server, its database backends, the load
    // processes) against the ceiling (the bench process running createBooking, its backends).
    cpu_per_submit_ms: perSubmit(httpCpuUse, CITIZENS),
    cpu_per_ceiling_tx_ms: ceiling.cpu ? perSubmit(ceiling.cpu, CITIZENS) : null,
    conditions: {
      citizens: CITIZENS,
      hot_share_first_3_slots: HOT_SHARE,
      service: SERVICE_ID,
      rush_date: rushDate,
      ceiling_date: ceilingDate,
      load_processes: LOAD_PROCESSES,
      in_flight: `all ${CITIZENS} submits at once (one request each, fetch), spread over ${LOAD_PROCESSES} processes`,
      server_pool: ctx.serverPool,
      ceiling: `createBooking (server/booking/book.ts) on postgres.js with ${ctx.serverPool} connections, all ${CITIZENS} at once, in the bench process, same slot choices on the ceiling date`,
      bookings_per_s: 'submits answered per second (each runs the booking transaction: booked, or refused as slot_full), first send to last answer',
      warm_up: `${WARM_UP} submits each way on ${warmDate}, not counted`,
    },
    latencies: { http: httpLatencies, ceiling: ceiling.latencies },
    profile: { fullSlotId: rushSlots[0]!.id, freeSlotId: (await slotsOf(ctx, spareDate))[0]!.id },
  };
}

export type BookingRushResult = Awaited<ReturnType<typeof bookingRush>>;
