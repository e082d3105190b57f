/**
 * Check-in: 20 kiosks of one outlet, each checking in its line of people one after another, all
 * kiosks at once, over the real HTTP API. Bookings are today's, in a slot whose check-in window is
 * open at the real time of the run. The tickets they issue are the queue the calls then call.
 *
 * Two runs. **Paced** (the latency figures): each kiosk starts a check-in every second, the kiosks
 * a twentieth of a second apart — 20 check-ins a second, 72,000 an hour, dozens of times what a
 * lobby's kiosks see (a person needs 10–20 s to present an ID and type a number). **Flat out** (the
 * capacity): each kiosk starts the next check-in the moment the last is answered, so the server is
 * saturated and latency only measures its queue (latency = kiosks / throughput).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { serviceDate } from '../../common/time.ts';
import { bookings, devices, tickets } from '../../db/schema.ts';
import { hashToken, newToken } from '../../server/auth/tokens.ts';
import type { BenchContext } from '../lib/context.ts';
import { outcomes, runLanes, startHttpLoad, waitForOutbox } from '../lib/load.ts';
import { insertTodayBookings, type TodayBooking } from '../lib/people.ts';
import type { LoadRequest } from '../lib/protocol.ts';
import { percentile, round } from '../lib/stats.ts';

const KIOSKS = 20;
const CHECK_INS = 1_000;
/** A kiosk starts no new check-in after this (paced run, flat-out run): the run ends in time. */
const PACED_BUDGET_MS = 12_000;
const FLAT_OUT_BUDGET_MS = 6_000;
/**
 * Paced: a kiosk starts a check-in every second (below the server's limit of 600 a minute per
 * kiosk), the kiosks staggered over that second.
 */
const PACE_MS = 1_000;
const LOAD_PROCESSES = 2;
/** Check-ins per kiosk before the measured runs: the server's check-in path compiled and warm. */
const WARM_UP_PER_KIOSK = 5;

