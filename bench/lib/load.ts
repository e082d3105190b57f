/**
 * Driving the load processes: HTTP requests sent in lanes from several processes at once, with the
 * answers' times brought onto the bench's clock.
 */
import type { Database } from '../../db/client.ts';
import { and, count, eq, lte, sql } from 'drizzle-orm';
import { outbox } from '../../db/schema.ts';
import { sleep } from './clock.ts';
import { forkLoadProcess, type LoadProcess, type Ping } from './processes.ts';
import type { FromHttpWorker, LoadRequest, LoadResult, ToHttpWorker } from './protocol.ts';

export type HttpLoadProcess = LoadProcess<ToHttpWorker | Ping, FromHttpWorker>;

export async function startHttpLoad(count: number): Promise<HttpLoadProcess[]> {
  const processes = Array.from({ length: count }, () => forkLoadProcess<ToHttpWorker, FromHttpWorker>('http-load.ts'));
  for (const p of processes) await p.measureOffset();
  return processes;
}

export interface LoadRun {
  results: LoadResult[];
  /** From the first send to the last answer, in ms. */
  windowMs: number;
}

/**
 * Deals the lanes out to the processes, lets each warm up, then starts them together. Times in
 * the results are on the bench's clock.
 */
export async function runLanes(
  processes: HttpLoadProcess[], lanes: LoadRequest[][], warmUrl: string, options: { budgetMs?: number; paceMs?: number; staggered?: boolean } = {},
): Promise<LoadRun> {
  const { staggered, ...pacing } = options;
  // Staggered lanes start spread over one pace, as people reach kiosks at different moments; else
  // every lane sends its first request at once.
  const startOf = (lane: number) => (staggered && pacing.paceMs ? Math.round((lane * pacing.paceMs) / lanes.length) : 0);
  processes.forEach((p, i) => {
    const mine = lanes.map((_, j) => j).filter((j) => j % processes.length === i);
    p.send({ type: 'prepare', lanes: mine.map((j) => lanes[j]!), startsMs: mine.map(startOf), warmUrl, ...pacing });
  });
  await Promise.all(processes.map((p) => p.next('prepared')));
  for (const p of processes) p.send({ type: 'go' });
  const answers = await Promise.all(processes.map(async (p) => {
    const { results } = await p.next('results', 180_000);
    return results.map((r) => ({ ...r, sentAt: r.sentAt - p.offset, answeredAt: r.answeredAt - p.offset }));
  }));
  const results = answers.flat();
  const first = Math.min(...results.map((r) => r.sentAt));
  const last = Math.max(...results.map((r) => r.answeredAt));
  return { results, windowMs: last - first };
}

/** Counts of answers by `status code` (`201`, `409 slot_full`, …). */
export function outcomes(results: readonly LoadResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = r.code ? `${r.status} ${r.code}` : String(r.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * Waits until the outbox has nothing due (the server's worker sends every 2 s), so the messages one
 * phase enqueued are not sent during the next phase's measurement. Returns the rows still due.
 */
export async function waitForOutbox(db: Database, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Claimed rows wait under a lease (available_at moves 2 minutes ahead): they count as due too.
    const [row] = await db.select({ due: count() }).from(outbox).where(and(eq(outbox.status, 'pending'), lte(outbox.availableAt, sql`now() + interval '3 minutes'`)));
    const due = row?.due ?? 0;
    if (due === 0 || Date.now() > deadline) return due;
    await sleep(250);
  }
}
