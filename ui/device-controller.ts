/**
 * The identity of a kiosk or display: its token, kept in localStorage across reloads and reboots.
 *
 * On load, a `#device=<token>` fragment (what `npm start` prints for the demo devices) is stored and
 * removed from the address bar. Without a token the device asks for one and a pairing code, shows
 * the code, and waits (asking every few seconds) until an administrator pairs it. Once active it
 * holds a live connection, which the server drops the moment the device is revoked.
 *
 * A device never signs itself out: network errors and server errors are retried with a growing
 * delay while the token stays. Only the server saying "revoked" or "unknown", followed by someone
 * pressing "pair again", forgets the token.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { DeviceMe, PairingStatus } from '../common/devices.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../common/events.ts';
import type { DeviceKind } from '../common/pairing.ts';
import { apiRequest, type ApiFailure } from './api.ts';
import { parseDeviceMe, parsedOrUndefined, parsePairingStarted, parsePairingStatus } from './device-payloads.ts';

export type DeviceState =
  | { phase: 'starting' }
  /** Show the code; an administrator types it into the console. */
  | { phase: 'pairing'; pairingCode: string; expiresAt: string }
  | { phase: 'active'; device: DeviceMe }
  /** An administrator revoked this device: say so, offer to pair again. */
  | { phase: 'revoked' }
  /** The server knows no device by this token (e.g. its database was reset): offer to pair again. */
  | { phase: 'unknown' };

interface Stored {
  token: string;
  /** Kept while waiting, so a reload shows the same code. */
  pairingCode?: string;
  expiresAt?: string;
  /** What the server last said about this paired device: shown at once on a reload, even offline. */
  device?: DeviceMe;
}

const STORAGE_KEY = 'lobby.device';
const FRAGMENT = /^#device=([\w-]{20,200})$/;

export interface DeviceOptions {
  kind: DeviceKind;
  /** How often a device waiting to be paired asks whether it is. */
  pollMs?: number;
  retryMs?: number;
  maxRetryMs?: number;
}

export class DeviceController implements ReactiveController {
  state: DeviceState = { phase: 'starting' };
  /** The last request failed for want of a connection or of a working server; it is being retried. */
  offline = false;
  /** Live connection to the server (active devices only). */
  live: 'connecting' | 'connected' | 'disconnected' = 'disconnected';

  readonly #host: ReactiveControllerHost;
  readonly #kind: DeviceKind;
  readonly #pollMs: number;
  readonly #retryMs: number;
  readonly #maxRetryMs: number;
  #delay: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  #running = false;

  constructor(host: ReactiveControllerHost, options: DeviceOptions) {
    this.#host = host;
    this.#kind = options.kind;
    this.#pollMs = options.pollMs ?? 3_000;
    this.#retryMs = options.retryMs ?? 2_000;
    this.#maxRetryMs = options.maxRetryMs ?? 30_000;
    this.#delay = this.#retryMs;
    host.addController(this);
  }

  hostConnected(): void {
    this.#running = true;
    takeFragmentToken();
    void this.#resume();
  }

  hostDisconnected(): void {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#closeSocket();
  }

  /** After "revoked" or "unknown": forget the token and show a new pairing code. */
  pairAgain(): void {
    writeStored(undefined);
    this.#closeSocket();
    this.#set({ phase: 'starting' });
    void this.#beginPairing();
  }

