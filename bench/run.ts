/**
 * `npm run bench` (issue 9): the booking rush against the database's own ceiling, check-in at 20
 * kiosks, call-to-display with 2,000 clients on one and two nodes against a bare broadcast, the cold
 * start and the display's JavaScript. Needs `DATABASE_URL` of a real PostgreSQL server, on which it
 * creates a database of its own and drops it at the end. Starts the server itself on loopback, loads
 * it from separate processes, and writes bench/results/latest.json, latest.svg and a summary.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { migratePostgresUrl, openPostgres, pgliteTemplateDir, type DatabaseHandle } from '../db/client.ts';
import { seedDemoData } from '../server/demo-data.ts';
import { createPersonalDataCipher } from '../server/privacy/personal-data.ts';
import { ensureWebBuild } from '../server/web-build.ts';
import { latencyChart } from './lib/chart.ts';
import { now } from './lib/clock.ts';
import type { BenchContext } from './lib/context.ts';
import { watchCpu, type CpuUse } from './lib/cpu.ts';
import { conditionsLine, describeMachine } from './lib/machine.ts';
import { RESULTS_DIR, startServerNode, type ServerNode } from './lib/processes.ts';
import { bookingRush } from './phases/booking-rush.ts';
import { callToDisplay, prepareCalls } from './phases/call-to-display.ts';
import { checkInRun } from './phases/check-in.ts';
import { coldStartRun } from './phases/cold-start.ts';
import { displaySize } from './phases/display-size.ts';
import { roundTrips } from './phases/round-trips.ts';
import { summary } from './summary.ts';

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl || !/^postgres(ql)?:\/\//.test(baseUrl)) {
  console.error('bench: set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres); the bench creates and drops a database of its own there.');
  process.exit(2);
}

const OUTLET = 'yt-dmv';
/** The server's pool: DATABASE_POOL_MAX is not read by db/client.ts yet, so every process has openPostgres's default. */
const SERVER_POOL = 10;
/** The calls take tickets from this queue (counter 1's): warm-up and measured rounds on one and two nodes, and some spare. */
const CALL_QUEUE = 'mv-transfer';
const CALLS_NEEDED = 90;
const started = Date.now();
const progress = (message: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);

/** The same server, another database on it. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(text: string): Promise<void> {
  const admin = postgres(baseUrl!, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(text);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

const name = `lobby_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
const url = withDatabase(baseUrl, name);
const nodes: ServerNode[] = [];
/**
 * `LOBBY_BENCH_PROFILE=1`: node A runs with --cpu-prof (bench/results/profiles) and the results say
 * when each phase ran, in ms since node A was spawned, to cut the profile by phase.
 */
const profiling = process.env.LOBBY_BENCH_PROFILE === '1';
const windows: { phase: string; from_ms: number; to_ms: number }[] = [];

/**
 * Runs a phase and notes the machine around it: the load average, and whose CPU the phase's time
 * went to (other work on the machine is part of every figure).
 */
async function phase<T extends object>(run: () => Promise<T>, label: string): Promise<T & { load_average_1m: { before: number; after: number }; cpu: CpuUse }> {
  const before = os.loadavg()[0]!;
  const cpu = watchCpu(name, () => nodes.map((n) => n.child.pid ?? 0));
  const from = now();
  const result = await run();
  if (nodes[0]) windows.push({ phase: label, from_ms: Math.round(from - nodes[0].spawnedAt), to_ms: Math.round(now() - nodes[0].spawnedAt) });
  return { ...result, load_average_1m: { before: Math.round(before * 100) / 100, after: Math.round(os.loadavg()[0]! * 100) / 100 }, cpu: cpu.stop() };
}

mkdirSync(RESULTS_DIR, { recursive: true });
const machine = await describeMachine(baseUrl);
const conditions = conditionsLine(machine);
progress(`on ${conditions}`);

progress('front-ends and the embedded database template (built only if stale)');
// The servers the bench starts rebuild stale front-ends themselves; a build that fails stops them.
const built = await ensureWebBuild().catch((error: unknown) => {
  console.error(`bench: the front-ends do not build (${(error as Error).message}); the server cannot start either. Fix the build and run again.`);
  process.exit(1);
});
if (built) progress('front-ends rebuilt');
await pgliteTemplateDir();
const display = displaySize();

/** What finished so far, written to bench/results/partial.json if a later phase fails. */
const partial: Record<string, unknown> = { conditions, display_js: display };
const keep = <T extends object>(key: string, result: T): T => {
  const { latencies: _latencies, profile: _profile, ...figures } = result as T & { latencies?: unknown; profile?: unknown };
  partial[key] = figures;
  return result;
};

