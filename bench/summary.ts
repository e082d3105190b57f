/** The one-screen summary of a run, with each goal of issue 9 beside its figure. */

interface Load {
  load_average_1m: { before: number; after: number };
  cpu: { wall_ms: number; machine_busy_ms: number; server_ms: number; postgres_ms: number; bench_and_clients_ms: number; others_ms: number };
}

const s1 = (ms: number) => (ms / 1000).toFixed(1).padStart(7);

interface Figures {
  generated_at: string;
  took_s: number;
  conditions: string;
  machine: { cores: number };
  cold_start: Load;
  booking_rush: Load & {
    cpu_per_submit_ms: PerRequest; cpu_per_ceiling_tx_ms: PerRequest | null;
    bookings_per_s: number; p50_ms: number; p99_ms: number; overbooked: number; duplicate_ids: number; ceiling_tx_per_s: number; ratio: number; submits: number; outcomes: Record<string, number> };
  checkin: Load & { p50_ms: number; p99_ms: number; per_s: number; cpu_per_check_in_ms: { server: number; postgres: number }; flat_out: { p50_ms: number; p99_ms: number; per_s: number } };
  call_to_display: Call;
  call_to_display_2_nodes: Call;
  cold_start_ms: number;
  display_js_gzip_bytes: number;
}

interface PerRequest {
  server: number;
  postgres: number;
  bench_and_clients: number;
}

interface Call extends Load {
  p50_ms: number;
  p99_ms: number;
  raw_broadcast_p99_ms: number;
  ratio: number;
  clients: number;
  raw_local_p99_ms: number;
  paired_ratio_median: number;
  call_finishing_in_hand_p99_ms: number;
  missed_receipts: number;
}

const mark = (met: boolean) => (met ? 'ok  ' : 'SHORT');

export function summary(r: Figures): string {
  const b = r.booking_rush;
  const c = r.checkin;
  const one = r.call_to_display;
  const two = r.call_to_display_2_nodes;
  const rows: [string, string, string][] = [
    [`booking rush (${b.submits} at once)`, `${b.bookings_per_s}/s vs ceiling ${b.ceiling_tx_per_s} tx/s: ratio ${b.ratio}`, `${mark(b.ratio >= 0.6)} ≥ 0.6`],
    ['', `p50 ${b.p50_ms} ms, p99 ${b.p99_ms} ms; overbooked ${b.overbooked}, duplicate IDs ${b.duplicate_ids}`, `${mark(b.overbooked === 0 && b.duplicate_ids === 0)} 0 and 0`],
    ['', `CPU ms per submit: server ${b.cpu_per_submit_ms.server}, postgres ${b.cpu_per_submit_ms.postgres}; per ceiling tx: client ${b.cpu_per_ceiling_tx_ms?.bench_and_clients}, postgres ${b.cpu_per_ceiling_tx_ms?.postgres}`, ''],
    ['check-in (20 kiosks, 1/s each)', `p50 ${c.p50_ms} ms, p99 ${c.p99_ms} ms, ${c.per_s}/s`, `${mark(c.p99_ms <= 30)} p99 ≤ 30 ms`],
    ['', `CPU ms per check-in: server ${c.cpu_per_check_in_ms.server}, postgres ${c.cpu_per_check_in_ms.postgres}`, ''],
    ['', `flat out (capacity): ${c.flat_out.per_s}/s, p50 ${c.flat_out.p50_ms} ms, p99 ${c.flat_out.p99_ms} ms (the queue of 20 kiosks)`, ''],
    [`call → display, 1 node (${one.clients})`, `p50 ${one.p50_ms}, p99 ${one.p99_ms} vs bare ${one.raw_broadcast_p99_ms} ms: ratio ${one.ratio}`, `${mark(one.ratio <= 1.3)} ≤ 1.3`],
    ['', `paired by round ${one.paired_ratio_median}; finishing in hand p99 ${one.call_finishing_in_hand_p99_ms} ms; local fan-out p99 ${one.raw_local_p99_ms} ms; missed ${one.missed_receipts}`, ''],
    [`call → display, 2 nodes (${two.clients})`, `p50 ${two.p50_ms}, p99 ${two.p99_ms} vs bare ${two.raw_broadcast_p99_ms} ms: ratio ${two.ratio}`, `${mark(two.ratio <= 2)} ≤ 2`],
    ['', `paired by round ${two.paired_ratio_median}; finishing in hand p99 ${two.call_finishing_in_hand_p99_ms} ms; local fan-out p99 ${two.raw_local_p99_ms} ms; missed ${two.missed_receipts}`, ''],
    ['cold start (median of 3)', `${r.cold_start_ms} ms`, `${mark(r.cold_start_ms <= 3000)} ≤ 3 s`],
    ['display JS, gzipped', `${r.display_js_gzip_bytes} bytes (${(r.display_js_gzip_bytes / 1024).toFixed(1)} KB)`, `${mark(r.display_js_gzip_bytes <= 60 * 1024)} ≤ 60 KB`],
  ];
  const phases: [string, Load][] = [['booking', b], ['check-in', c], ['1 node', one], ['2 nodes', two], ['cold start', r.cold_start]];
  const busiest = Math.max(...phases.map(([, p]) => p.load_average_1m.after));
  const loadLine = `machine load (1-min average) before→after: ${phases.map(([name, p]) => `${name} ${p.load_average_1m.before}→${p.load_average_1m.after}`).join(', ')}`;
  const w0 = Math.max(...rows.map((row) => row[0].length));
  const w1 = Math.max(...rows.map((row) => row[1].length));
  return [
    '',
    `Lobby bench ${r.generated_at} (${r.took_s} s)`,
    r.conditions,
    '',
    ...rows.map(([a, b2, g]) => `${a.padEnd(w0)}  ${b2.padEnd(w1)}  ${g}`.trimEnd()),
    '',
    `booking outcomes: ${Object.entries(b.outcomes).map(([k, v]) => `${k} ×${v}`).join(', ')}`,
    loadLine,
    `CPU seconds by phase      wall  server postgres  bench+clients  other work (${r.machine.cores} cores = ${r.machine.cores} CPU s per s)`,
    ...phases.map(([name, p]) => `  ${name.padEnd(20)}${s1(p.cpu.wall_ms)} ${s1(p.cpu.server_ms)} ${s1(p.cpu.postgres_ms)}  ${s1(p.cpu.bench_and_clients_ms)}      ${s1(p.cpu.others_ms)}`),
    ...(busiest > r.machine.cores
      ? [`WARNING: other work kept the machine busy (load ${busiest} on ${r.machine.cores} cores): absolute figures are slower than this machine can do; ratios measured side by side suffer less.`]
      : []),
    'written: bench/results/latest.json, bench/results/latest.svg',
    '',
  ].join('\n');
}
