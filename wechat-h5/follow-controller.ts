/**
 * One ticket followed live from a phone, by its follow token. The view comes from
 * `GET /api/follow/<token>`; the socket's `follow:join` puts the phone in its outlet's room, and any
 * event there (someone ahead called, the ticket itself called) fetches the view again, ~200 ms after
 * the first of a burst so a busy lobby costs one fetch, not ten. A reconnect fetches again too,
 * since events may have been missed meanwhile.
 *
 * `onCalled` fires when a call (or recall) of this ticket is seen live — not for a call that was
 * already there when the page opened, nor twice for the same call.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../common/events.ts';
import type { FollowView } from '../common/follow.ts';
import type { ApiFailure } from '../ui/api.ts';
import { fetchFollowView } from './follow-api.ts';

export type FollowLoad =
  | { status: 'loading' }
  /** No ticket has this token. */
  | { status: 'not-found' }
  | { status: 'failed'; failure: ApiFailure }
  /** `failure`: the latest fetch failed, so `view` may be old. */
  | { status: 'ready'; view: FollowView; failure?: ApiFailure };

export type FollowLive = 'connecting' | 'live' | 'lost';

export interface FollowOptions {
  onCalled: (view: FollowView) => void;
  debounceMs?: number;
  joinTimeoutMs?: number;
  reconnectMs?: number;
}

type LobbySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class FollowController implements ReactiveController {
  load: FollowLoad = { status: 'loading' };
  live: FollowLive = 'connecting';

  readonly #host: ReactiveControllerHost;
  readonly #options: Required<FollowOptions>;
  #token: string | undefined;
  #running = false;
  #socket: LobbySocket | undefined;
  #outletId: string | undefined;
  #generation = 0;
  #inFlight = false;
  #again = false;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #refetch: ReturnType<typeof setTimeout> | undefined;
  /** The newest call of this ticket already seen (or already there when the page opened). */
  #seenCallSeq: number | null | undefined;

  constructor(host: ReactiveControllerHost, options: FollowOptions) {
    this.#host = host;
    this.#options = { debounceMs: 200, joinTimeoutMs: 10_000, reconnectMs: 5_000, ...options };
    host.addController(this);
  }

  follow(token: string): void {
    if (token === this.#token) return;
    this.#stop();
    this.#token = token;
    this.#seenCallSeq = undefined;
    this.#set({ status: 'loading' });
    if (this.#running) this.#start();
  }

  hostConnected(): void {
    this.#running = true;
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    this.#start();
  }

  hostDisconnected(): void {
    this.#running = false;
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    this.#stop();
  }

  /** Fetches now (after a rating, or when someone presses "try again"). */
  refresh(): Promise<void> {
    clearTimeout(this.#debounce);
    this.#debounce = undefined;
    return this.#fetch();
  }

  /** The socket opens once the first view is in: a token no ticket has needs none. */
  #start(): void {
    if (!this.#token) return;
    void this.#fetch();
  }

  #stop(): void {
    clearTimeout(this.#debounce);
    clearTimeout(this.#retry);
    clearTimeout(this.#refetch);
    this.#debounce = undefined;
    this.#retry = undefined;
    this.#refetch = undefined;
    this.#generation++;
    this.#inFlight = false;
    this.#again = false;
    this.#outletId = undefined;
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = undefined;
  }

  async #fetch(): Promise<void> {
    const token = this.#token;
    if (!token || !this.#running) return;
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    const generation = ++this.#generation;
    this.#inFlight = true;
    this.#again = false;
    const result = await fetchFollowView(token);
    if (generation !== this.#generation) return;
    this.#inFlight = false;
    if (result.ok) {
      this.#seen(result.data);
      this.#set({ status: 'ready', view: result.data });
      this.#open();
    } else if (result.kind === 'server' && (result.error.code === 'ticket_not_found' || result.error.code === 'validation_failed')) {
      // validation_failed: a token of the wrong shape, which no ticket has either.
      this.#set({ status: 'not-found' });
      this.#stop();
      return;
    } else {
      const shown = this.load;
      this.#set(shown.status === 'ready' ? { status: 'ready', view: shown.view, failure: result } : { status: 'failed', failure: result });
      // Not a live event that will come again: try again after a pause.
      clearTimeout(this.#refetch);
      this.#refetch = setTimeout(() => void this.#fetch(), this.#options.reconnectMs);
    }
    if (this.#again) void this.#fetch();
  }

  /** Tells the page about a call it has not seen yet. */
  #seen(view: FollowView): void {
    const known = this.#seenCallSeq;
    this.#seenCallSeq = view.callSeq;
    if (known === undefined) return; // the first view: whatever it shows was already there
    if (view.status === 'called' && view.callSeq !== null && (known === null || view.callSeq > known)) this.#options.onCalled(view);
  }

  #open(): void {
    const token = this.#token;
    if (!token || this.#socket) return;
    // Same origin, websocket only, as every page of the project connects; no credentials needed.
    const socket: LobbySocket = io({ transports: ['websocket'], autoConnect: navigator.onLine });
    this.#socket = socket;
    this.#setLive(navigator.onLine ? 'connecting' : 'lost');
    let joinedBefore = false;

    socket.on('connect', async () => {
      let ack;
      try {
        ack = await socket.timeout(this.#options.joinTimeoutMs).emitWithAck('follow:join', { token });
      } catch {
        if (socket !== this.#socket) return;
        socket.disconnect();
        this.#setLive('lost');
        this.#reconnectLater(socket);
        return;
      }
      if (socket !== this.#socket) return;
      if ('error' in ack) {
        // Unknown token: the fetch says so. Anything else: try again later.
        this.#setLive('lost');
        if (ack.error.code !== 'ticket_not_found') this.#reconnectLater(socket);
        void this.refresh();
        return;
      }
      this.#outletId = ack.data.outletId;
      this.#setLive('live');
      // Events may have come and gone while the connection was down (or before it first came).
      const shown = this.load;
      if (joinedBefore || shown.status !== 'ready' || shown.view.seq < ack.data.seq) void this.refresh();
      joinedBefore = true;
    });
    socket.on('queue:event', (event) => {
      if (event.outletId !== this.#outletId) return;
      const shown = this.load;
      if (shown.status === 'ready' && !shown.failure && event.seq <= shown.view.seq) return;
      this.#schedule();
    });
    socket.on('disconnect', (reason) => {
      this.#setLive('lost');
      if (reason === 'io server disconnect') this.#reconnectLater(socket);
    });
    socket.on('connect_error', () => {
      this.#setLive('lost');
      if (!socket.active) this.#reconnectLater(socket);
    });
  }

  /** The first event of a burst starts the clock; the rest ride along with the same fetch. */
  #schedule(): void {
    if (this.#debounce !== undefined) return;
    this.#debounce = setTimeout(() => {
      this.#debounce = undefined;
      void this.#fetch();
    }, this.#options.debounceMs);
  }

  #reconnectLater(socket: LobbySocket): void {
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      if (this.#running && socket === this.#socket && !socket.connected && navigator.onLine) socket.connect();
    }, this.#options.reconnectMs);
  }

  readonly #onOffline = (): void => {
    // A phone walking out of coverage: say so now rather than when the websocket times out.
    this.#socket?.disconnect();
    this.#setLive('lost');
  };

  readonly #onOnline = (): void => {
    const socket = this.#socket;
    if (socket && !socket.connected) socket.connect();
    void this.refresh();
  };

  #set(load: FollowLoad): void {
    this.load = load;
    this.#host.requestUpdate();
  }

  #setLive(live: FollowLive): void {
    if (this.live === live) return;
    this.live = live;
    this.#host.requestUpdate();
  }
}
