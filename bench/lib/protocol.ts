/**
 * Messages between the bench and its load processes (node IPC). Times are milliseconds on the
 * machine's wall clock at sub-millisecond resolution (`performance.timeOrigin + performance.now()`),
 * so a receipt in one process and a send in another can be subtracted (see `clock.ts`).
 */
import type { QueueEvent } from '../../common/events.ts';

/** One HTTP request a load process sends. */
export interface LoadRequest {
  tag: string;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** What came back: status, the error `code` of a refusal, and when it was sent and answered. */
export interface LoadResult {
  tag: string;
  status: number;
  code: string | null;
  sentAt: number;
  answeredAt: number;
}

export type ToHttpWorker =
  /**
   * Requests in lanes: each lane one after another, the lanes side by side. `warmUrl` is fetched
   * first. With `budgetMs`, a lane sends nothing new once that long has passed since `go`; with
   * `paceMs`, a lane starts its requests at least that far apart (a kiosk serves a person at a time).
   */
  /** `startsMs[i]`: how long after `go` lane i sends its first request (0 when absent). */
  | { type: 'prepare'; lanes: LoadRequest[][]; warmUrl: string; budgetMs?: number; paceMs?: number; startsMs?: number[] }
  | { type: 'go' }
  | { type: 'ping'; id: number };

export type FromHttpWorker =
  | { type: 'prepared' }
  | { type: 'results'; results: LoadResult[] }
  | { type: 'pong'; id: number; at: number };

export interface SocketPlan {
  url: string;
  /** Phones following a ticket (`follow:join`). */
  phones: number;
  followToken: string;
  /** A display device token: one display socket that joins the outlet room (`outlet:join`). */
  displayToken?: string;
  outletId: string;
}

export type ToSocketWorker =
  | { type: 'connect'; plan: SocketPlan }
  | { type: 'report' }
  | { type: 'close' }
  | { type: 'ping'; id: number };

export type FromSocketWorker =
  | { type: 'ready'; connected: number; failed: number; firstError: string | null }
  /** The first `called` event this process saw: the payload the raw broadcasts copy. */
  | { type: 'sample'; event: QueueEvent }
  /** Every client of this process has received the event `<type>:<ticket id>`. */
  | { type: 'complete'; key: string }
  /** Receipt times of `called` events by ticket id. */
  | { type: 'receipts'; receipts: [string, number[]][] }
  | { type: 'pong'; id: number; at: number };
