/**
 * The outlet's board, live over socket.io and never polled. Joining the outlet's room answers with a
 * snapshot; each `queue:event` newer than the board is applied at once, and a call is handed to
 * `onCall` (to be announced) only when it arrives live. After a burst of events a fresh snapshot
 * (~300 ms after the burst's last event) brings the order and the waits up to date.
 *
 * What a display missed is never replayed event by event: a gap in the sequence asks for a snapshot
 * at once, and a reconnect joins again. So the calls made while the connection was down are shown
 * but not announced — they are stale by then.
 *
 * The browser's `offline` event drops the connection at once (a websocket on a dead network can take
 * most of a minute to notice), and `online` brings it back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, OutletSnapshot, QueueEvent, ServerToClientEvents } from '../common/events.ts';
import { applyQueueEvent, isCallEvent } from '../ui/outlet-board.ts';
import type { CallToAnnounce } from './announcer.ts';

/** `lost`: the connection is down (socket.io keeps trying); `refused`: the server would not let this device join. */
export type LiveStatus = 'connecting' | 'live' | 'lost' | 'refused';

export interface LiveBoardOptions {
  /** A call or recall that has just happened. */
  onCall: (call: CallToAnnounce) => void;
  /** Quiet time after an event before the fresh snapshot is asked for. */
  debounceMs?: number;
  /** However busy the lobby, a fresh snapshot at least this often while events keep coming. */
  maxDelayMs?: number;
  /** How long a join or snapshot may go unanswered. */
  ackTimeoutMs?: number;
  /** How long to wait before connecting again when socket.io will not (the server refused or ended it). */
  reconnectMs?: number;
}

type LobbySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** An event received while a snapshot was on its way; applied again on top of that snapshot. */
interface Pending {
  event: QueueEvent;
  /** Already applied (and announced) when it arrived. */
  applied: boolean;
}

