/**
 * Whether this page can reach the server: the browser's online/offline events tell when the
 * network goes, the health check tells when the server or its database does. After a failure it
 * asks again with a growing delay; once healthy it stops asking (live updates will come over
 * socket.io, which has its own reconnection).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiFailure, ApiResult } from './api.ts';
import { fetchHealth, type Health } from './health.ts';

export type Connection =
  | { status: 'checking' }
  | { status: 'online'; health: Health }
  | { status: 'offline' }
  /** The server answered, but cannot serve (its database is down, or a proxy stands in for it). */
  | { status: 'unavailable'; failure: ApiFailure };

export interface OnlineOptions {
  probe?: (signal: AbortSignal) => Promise<ApiResult<Health>>;
  /** The first delay before asking again; it doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export class OnlineController implements ReactiveController {
  state: Connection = { status: 'checking' };

  readonly #host: ReactiveControllerHost;
  readonly #probe: (signal: AbortSignal) => Promise<ApiResult<Health>>;
  readonly #retryMs: number;
  readonly #maxRetryMs: number;
  #delay: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: AbortController | undefined;

  constructor(host: ReactiveControllerHost, options: OnlineOptions = {}) {
    this.#host = host;
    this.#probe = options.probe ?? fetchHealth;
    this.#retryMs = options.retryMs ?? 2_000;
    this.#maxRetryMs = options.maxRetryMs ?? 30_000;
    this.#delay = this.#retryMs;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    void this.check();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    this.#stop();
  }

  /** Asks the server now, e.g. when someone presses "retry". */
  async check(): Promise<void> {
    this.#stop();
    const request = new AbortController();
    this.#inFlight = request;
    let result: ApiResult<Health>;
    try {
      result = await this.#probe(request.signal);
    } catch (error) {
      if (request.signal.aborted) return; // a newer check or a disconnect took over
      throw error;
    }
    if (request.signal.aborted) return;
    this.#inFlight = undefined;

    if (result.ok) {
      this.#delay = this.#retryMs;
      this.#set({ status: 'online', health: result.data });
      return;
    }
    this.#set(result.kind === 'offline' ? { status: 'offline' } : { status: 'unavailable', failure: result });
    this.#timer = setTimeout(() => void this.check(), this.#delay);
    this.#delay = Math.min(this.#delay * 2, this.#maxRetryMs);
  }

  readonly #onOnline = (): void => {
    this.#delay = this.#retryMs;
    void this.check();
  };

  // Nothing to ask until the network is back; the 'online' event restarts the checks.
  readonly #onOffline = (): void => {
    this.#stop();
    this.#set({ status: 'offline' });
  };

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#inFlight?.abort();
    this.#inFlight = undefined;
  }

  #set(state: Connection): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}
