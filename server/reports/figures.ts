/**
 * The day's figures, computed from ticket events alone (pure: the caller loads the events). Every
 * ticket's life is in its events: issued (with its class and the service applied for), made green,
 * entering a queue (issued, the next step of a journey, a transfer, a requeue), called, and leaving
 * the counter (finished, step finished, transferred, missed).
 *
 * - **Wait**: from entering a queue to the first call in it.
 * - **Service time**: from a call to the end of that visit to the counter (finished, next step,
 *   transferred); a missed call is not a service.
 * - **Percentiles** by the nearest-rank method: the p-th percentile of n sorted values is the
 *   ⌈p·n/100⌉-th of them, so every figure is one of the measured values.
 */

export interface ReportEvent {
  ticketId: string;
  type: string;
  /** The queue the event belongs to. */
  serviceId: string;
  at: Date;
  data: Record<string, unknown>;
}

export interface Distribution {
  count: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  max: number | null;
}

/** Per queue (service): calls, misses, waits and service times in minutes. */
export interface QueueFigures {
  serviceId: string;
  calls: number;
  missed: number;
  waitMinutes: number[];
  serviceMinutes: number[];
}

/** Per service applied for: tickets by how they came. */
export interface TicketFigures {
  serviceId: string;
  tickets: number;
  appointment: number;
  walkIn: number;
  late: number;
  /** Tickets that were green at issue or made green later. */
  green: number;
}

const ENTERS_NEXT = { step_finished: 'nextServiceId', transferred: 'toServiceId' } as const;
const VISIT_ENDS = new Set(['finished', 'step_finished', 'transferred']);

/** `percentile([1, 2, 3, 4], 50) === 2` (nearest rank); null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Count, mean, median, 90th percentile and maximum, rounded to one decimal. */
export function distribution(values: readonly number[]): Distribution {
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  if (values.length === 0) return { count: 0, mean: null, p50: null, p90: null, max: null };
  return {
    count: values.length,
    mean: round(values.reduce((a, b) => a + b, 0) / values.length),
    p50: round(percentile(values, 50)),
    p90: round(percentile(values, 90)),
    max: round(Math.max(...values)),
  };
}

const minutesBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

function queueFigures(map: Map<string, QueueFigures>, serviceId: string): QueueFigures {
  let figures = map.get(serviceId);
  if (!figures) map.set(serviceId, (figures = { serviceId, calls: 0, missed: 0, waitMinutes: [], serviceMinutes: [] }));
  return figures;
}

/** Waits and service times per queue, from one outlet's events of one day (any order). */
export function queueFiguresOf(events: readonly ReportEvent[]): QueueFigures[] {
  const byQueue = new Map<string, QueueFigures>();
  /** Per ticket: the queue it is in and since when, until its first call there. */
  const entered = new Map<string, { serviceId: string; at: Date }>();
  const calledAt = new Map<string, Date>();
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const e of ordered) {
    if (e.type === 'issued' || e.type === 'requeued') entered.set(e.ticketId, { serviceId: e.serviceId, at: e.at });
    if (e.type === 'called') {
      const figures = queueFigures(byQueue, e.serviceId);
      figures.calls += 1;
      const since = entered.get(e.ticketId);
      if (since && since.serviceId === e.serviceId) figures.waitMinutes.push(minutesBetween(since.at, e.at));
      entered.delete(e.ticketId);
      calledAt.set(e.ticketId, e.at);
    }
    if (e.type === 'missed') {
      queueFigures(byQueue, e.serviceId).missed += 1;
      calledAt.delete(e.ticketId);
    }
    if (VISIT_ENDS.has(e.type)) {
      const from = calledAt.get(e.ticketId);
      if (from) queueFigures(byQueue, e.serviceId).serviceMinutes.push(minutesBetween(from, e.at));
      calledAt.delete(e.ticketId);
    }
    if (e.type in ENTERS_NEXT) {
      const next = e.data[ENTERS_NEXT[e.type as keyof typeof ENTERS_NEXT]];
      if (typeof next === 'string') entered.set(e.ticketId, { serviceId: next, at: e.at });
    }
  }
  return [...byQueue.values()].sort((a, b) => a.serviceId.localeCompare(b.serviceId));
}

/** Tickets per service applied for, by class; green counts a ticket once however it became green. */
export function ticketFiguresOf(events: readonly ReportEvent[]): TicketFigures[] {
  const byService = new Map<string, TicketFigures>();
  const serviceOf = new Map<string, TicketFigures>();
  const green = new Set<string>();
  for (const e of events) {
    if (e.type !== 'issued') continue;
    const serviceId = typeof e.data.journeyServiceId === 'string' ? e.data.journeyServiceId : e.serviceId;
    let figures = byService.get(serviceId);
    if (!figures) byService.set(serviceId, (figures = { serviceId, tickets: 0, appointment: 0, walkIn: 0, late: 0, green: 0 }));
    figures.tickets += 1;
    serviceOf.set(e.ticketId, figures);
    const issuedAs = e.data.class;
    if (issuedAs === 'appointment') figures.appointment += 1;
    if (issuedAs === 'walk_in') figures.walkIn += 1;
    if (issuedAs === 'late') figures.late += 1;
    // An elder's appointment ticket is green from the start: it came by appointment all the same.
    if (issuedAs === 'green') {
      green.add(e.ticketId);
      if (e.data.bookingId) figures.appointment += 1;
      else figures.walkIn += 1;
    }
  }
  for (const e of events) if (e.type === 'green') green.add(e.ticketId);
  for (const ticketId of green) {
    const figures = serviceOf.get(ticketId);
    if (figures) figures.green += 1;
  }
  return [...byService.values()].sort((a, b) => a.serviceId.localeCompare(b.serviceId));
}

/** Histogram of `values` in bins of `width` (the last bin open-ended at `bins × width`). */
export function histogram(values: readonly number[], width: number, bins: number): { from: number; to: number | null; count: number }[] {
  const counts = Array.from({ length: bins }, () => 0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor(v / width))]! += 1;
  return counts.map((count, i) => ({ from: i * width, to: i === bins - 1 ? null : (i + 1) * width, count }));
}