export class LiveBoardController implements ReactiveController {
  board: OutletSnapshot | undefined;
  live: LiveStatus = 'connecting';
  /** Why the server refused, when it did. */
  refusal: string | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #options: Required<LiveBoardOptions>;
  #target: { token: string; outletId: string } | undefined;
  #running = false;
  #socket: LobbySocket | undefined;
  /** Between connecting and the join's snapshot: events wait, since the board may be stale. */
  #joining = false;
  /** A snapshot request is on its way; events meanwhile are kept to apply on top of it. */
  #pending: Pending[] | undefined;
  #refreshAgain = false;
  /** Counts joins: a snapshot asked for before the latest join is dropped. */
  #epoch = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #burstStart: number | undefined;
  #reconnect: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: LiveBoardOptions) {
    this.#host = host;
    this.#options = { debounceMs: 300, maxDelayMs: 2_000, ackTimeoutMs: 10_000, reconnectMs: 5_000, ...options };
    host.addController(this);
  }

  /** Follows this device's outlet (or, with `undefined`, nothing: the device is not active). */
  follow(target: { token: string; outletId: string } | undefined): void {
    if (target?.token === this.#target?.token && target?.outletId === this.#target?.outletId) return;
    this.#stop();
    this.#target = target;
    if (this.board && this.board.outletId !== target?.outletId) this.board = undefined;
    this.#host.requestUpdate();
    if (this.#running && target) this.#open(target);
  }

  hostConnected(): void {
    this.#running = true;
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    if (this.#target) this.#open(this.#target);
  }

  hostDisconnected(): void {
    this.#running = false;
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    this.#stop();
  }

  #open(target: { token: string; outletId: string }): void {
    if (this.#socket) return;
    const socket: LobbySocket = io({ auth: { token: target.token }, transports: ['websocket'], autoConnect: navigator.onLine });
    this.#socket = socket;
    this.#setLive(navigator.onLine ? 'connecting' : 'lost');

    socket.on('connect', () => void this.#join(socket, target.outletId));
    socket.on('queue:event', (event) => this.#onEvent(event));
    socket.on('disconnect', (reason) => {
      // Answers still on their way belong to the old connection.
      this.#epoch++;
      this.#joining = false;
      this.#pending = undefined;
      this.#setLive('lost');
      // The server ended it (most likely the device was revoked: the device controller finds out);
      // socket.io will not come back by itself, so try again later.
      if (reason === 'io server disconnect') this.#retryLater(socket);
    });
    socket.on('connect_error', () => {
      this.#setLive('lost');
      if (!socket.active) this.#retryLater(socket);
    });
  }

  #stop(): void {
    clearTimeout(this.#debounce);
    clearTimeout(this.#reconnect);
    this.#debounce = undefined;
    this.#burstStart = undefined;
    this.#reconnect = undefined;
    this.#epoch++;
    this.#joining = false;
    this.#pending = undefined;
    this.#refreshAgain = false;
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = undefined;
  }

  async #join(socket: LobbySocket, outletId: string): Promise<void> {
    const epoch = ++this.#epoch;
    this.#joining = true;
    this.#pending = [];
    const ack = await this.#request(socket, 'outlet:join', outletId);
    if (socket !== this.#socket || epoch !== this.#epoch) return;
    this.#joining = false;
    if (!ack) {
      // No answer: start the connection over.
      this.#pending = undefined;
      this.#setLive('lost');
      socket.disconnect();
      this.#retryLater(socket);
      return;
    }
    if ('error' in ack) {
      this.#pending = undefined;
      this.refusal = ack.error.message;
      this.#setLive('refused');
      this.#retryLater(socket);
      return;
    }
    this.refusal = undefined;
    this.#accept(ack.data);
    this.#setLive('live');
  }

  /** Asks for a fresh snapshot of the outlet already joined (after a burst of events, or a gap). */
  async #refresh(): Promise<void> {
    const socket = this.#socket;
    const outletId = this.#target?.outletId;
    if (!socket?.connected || !outletId || this.#joining) return;
    if (this.#pending) {
      this.#refreshAgain = true;
      return;
    }
    this.#pending = [];
    const epoch = this.#epoch;
    const ack = await this.#request(socket, 'outlet:snapshot', outletId);
    if (socket !== this.#socket || epoch !== this.#epoch) return;
    if (!ack || 'error' in ack) {
      // Whatever went wrong, joining again also answers with a snapshot.
      this.#pending = undefined;
      if (socket.connected) void this.#join(socket, outletId);
      return;
    }
    this.#accept(ack.data);
    if (this.#refreshAgain) {
      this.#refreshAgain = false;
      this.#schedule();
    }
  }

  async #request(socket: LobbySocket, name: 'outlet:join' | 'outlet:snapshot', outletId: string): Promise<Ack<OutletSnapshot> | undefined> {
    try {
      return await socket.timeout(this.#options.ackTimeoutMs).emitWithAck(name, { outletId });
    } catch {
      return undefined;
    }
  }

  /** The snapshot, with the events that came while it was on its way and are newer than it. */
  #accept(snapshot: OutletSnapshot): void {
    const pending = this.#pending ?? [];
    this.#pending = undefined;
    let board = snapshot;
    for (const { event, applied } of pending) {
      if (event.seq <= board.seq) continue;
      board = applyQueueEvent(board, event);
      if (!applied) this.#announce(event);
    }
    this.board = board;
    this.#host.requestUpdate();
  }

  #onEvent(event: QueueEvent): void {
    if (event.outletId !== this.#target?.outletId) return;
    if (this.#joining || !this.board) {
      this.#pending?.push({ event, applied: false });
      return;
    }
    this.#pending?.push({ event, applied: true });
    const board = this.board;
    if (event.seq <= board.seq) return;
    const gap = event.seq > board.seq + 1;
    this.board = applyQueueEvent(board, event);
    this.#announce(event);
    this.#host.requestUpdate();
    if (gap) {
      // Something was missed: catch up now rather than after the burst.
      clearTimeout(this.#debounce);
      this.#debounce = undefined;
      this.#burstStart = undefined;
      void this.#refresh();
    } else {
      this.#schedule();
    }
  }

  #announce(event: QueueEvent): void {
    if (!isCallEvent(event) || event.ticket.counterNumber === null) return;
    this.#options.onCall({ callSeq: event.ticket.callSeq ?? event.seq, number: event.ticket.number, counterNumber: event.ticket.counterNumber });
  }

  /** Waits for a quiet moment after the burst's latest event, but not longer than `maxDelayMs` from its first. */
  #schedule(): void {
    const now = Date.now();
    this.#burstStart ??= now;
    clearTimeout(this.#debounce);
    const wait = Math.min(this.#options.debounceMs, Math.max(0, this.#burstStart + this.#options.maxDelayMs - now));
    this.#debounce = setTimeout(() => {
      this.#debounce = undefined;
      this.#burstStart = undefined;
      void this.#refresh();
    }, wait);
  }

  /** Connects (or, still connected after a refusal, joins) again after a pause. */
  #retryLater(socket: LobbySocket): void {
    clearTimeout(this.#reconnect);
    this.#reconnect = setTimeout(() => {
      this.#reconnect = undefined;
      const outletId = this.#target?.outletId;
      if (!this.#running || socket !== this.#socket || !outletId) return;
      if (socket.connected) void this.#join(socket, outletId);
      else if (navigator.onLine) socket.connect();
    }, this.#options.reconnectMs);
  }

  readonly #onOffline = (): void => {
    const socket = this.#socket;
    if (!socket) return;
    // Closed by us, so socket.io will not retry on its own: `online` reconnects.
    socket.disconnect();
    this.#epoch++;
    this.#joining = false;
    this.#pending = undefined;
    this.#setLive('lost');
  };

  readonly #onOnline = (): void => {
    const socket = this.#socket;
    if (socket && !socket.connected) socket.connect();
  };

  #setLive(live: LiveStatus): void {
    if (this.live === live) return;
    this.live = live;
    this.#host.requestUpdate();
  }
}
