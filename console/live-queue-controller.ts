/**
 * The outlet's queue as staff see it, kept fresh by the live connection instead of a timer: it
 * fetches `GET /api/outlets/:id/queue` once, joins the outlet's socket.io room, and fetches again
 * (~150 ms after the first of a burst of `queue:event`s, so ten calls in a second cost one or two
 * fetches) whenever an event is newer than what it shows. The queue's `seq` and the events' `seq`
 * come from the same outlet sequence, which is how it knows.
 *
 * When the connection drops it says so (`live === 'lost'`) and keeps showing what it last had;
 * on reconnecting it joins again, and the join's snapshot `seq` tells whether anything was missed.
 * If the server ended the connection (a sign-out elsewhere), it connects again after a pause; a
 * join refused as unauthenticated makes it fetch the queue, whose 401 ends the console's session.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { OutletQueue } from '../common/counters.ts';
import type { Ack, ClientToServerEvents, CounterEvent, OutletSnapshot, QueueEvent, ServerToClientEvents } from '../common/events.ts';
import type { ApiFailure } from '../ui/api.ts';
import type { Text } from '../ui/i18n.ts';
import { sessionEnded } from './console-api.ts';
import { fetchQueue } from './counter-api.ts';

export type QueueLoad =
  | { status: 'loading' }
  /** `failure`: the last fetch failed, so `queue` may be old. */
  | { status: 'loaded'; queue: OutletQueue; failure?: ApiFailure }
  | { status: 'failed'; failure: ApiFailure };

/** `refused`: the server would not let this session follow the outlet; `refusal` says why. */
export type LiveStatus = 'connecting' | 'live' | 'lost' | 'refused';

export interface LiveQueueOptions {
  /** The server no longer knows the session: the console signs out. */
  onSessionEnded: () => void;
  debounceMs?: number;
  /** How long to wait before connecting again after the server dropped the connection. */
  reconnectMs?: number;
  /** How long a join may go unanswered before the connection counts as lost. */
  joinTimeoutMs?: number;
}

type LobbySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class LiveQueueController implements ReactiveController {
  load: QueueLoad = { status: 'loading' };
  live: LiveStatus = 'connecting';
  refusal: Text | undefined;
  /**
   * How many fetches have completed. A view made from an action's answer holds until this moves on:
   * `refresh()` drops any older fetch still under way, so the next completed one began after the action.
   */
  loads = 0;

  readonly #host: ReactiveControllerHost;
  readonly #options: Required<LiveQueueOptions>;
  #outletId: string | undefined;
  #running = false;
  #socket: LobbySocket | undefined;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #reconnect: ReturnType<typeof setTimeout> | undefined;
  /** The newest fetch; an answer to an older one is dropped. */
  #generation = 0;
  #inFlight = false;
  /** An event arrived while a fetch was under way: fetch again when it ends. */
  #again = false;
  /** The newest event sequence heard of. */
  #heardSeq = -1;

  constructor(host: ReactiveControllerHost, options: LiveQueueOptions) {
    this.#host = host;
    this.#options = { debounceMs: 150, reconnectMs: 3_000, joinTimeoutMs: 10_000, ...options };
    host.addController(this);
  }

  get outletId(): string | undefined {
    return this.#outletId;
  }

  /** Follows another outlet (or none). */
  follow(outletId: string | undefined): void {
    if (outletId === this.#outletId) return;
    this.#outletId = outletId;
    this.#stop();
    this.load = { status: 'loading' };
    this.#heardSeq = -1;
    this.#host.requestUpdate();
    if (this.#running) this.#start();
  }

  hostConnected(): void {
    this.#running = true;
    this.#start();
  }

  hostDisconnected(): void {
    this.#running = false;
    this.#stop();
  }

  /** Fetches now, dropping any fetch under way (after an action, or when someone presses retry). */
  refresh(): Promise<void> {
    clearTimeout(this.#debounce);
    this.#debounce = undefined;
    return this.#fetch();
  }

  #start(): void {
    if (!this.#outletId) return;
    void this.#fetch();
    this.#openSocket(this.#outletId);
  }

  #stop(): void {
    clearTimeout(this.#debounce);
    clearTimeout(this.#reconnect);
    this.#debounce = undefined;
    this.#reconnect = undefined;
    // Answers still under way are dropped, not aborted: nothing is lost by letting them finish.
    this.#generation++;
    this.#inFlight = false;
    this.#again = false;
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = undefined;
  }

  async #fetch(): Promise<void> {
    const outletId = this.#outletId;
    if (!outletId || !this.#running) return;
    const generation = ++this.#generation;
    this.#inFlight = true;
    this.#again = false;
    if (this.load.status === 'failed') this.#set({ status: 'loading' });
    const result = await fetchQueue(outletId);
    if (generation !== this.#generation) return;
    this.#inFlight = false;
    if (!result.ok && sessionEnded(result)) {
      this.#options.onSessionEnded();
      return;
    }
    if (result.ok) {
      this.loads++;
      this.#set({ status: 'loaded', queue: result.data });
    } else {
      const shown = this.load;
      this.#set(shown.status === 'loaded' ? { status: 'loaded', queue: shown.queue, failure: result } : { status: 'failed', failure: result });
    }
    if (this.#again) this.#fetchIfBehind();
  }

  #openSocket(outletId: string): void {
    // Same origin, with the session cookie; websocket only, as every page of the project connects.
    const socket: LobbySocket = io({ transports: ['websocket'] });
    this.#socket = socket;
    this.#setLive('connecting');

    socket.on('connect', () => void this.#join(socket, outletId));
    socket.on('queue:event', (event: QueueEvent) => {
      if (event.outletId !== outletId) return;
      this.#heardSeq = Math.max(this.#heardSeq, event.seq);
      this.#schedule();
    });
    // A counter opened or closed elsewhere: its sequence is the outlet's, like a ticket event's.
    socket.on('counter:event', (event: CounterEvent) => {
      if (event.outletId !== outletId) return;
      this.#heardSeq = Math.max(this.#heardSeq, event.seq);
      this.#schedule();
    });
    socket.on('disconnect', (reason) => {
      this.#setLive('lost');
      // The server ended it (it does when the session signs out): socket.io will not reconnect by
      // itself. Connect again after a pause; a join refused for want of a session then ends it.
      // Not at once: on this page's own sign-out the console is gone before the pause is over.
      if (reason === 'io server disconnect') this.#reconnectLater(socket);
    });
    socket.on('connect_error', () => {
      this.#setLive('lost');
      // A network error is retried by socket.io itself; a refused handshake is not.
      if (socket.active) return;
      void this.refresh();
      this.#reconnectLater(socket);
    });
  }

  async #join(socket: LobbySocket, outletId: string): Promise<void> {
    let ack: Ack<OutletSnapshot>;
    try {
      ack = await socket.timeout(this.#options.joinTimeoutMs).emitWithAck('outlet:join', { outletId });
    } catch {
      // No answer: treat it as a lost connection and let socket.io start over.
      if (socket !== this.#socket) return;
      this.#setLive('lost');
      socket.disconnect();
      this.#reconnectLater(socket);
      return;
    }
    if (socket !== this.#socket) return;
    if ('error' in ack) {
      this.refusal = { zh: ack.error.message, en: ack.error.message };
      this.#setLive('refused');
      // Most likely the session ended while the socket was away: the fetch tells.
      if (ack.error.code === 'unauthenticated') void this.refresh();
      return;
    }
    this.refusal = undefined;
    this.#setLive('live');
    // Whatever happened while the connection was away (or before it first came) shows in the seq.
    this.#heardSeq = Math.max(this.#heardSeq, ack.data.seq);
    this.#fetchIfBehind();
  }

  #reconnectLater(socket: LobbySocket): void {
    clearTimeout(this.#reconnect);
    this.#reconnect = setTimeout(() => {
      this.#reconnect = undefined;
      if (this.#running && socket === this.#socket) socket.connect();
    }, this.#options.reconnectMs);
  }

  /** The first event of a burst starts the clock; the rest ride along with the same fetch. */
  #schedule(): void {
    if (this.#debounce !== undefined) return;
    this.#debounce = setTimeout(() => {
      this.#debounce = undefined;
      this.#fetchIfBehind();
    }, this.#options.debounceMs);
  }

  #fetchIfBehind(): void {
    const shown = this.load;
    if (shown.status === 'loaded' && !shown.failure && shown.queue.seq >= this.#heardSeq) return;
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    void this.#fetch();
  }

  #set(load: QueueLoad): void {
    this.load = load;
    this.#host.requestUpdate();
  }

  #setLive(live: LiveStatus): void {
    this.live = live;
    this.#host.requestUpdate();
  }
}