let database: DatabaseHandle | undefined;
let exitCode = 0;
let interrupted = false;
// Ctrl-C: the servers and load processes get the signal too; the database is dropped here.
process.once('SIGINT', () => {
  interrupted = true;
  progress('interrupted: stopping the servers, dropping the database');
  void Promise.allSettled(nodes.map((n) => n.stop()))
    .then(() => adminQuery(`drop database if exists "${name}" with (force)`))
    .finally(() => process.exit(130));
});
try {
  progress(`database ${name}: create, migrate, seed the demo`);
  await adminQuery(`create database "${name}"`);
  await migratePostgresUrl(url);
  database = await openPostgres(url, { max: 10 });
  const seeded = await seedDemoData(database.db);
  const displayToken = seeded!.devices.find((d) => d.kind === 'display')!.token;
  const dataKey = randomBytes(32);
  const serverEnv = { DATABASE_URL: url, LOBBY_DATA_KEY: dataKey.toString('hex'), LOBBY_BENCH_HOOKS: '1' };

  progress('starting server node A');
  nodes.push(await startServerNode('server-a', serverEnv, profiling ? ['--cpu-prof', `--cpu-prof-dir=${path.join(RESULTS_DIR, 'profiles')}`] : []));
  const ctx: BenchContext = {
    db: database.db, databaseUrl: url, privacy: createPersonalDataCipher(dataKey), url: nodes[0]!.url, outletId: OUTLET, serverPool: SERVER_POOL, progress,
    watchCpu: () => watchCpu(name, () => nodes.map((n) => n.child.pid ?? 0)),
  };

  const booking = keep('booking_rush', await phase(() => bookingRush(ctx), 'booking_rush'));
  const checkIn = keep('checkin', await phase(() => checkInRun(ctx, { queue: CALL_QUEUE, wanted: CALLS_NEEDED }), 'checkin'));
  const setup = await prepareCalls(ctx, displayToken);
  const oneNode = keep('call_to_display', await phase(() => callToDisplay(ctx, [nodes[0]!.url], setup), 'call_to_display'));
  progress('starting server node B');
  nodes.push(await startServerNode('server-b', serverEnv));
  const twoNodes = keep('call_to_display_2_nodes', await phase(() => callToDisplay(ctx, nodes.map((n) => n.url), setup), 'call_to_display_2_nodes'));
  progress('round trips per request (the app in this process, statements counted)');
  const trips = keep('round_trips', await roundTrips(ctx, dataKey, { booking: checkIn.profile.booking, kioskToken: checkIn.profile.kioskToken, ...booking.profile }));

  for (const node of nodes.splice(0)) await node.stop();
  await database.close();
  database = undefined;
  await adminQuery(`drop database if exists "${name}" with (force)`);

  const cold = await phase(() => coldStartRun({ progress }), 'cold_start');

  const { latencies: bookingLatencies, profile: _bookingProfile, ...bookingFigures } = booking;
  const { latencies: checkInLatencies, profile: _checkInProfile, ...checkInFigures } = checkIn;
  const { latencies: oneNodeLatencies, ...oneNodeFigures } = oneNode;
  const { latencies: twoNodeLatencies, ...twoNodeFigures } = twoNodes;
  rmSync(path.join(RESULTS_DIR, 'partial.json'), { force: true });
  const results = {
    generated_at: new Date().toISOString(),
    took_s: Math.round((Date.now() - started) / 1000),
    conditions,
    booking_rush: { ...bookingFigures, machine: conditions },
    checkin: { ...checkInFigures, machine: conditions },
    call_to_display: { ...oneNodeFigures, machine: conditions },
    call_to_display_2_nodes: { ...twoNodeFigures, machine: conditions },
    cold_start_ms: cold.cold_start_ms,
    cold_start: { ...cold, machine: conditions },
    display_js_gzip_bytes: display.display_js_gzip_bytes,
    display_js: { ...display, machine: conditions },
    round_trips: { ...trips, machine: conditions },
    ...(profiling ? { profile_windows_since_node_a_spawn: windows } : {}),
    machine: { ...machine, 'cpu model': machine.cpu_model, 'node version': machine.node_version, 'postgres version': machine.postgres_version },
  };
  writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, 'latest.svg'), latencyChart(
    `Lobby bench, ${results.generated_at.slice(0, 16).replace('T', ' ')} UTC`,
    conditions,
    [
      { name: 'booking submit (HTTP)', values: bookingLatencies.http, color: '#1f77b4' },
      { name: 'booking tx, direct (ceiling)', values: bookingLatencies.ceiling, color: '#1f77b4', dashed: true },
      { name: 'check-in (20 kiosks)', values: checkInLatencies, color: '#2ca02c' },
      { name: 'call → display, 1 node', values: oneNodeLatencies.call, color: '#d62728' },
      { name: 'bare broadcast, 1 node', values: oneNodeLatencies.raw, color: '#d62728', dashed: true },
      { name: 'call → display, 2 nodes', values: twoNodeLatencies.call, color: '#9467bd' },
      { name: 'bare broadcast, 2 nodes', values: twoNodeLatencies.raw, color: '#9467bd', dashed: true },
    ],
  ));
  console.log(summary(results));
} catch (error) {
  exitCode = 1;
  if (interrupted) await new Promise(() => {}); // the SIGINT handler ends the process
  console.error('bench failed:', error);
  writeFileSync(path.join(RESULTS_DIR, 'partial.json'), `${JSON.stringify({ ...partial, error: String(error) }, null, 2)}\n`);
  console.error('bench: what finished is in bench/results/partial.json');
} finally {
  for (const node of nodes) await node.stop().catch(() => {});
  await database?.close().catch(() => {});
  await adminQuery(`drop database if exists "${name}" with (force)`).catch((error: unknown) => console.error(`bench: could not drop ${name}:`, error));
}
process.exit(exitCode);
