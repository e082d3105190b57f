/**
 * Call to display: 2,000 socket.io clients in one outlet's room (a display and phones following a
 * ticket), spread over load processes; a counter calls, one call at a time. Each call is timed from
 * the moment the bench sends the request to each client's receipt of that call's `called` event.
 * In the same run, the same clients receive a bare broadcast of the same payload from the same
 * server (server/bench-hooks.ts, no database work): the floor the calls are compared with.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { QueueEvent } from '../../common/events.ts';
import { counters, tickets } from '../../db/schema.ts';
import { STAFF_COOKIE } from '../../server/auth/sessions.ts';
import { BENCH_BROADCAST_PATH } from '../../server/bench-hooks.ts';
import { DEMO_PASSWORD } from '../../server/demo-data.ts';
import { now, sleep } from '../lib/clock.ts';
import { getJson, type BenchContext } from '../lib/context.ts';
import { forkLoadProcess, type LoadProcess, type Ping } from '../lib/processes.ts';
import type { FromSocketWorker, ToSocketWorker } from '../lib/protocol.ts';
import { distribution, percentile, round, round2 } from '../lib/stats.ts';

const CLIENTS = 2_000;
const PROCESSES = 4;
const WARM_ROUNDS = 3;
const ROUNDS = 36;
/** On a busy machine the rounds stop after this long (but not before `MIN_ROUNDS`), so the run ends in time. */
const ROUNDS_BUDGET_MS = 25_000;
const MIN_ROUNDS = 12;
/** One broadcast at a time: the next is sent this long after every client has the previous one. */
const GAP_MS = 50;
/** How long to wait for every client to have a broadcast before going on without the stragglers. */
const COMPLETE_TIMEOUT_MS = 5_000;
/** The counter that calls: counter 1 of the office serves mv-transfer, one of the check-in queues. */
const COUNTER_NUMBER = 1;

type SocketLoad = LoadProcess<ToSocketWorker | Ping, FromSocketWorker>;

export interface CallSetup {
  counterId: string;
  staffHeaders: Record<string, string>;
  followToken: string;
  displayToken: string;
}