function checkInRequest(ctx: BenchContext, tag: string, kioskToken: string, booking: TodayBooking): LoadRequest {
  return {
    tag, url: `${ctx.url}/api/kiosk/check-in`, method: 'POST',
    headers: { authorization: `Bearer ${kioskToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ idNumber: booking.idNumber, appointmentNo: booking.appointmentNo }),
  };
}

/**
 * Checks in more of the untimed bookings until `queue` has `wanted` tickets waiting: the calls need
 * that many even when the timed check-in stopped early.
 */
async function topUp(ctx: BenchContext, token: string, today: string, left: TodayBooking[], queue: string, wanted: number): Promise<number> {
  const waitingNow = async () => (await ctx.db.select({ id: tickets.id }).from(tickets)
    .where(and(eq(tickets.outletId, ctx.outletId), eq(tickets.serviceDate, today), eq(tickets.serviceId, queue), eq(tickets.status, 'waiting')))).length;
  const active = new Set((await ctx.db.select({ no: bookings.appointmentNo }).from(bookings)
    .where(and(inArray(bookings.appointmentNo, left.map((b) => b.appointmentNo)), eq(bookings.status, 'active'), eq(bookings.serviceId, queue)))).map((r) => r.no));
  const candidates = left.filter((b) => active.has(b.appointmentNo));
  let added = 0;
  while ((await waitingNow()) < wanted && candidates.length > 0) {
    await Promise.all(candidates.splice(0, 10).map(async (b) => {
      const res = await fetch(`${ctx.url}/api/kiosk/check-in`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ idNumber: b.idNumber, appointmentNo: b.appointmentNo }),
      });
      await res.arrayBuffer();
      if (res.status === 201) added += 1;
    }));
  }
  return added;
}

export async function checkInRun(ctx: BenchContext, calls: { queue: string; wanted: number }) {
  const today = serviceDate(new Date());
  ctx.progress(`check-in: ${KIOSKS} kiosks, ${CHECK_INS} bookings for today (${today})`);
  const tokens = Array.from({ length: KIOSKS }, () => newToken());
  await ctx.db.insert(devices).values(tokens.map((token, k) => ({
    kind: 'kiosk' as const, outletId: ctx.outletId, name: `压测取号机 bench kiosk ${k + 1}`, status: 'active' as const, tokenHash: hashToken(token), pairedAt: new Date(),
  })));
  const people = await insertTodayBookings(ctx.db, ctx.privacy, ctx.outletId, today, CHECK_INS + KIOSKS * WARM_UP_PER_KIOSK + 1);
  const warm = people.slice(0, KIOSKS * WARM_UP_PER_KIOSK);
  const measured = people.slice(warm.length, warm.length + CHECK_INS);
  const spare = people.at(-1)!;
  await waitForOutbox(ctx.db);

  const loaders = await startHttpLoad(LOAD_PROCESSES);
  // Warm-up: one check-in per kiosk, not counted.
  const warmRun = await runLanes(loaders, tokens.map((token, k) => warm.filter((_, i) => i % KIOSKS === k).map((b, i) => checkInRequest(ctx, `warm${k}.${i}`, token, b))), `${ctx.url}/healthz`);
  // Each kiosk's line, split between the runs: the paced run's first, the flat-out run's after.
  const lines = tokens.map((token, k) => measured.filter((_, i) => i % KIOSKS === k).map((b, i) => checkInRequest(ctx, `${k}.${i}`, token, b)));
  const pacedPerKiosk = Math.ceil(PACED_BUDGET_MS / PACE_MS) + 1;
  const watch = ctx.watchCpu();
  const paced = await runLanes(loaders, lines.map((line) => line.slice(0, pacedPerKiosk)), `${ctx.url}/healthz`, { budgetMs: PACED_BUDGET_MS, paceMs: PACE_MS, staggered: true });
  const cpu = watch.stop();
  const flatOut = await runLanes(loaders, lines.map((line) => line.slice(pacedPerKiosk)), `${ctx.url}/healthz`, { budgetMs: FLAT_OUT_BUDGET_MS });
  await Promise.all(loaders.map((l) => l.stop()));
  const done = new Set([...paced.results, ...flatOut.results].map((r) => r.tag));
  const toppedUp = await topUp(ctx, tokens[0]!, today, measured.filter((_, i) => !done.has(`${i % KIOSKS}.${Math.floor(i / KIOSKS)}`)), calls.queue, calls.wanted);

  const latencies = paced.results.map((r) => r.answeredAt - r.sentAt);
  const flatOutLatencies = flatOut.results.map((r) => r.answeredAt - r.sentAt);
  ctx.progress(`check-in: paced ${paced.results.length} in ${Math.round(paced.windowMs)} ms ${JSON.stringify(outcomes(paced.results))}; flat out ${flatOut.results.length} in ${Math.round(flatOut.windowMs)} ms ${JSON.stringify(outcomes(flatOut.results))}`);
  return {
    p50_ms: round(percentile(latencies, 50)),
    p99_ms: round(percentile(latencies, 99)),
    per_s: round((paced.results.length / paced.windowMs) * 1000),
    outcomes: outcomes(paced.results),
    flat_out: {
      p50_ms: round(percentile(flatOutLatencies, 50)),
      p99_ms: round(percentile(flatOutLatencies, 99)),
      per_s: round((flatOut.results.length / flatOut.windowMs) * 1000),
      outcomes: outcomes(flatOut.results),
      check_ins: flatOut.results.length,
    },
    warm_up_outcomes: outcomes(warmRun.results),
    check_ins: paced.results.length,
    // CPU per check-in (ms), from /proc, while the paced kiosks ran.
    cpu_per_check_in_ms: {
      server: round(cpu.server_ms / paced.results.length), postgres: round(cpu.postgres_ms / paced.results.length),
      load_processes: round(cpu.bench_and_clients_ms / paced.results.length), other_work: round(cpu.others_ms / paced.results.length),
    },
    untimed_check_ins_for_the_calls: toppedUp,
    conditions: {
      kiosks: KIOSKS,
      check_ins: `${CHECK_INS} prepared; each kiosk starts no new one after ${PACED_BUDGET_MS / 1000} s (paced), then ${FLAT_OUT_BUDGET_MS / 1000} s (flat out)`,
      today,
      queues: 'mv-transfer (A), dl-renewal (B), violation (C), in turn',
      shape: `${KIOSKS} kiosks side by side, each checking in its line one after another, from ${LOAD_PROCESSES} processes. p50/p99/per_s: paced, each kiosk starting one every ${PACE_MS} ms, the kiosks ${PACE_MS / KIOSKS} ms apart (offered: ${(KIOSKS * 1000) / PACE_MS}/s). flat_out: no pause, the next as soon as the last is answered (the capacity; latency is then the queue's)`,
      slot: 'today 00:00–23:59 per group: the check-in window is open at the time of the run; the kiosk checks no calendar or opening hours',
      warm_up: `${KIOSKS * WARM_UP_PER_KIOSK} check-ins (${WARM_UP_PER_KIOSK} per kiosk, flat out), not counted`,
    },
    latencies,
    profile: { booking: spare, kioskToken: tokens[0]! },
  };
}

export type CheckInResult = Awaited<ReturnType<typeof checkInRun>>;