  /** Where this device stands, from what it holds. */
  async #resume(): Promise<void> {
    const stored = readStored();
    if (!stored) return this.#beginPairing();
    if (stored.device && this.state.phase === 'starting') this.#set({ phase: 'active', device: stored.device });
    const result = await apiRequest('/api/devices/pairing/status', {
      parse: parsePairingStatus, headers: bearer(stored.token), credentials: 'omit',
    });
    if (!result.ok) {
      if (result.kind === 'server' && result.status === 404) return this.#set({ phase: 'unknown' });
      return this.#retry(() => this.#resume(), result);
    }
    this.#recovered();
    await this.#follow(result.data, stored);
  }

  async #follow(status: PairingStatus, stored: Stored): Promise<void> {
    switch (status.status) {
      case 'active':
        return this.#loadDevice(stored.token);
      case 'revoked':
        this.#closeSocket();
        return this.#set({ phase: 'revoked' });
      case 'expired':
        // Never paired: nothing is lost by starting again with a new code.
        return this.#beginPairing();
      case 'pairing':
        if (!stored.pairingCode || !stored.expiresAt) return this.#beginPairing();
        this.#set({ phase: 'pairing', pairingCode: stored.pairingCode, expiresAt: stored.expiresAt });
        this.#schedule(() => this.#resume(), this.#pollMs);
    }
  }

  async #beginPairing(): Promise<void> {
    const result = await apiRequest('/api/devices/pairing', {
      method: 'POST', body: { kind: this.#kind }, parse: parsePairingStarted, credentials: 'omit',
    });
    if (!result.ok) return this.#retry(() => this.#beginPairing(), result);
    this.#recovered();
    const { token, pairingCode, expiresAt } = result.data;
    writeStored({ token, pairingCode, expiresAt });
    this.#set({ phase: 'pairing', pairingCode, expiresAt });
    this.#schedule(() => this.#resume(), this.#pollMs);
  }

  async #loadDevice(token: string): Promise<void> {
    const result = await apiRequest('/api/device/me', { parse: parseDeviceMe, headers: bearer(token), credentials: 'omit' });
    if (!result.ok) {
      if (result.kind === 'server' && result.error.code === 'device_revoked') return this.#set({ phase: 'revoked' });
      return this.#retry(() => this.#resume(), result);
    }
    this.#recovered();
    // Paired: the code has served its purpose.
    writeStored({ token, device: result.data });
    this.#set({ phase: 'active', device: result.data });
    this.#openSocket(token, result.data.outletId);
  }

  #openSocket(token: string, outletId: string): void {
    if (this.#socket) return;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ auth: { token }, transports: ['websocket'] });
    this.#socket = socket;
    this.#setLive('connecting');
    socket.on('connect', () => {
      this.#setLive('connected');
      void socket.emitWithAck('outlet:join', { outletId }).catch(() => undefined);
    });
    socket.on('connect_error', (error) => {
      this.#setLive('disconnected');
      // The handshake refused the token: ask where the device stands (revoked, most likely).
      if (socket.active) return; // a network error: socket.io retries by itself
      this.#closeSocket();
      if (error.message === 'device_revoked' || error.message === 'device_not_paired') void this.#resume();
      else this.#schedule(() => this.#resume(), this.#retryMs);
    });
    socket.on('disconnect', (reason) => {
      this.#setLive('disconnected');
      // The server ended it (revocation drops a device at once); socket.io does not reconnect then.
      if (reason === 'io server disconnect') {
        this.#closeSocket();
        void this.#resume();
      }
    });
  }

  #closeSocket(): void {
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = undefined;
    this.#setLive('disconnected');
  }

  #retry(again: () => Promise<void>, failure: ApiFailure): void {
    this.offline = true;
    this.#host.requestUpdate();
    const wait = failure.kind === 'server' && failure.retryAfterSeconds ? failure.retryAfterSeconds * 1000 : this.#delay;
    this.#delay = Math.min(this.#delay * 2, this.#maxRetryMs);
    this.#schedule(again, wait);
  }

  #recovered(): void {
    this.#delay = this.#retryMs;
    if (this.offline) {
      this.offline = false;
      this.#host.requestUpdate();
    }
  }

  #schedule(next: () => Promise<void>, ms: number): void {
    clearTimeout(this.#timer);
    if (!this.#running) return;
    this.#timer = setTimeout(() => void next(), ms);
  }

  #set(state: DeviceState): void {
    this.state = state;
    this.#host.requestUpdate();
  }

  #setLive(live: DeviceController['live']): void {
    this.live = live;
    this.#host.requestUpdate();
  }
}

/**
 * The token this device holds, for its own API calls (the kiosk's check-in): every request a device
 * makes is authorized by it alone, sent as `Authorization: Bearer <token>` with credentials omitted.
 */
export function storedDeviceToken(): string | undefined {
  return readStored()?.token;
}

function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/** Moves a `#device=<token>` from the address bar into storage, so it is neither shown nor bookmarked. */
function takeFragmentToken(): void {
  const match = FRAGMENT.exec(location.hash);
  if (!match?.[1]) return;
  writeStored({ token: match[1] });
  history.replaceState(history.state, '', location.pathname + location.search);
}

function readStored(): Stored | undefined {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { token, pairingCode, expiresAt, device } = parsed as Record<string, unknown>;
    if (typeof token !== 'string' || token.length === 0) return undefined;
    const known = parsedOrUndefined(parseDeviceMe, device);
    if (known) return { token, device: known };
    return typeof pairingCode === 'string' && typeof expiresAt === 'string' ? { token, pairingCode, expiresAt } : { token };
  } catch {
    return undefined;
  }
}

function writeStored(stored: Stored | undefined): void {
  try {
    if (stored) localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the device works until the page reloads, then pairs again.
  }
}