/** Signs the supervisor in, opens the counter, and finds a follow token for the phones. */
export async function prepareCalls(ctx: BenchContext, displayToken: string): Promise<CallSetup> {
  const login = await fetch(`${ctx.url}/api/staff/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'supervisor', password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`supervisor sign-in: ${login.status} ${await login.text()}`);
  const cookie = new RegExp(`${STAFF_COOKIE}=([^;]*)`).exec(login.headers.get('set-cookie') ?? '')?.[1];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const staffHeaders = { cookie: `${STAFF_COOKIE}=${cookie}`, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const [counter] = await ctx.db.select({ id: counters.id }).from(counters).where(and(eq(counters.outletId, ctx.outletId), eq(counters.number, COUNTER_NUMBER)));
  if (!counter) throw new Error(`no counter ${COUNTER_NUMBER} at ${ctx.outletId}`);
  await getJson(`${ctx.url}/api/counters/${counter.id}/open`, { method: 'POST', headers: staffHeaders, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
  const [ticket] = await ctx.db.select({ followToken: tickets.followToken }).from(tickets).where(eq(tickets.outletId, ctx.outletId)).limit(1);
  if (!ticket) throw new Error('no ticket to follow: the check-in phase issues them');
  return { counterId: counter.id, staffHeaders, followToken: ticket.followToken, displayToken };
}

type Kind = 'call' | 'call_in_hand' | 'raw' | 'raw_local';

interface Sent {
  kind: Kind;
  at: number;
  measured: boolean;
  round: number;
}

async function connectClients(ctx: BenchContext, nodes: string[], setup: CallSetup): Promise<SocketLoad[]> {
  const loads = Array.from({ length: PROCESSES }, () => forkLoadProcess<ToSocketWorker, FromSocketWorker>('socket-clients.ts'));
  const perProcess = CLIENTS / PROCESSES;
  // The display sits in process 1: on node A with one node, on node B with two.
  loads.forEach((load, i) => load.send({
    type: 'connect',
    plan: {
      url: nodes[i % nodes.length]!, outletId: ctx.outletId, followToken: setup.followToken,
      phones: i === 1 ? perProcess - 1 : perProcess, ...(i === 1 ? { displayToken: setup.displayToken } : {}),
    },
  }));
  const ready = await Promise.all(loads.map((l) => l.next('ready', 120_000)));
  const failed = ready.reduce((n, r) => n + r.failed, 0);
  if (failed > 0) throw new Error(`${failed} socket clients failed to join: ${ready.find((r) => r.firstError)?.firstError}`);
  for (const load of loads) await load.measureOffset();
  return loads;
}

/** Waits until every client of every process has the event `<type>:<ticket id>` (or the timeout). */
async function everyoneHas(loads: SocketLoad[], key: string): Promise<boolean> {
  const deadline = Date.now() + COMPLETE_TIMEOUT_MS;
  const each = await Promise.all(loads.map(async (load) => {
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      const done = await load.next('complete', left).catch(() => undefined);
      if (!done) return false;
      if (done.key === key) return true; // earlier keys are stragglers' completions: skip them
    }
  }));
  await sleep(GAP_MS);
  return each.every(Boolean);
}

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<Response> {
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (res.status >= 500) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return res;
}

/** Runs the calls and the bare broadcasts against `nodes` (calls through the first), with 2,000 clients split over them. */
export async function callToDisplay(ctx: BenchContext, nodes: string[], setup: CallSetup) {
  const label = nodes.length === 1 ? 'call to display' : `call to display, ${nodes.length} nodes`;
  ctx.progress(`${label}: connecting ${CLIENTS} socket.io clients from ${PROCESSES} processes`);
  const connectStarted = now();
  const loads = await connectClients(ctx, nodes, setup);
  const connectMs = now() - connectStarted;
  const sent = new Map<string, Sent>();
  const callResponses: number[] = [];
  let sample: QueueEvent | undefined;
  let stragglers = 0;
  let rounds = 0;
  const json = { 'content-type': 'application/json' };
  const action = (name: string) => post(`${nodes[0]}/api/counters/${setup.counterId}/${name}`, setup.staffHeaders, { idempotencyKey: randomUUID() });

  try {
    ctx.progress(`${label}: ${CLIENTS} clients in the room after ${Math.round(connectMs)} ms; ${WARM_ROUNDS} + ${ROUNDS} rounds of call, bare broadcast, local broadcast`);
    let measuredFrom = Number.POSITIVE_INFINITY;
    for (let turn = 0; turn < WARM_ROUNDS + ROUNDS; turn++) {
      const measured = turn >= WARM_ROUNDS;
      if (turn === WARM_ROUNDS) measuredFrom = now();
      if (turn >= WARM_ROUNDS + MIN_ROUNDS && now() - measuredFrom > ROUNDS_BUDGET_MS) break;
      rounds = turn + 1 - WARM_ROUNDS;
      // Two rounds in three the ticket in hand is finished first, so the call sends one event, as the
      // bare broadcast does; every third the call finishes it itself (two events: finished, called).
      const kind: Kind = turn % 3 === 2 ? 'call_in_hand' : 'call';
      if (kind === 'call') {
        const finished = await action('finish');
        const body = (await finished.json()) as { ticket: { id: string } | null };
        if (body.ticket) await everyoneHas(loads, `finished:${body.ticket.id}`);
      }
      const callAt = now();
      const res = await action('call-next');
      const answeredAt = now();
      const body = (await res.json()) as { ticket: { id: string } | null; code?: string };
      if (!body.ticket) throw new Error(`call-next called nobody: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      sent.set(body.ticket.id, { kind, at: callAt, measured, round: turn });
      if (measured) callResponses.push(answeredAt - callAt);
      if (!(await everyoneHas(loads, `called:${body.ticket.id}`))) stragglers += 1;

      sample ??= (await loads[0]!.next('sample', 10_000)).event;
      const rawId = randomUUID();
      const rawAt = now();
      await post(`${nodes[0]}${BENCH_BROADCAST_PATH}`, json, { event: { ...sample, ticket: { ...sample.ticket, id: rawId } } });
      sent.set(rawId, { kind: 'raw', at: rawAt, measured, round: turn });
      if (!(await everyoneHas(loads, `called:${rawId}`))) stragglers += 1;

      const localId = randomUUID();
      const localAt = now();
      await Promise.all(nodes.map((node) => post(`${node}${BENCH_BROADCAST_PATH}`, json, { event: { ...sample!, ticket: { ...sample!.ticket, id: localId } }, local: true })));
      sent.set(localId, { kind: 'raw_local', at: localAt, measured, round: turn });
      if (!(await everyoneHas(loads, `called:${localId}`))) stragglers += 1;
    }

    const latencies: Record<Kind, number[]> = { call: [], call_in_hand: [], raw: [], raw_local: [] };
    const received = new Map<string, number>();
    /** Receipts by round and kind: each call compared with the bare broadcast right after it. */
    const byRound = new Map<string, number[]>();
    for (const load of loads) {
      load.send({ type: 'report' });
      const { receipts } = await load.next('receipts', 60_000);
      for (const [id, times] of receipts) {
        const send = sent.get(id);
        if (!send?.measured) continue;
        received.set(id, (received.get(id) ?? 0) + times.length);
        const roundKey = `${send.round}:${send.kind}`;
        const perRound = byRound.get(roundKey) ?? [];
        byRound.set(roundKey, perRound);
        for (const t of times) {
          latencies[send.kind].push(t - load.offset - send.at);
          perRound.push(t - load.offset - send.at);
        }
      }
    }
    const measuredEvents = [...sent.entries()].filter(([, s]) => s.measured);
    const missed = measuredEvents.reduce((n, [id]) => n + CLIENTS - (received.get(id) ?? 0), 0);
    const call = latencies.call;
    const pairedRatios = [...byRound.entries()].filter(([key]) => key.endsWith(':call')).flatMap(([key, values]) => {
      const raw = byRound.get(key.replace(':call', ':raw'));
      return raw ? [percentile(values, 99) / percentile(raw, 99)] : [];
    });
    const rawP99 = percentile(latencies.raw, 99);
    ctx.progress(`${label}: call p99 ${round(percentile(call, 99))} ms, bare broadcast p99 ${round(rawP99)} ms, ${missed} receipts missing`);
    return {
      p50_ms: round(percentile(call, 50)),
      p99_ms: round(percentile(call, 99)),
      raw_broadcast_p99_ms: round(rawP99),
      ratio: round2(percentile(call, 99) / rawP99),
      clients: CLIENTS,
      nodes: nodes.length,
      paired_ratio_median: round2(percentile(pairedRatios, 50)),
      raw_broadcast_p50_ms: round(percentile(latencies.raw, 50)),
      raw_local_p50_ms: round(percentile(latencies.raw_local, 50)),
      raw_local_p99_ms: round(percentile(latencies.raw_local, 99)),
      call_finishing_in_hand_p50_ms: round(percentile(latencies.call_in_hand, 50)),
      call_finishing_in_hand_p99_ms: round(percentile(latencies.call_in_hand, 99)),
      call_response: distribution(callResponses),
      receipts: { call: distribution(call), raw: distribution(latencies.raw), raw_local: distribution(latencies.raw_local), call_in_hand: distribution(latencies.call_in_hand) },
      rounds,
      missed_receipts: missed,
      broadcasts_not_complete_within_5_s: stragglers,
      connect_ms: round(connectMs),
      conditions: {
        clients: `${CLIENTS} socket.io clients (websocket) in ${PROCESSES} processes: 1 display (outlet:join) and ${CLIENTS - 1} phones (follow:join)`,
        nodes: nodes.length === 1 ? 'one server process' : `${nodes.length} server processes on one database (Postgres adapter); clients split evenly, the display on node B, calls and bare broadcasts through node A`,
        calls: `${rounds} measured rounds (up to ${ROUNDS}, as many as fit in ${ROUNDS_BUDGET_MS / 1000} s) after ${WARM_ROUNDS} warm-up rounds; one broadcast at a time (the next ${GAP_MS} ms after every client has the last); the supervisor at counter ${COUNTER_NUMBER} (queue mv-transfer)`,
        p50_p99: 'over every receipt of the rounds whose ticket in hand was finished first (one queue:event per call, like the bare broadcast), from the send of POST call-next',
        raw_broadcast: 'POST /__bench/broadcast on node A: io.to(outlet room).emit(queue:event) of a copy of a real called event (new ticket id), no database work; with two nodes it goes through the Postgres adapter',
        raw_local: 'io.local.to(room).emit on every node at once: the fan-out alone, no adapter',
        paired_ratio_median: 'the median over rounds of (p99 of that round\'s call / p99 of the bare broadcast sent right after it): less sensitive to other work on the machine than the ratio of the pooled p99s',
        call_finishing_in_hand: 'rounds where call-next finished the ticket in hand itself (two events, finished then called): what a clerk pressing next does',
      },
      latencies,
    };
  } finally {
    for (const load of loads) load.send({ type: 'close' });
    await Promise.all(loads.map((l) => l.stop()));
  }
}

export type CallToDisplayResult = Awaited<ReturnType<typeof callToDisplay>>;
