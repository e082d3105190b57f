/**
 * Drains the outbox: claims a small batch of due messages, sends each through its channel's
 * provider, and marks it sent, or schedules a retry, or marks it failed.
 *
 * Claiming is one statement, `update … where id in (select … for update skip locked limit n)`, that
 * counts the attempt and moves `available_at` a lease ahead. Workers in other processes skip the
 * locked rows and, once committed, no longer see them as due; so no two workers hold one message,
 * and no transaction stays open while a provider is called (on PGlite, one connection, that would
 * stall every request). A worker that dies mid-batch leaves its rows to be claimed again when the
 * lease runs out: delivery is at least once, and twice only after such a crash.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { DeliveryError, type NotificationProvider, type OutboxRow } from '../notifications/provider.ts';
import { afterFailure, MAX_ATTEMPTS } from './backoff.ts';

export const BATCH_SIZE = 10;
/** Longer than a batch of sends can take (10 × the 5 s send timeout), so a live worker never loses its claim. */
export const LEASE_MS = 2 * 60_000;

export interface OutboxWorkerDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  providers: Record<OutboxRow['channel'], NotificationProvider>;
  batchSize?: number;
  maxAttempts?: number;
}

export interface BatchResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

export interface OutboxWorker {
  /** Claims and sends one batch. */
  runOnce(): Promise<BatchResult>;
  /** Runs batches until none is due; the sum of their results. */
  drain(): Promise<BatchResult>;
  /** Drains every `intervalMs` (a run never overlaps the previous one). */
  start(intervalMs: number): void;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const { db, clock, logger } = deps;
  const batchSize = deps.batchSize ?? BATCH_SIZE;
  const maxAttempts = deps.maxAttempts ?? MAX_ATTEMPTS;

  async function claim(now: Date): Promise<OutboxRow[]> {
    const due = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.availableAt, now)))
      .orderBy(asc(outbox.availableAt), asc(outbox.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const rows = await db
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, availableAt: new Date(now.getTime() + LEASE_MS) })
      .where(and(inArray(outbox.id, due), eq(outbox.status, 'pending')))
      .returning();
    return rows.sort((a, b) => a.id - b.id);
  }

  /** Only the holder of this claim (same attempt count) may settle the row. */
  const claimed = (row: OutboxRow) => and(eq(outbox.id, row.id), eq(outbox.status, 'pending'), eq(outbox.attempts, row.attempts));

  async function deliver(row: OutboxRow): Promise<'sent' | 'retried' | 'failed'> {
    const provider = deps.providers[row.channel];
    try {
      await provider.send(row);
    } catch (error) {
      const permanent = error instanceof DeliveryError && error.permanent;
      const now = clock.now();
      const next = afterFailure(row.attempts, permanent, now, maxAttempts);
      const lastError = (error as Error).message.slice(0, 500);
      await db.update(outbox)
        .set(next.status === 'failed' ? { status: 'failed', lastError } : { availableAt: next.retryAt, lastError })
        .where(claimed(row));
      const log = { outboxId: row.id, template: row.template, channel: row.channel, attempts: row.attempts, error: lastError };
      if (next.status === 'failed') logger.error(log, 'message failed for good');
      else logger.warn({ ...log, retryAt: next.retryAt.toISOString() }, 'message failed; will retry');
      return next.status === 'failed' ? 'failed' : 'retried';
    }
    await db.update(outbox).set({ status: 'sent', sentAt: clock.now(), lastError: null }).where(claimed(row));
    return 'sent';
  }

  async function runOnce(): Promise<BatchResult> {
    const rows = await claim(clock.now());
    const result: BatchResult = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
    // One after another: a provider's rate limit is per account, and a batch is small.
    for (const row of rows) result[await deliver(row)]++;
    return result;
  }

  async function drain(): Promise<BatchResult> {
    const total: BatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const batch = await runOnce();
      if (batch.claimed === 0) return total;
      for (const key of ['claimed', 'sent', 'retried', 'failed'] as const) total[key] += batch[key];
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  function schedule(intervalMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = drain()
        .catch((error: unknown) => logger.error({ err: error }, 'outbox worker run failed'))
        .finally(() => { running = undefined; schedule(intervalMs); });
    }, intervalMs);
    timer.unref();
  }

  return {
    runOnce,
    drain,
    start(intervalMs) {
      stopped = false;
      schedule(intervalMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
