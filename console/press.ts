/**
 * Idempotency keys, one per press. A press whose answer never came (the network failed, a proxy
 * answered instead of the server) stays unsettled: pressing the same thing again is a retry of it and
 * reuses its key, so the server does it at most once even if the first request did arrive. An answer
 * from the server — done or refused — settles it, and so does pressing anything else.
 *
 *   const key = presses.keyFor(`call-next:${counterId}`);
 *   const result = await postCounterAction(counterId, 'call-next', key, csrf);
 *   presses.settle(`call-next:${counterId}`, result);
 */
import type { ApiResult } from '../ui/api.ts';

export class Presses {
  #unsettled: { what: string; key: string } | undefined;

  /** The key for pressing `what`: the unsettled one when this is a retry of it, else a new one. */
  keyFor(what: string): string {
    if (this.#unsettled?.what === what) return this.#unsettled.key;
    const key = newKey();
    this.#unsettled = { what, key };
    return key;
  }

  settle(what: string, result: ApiResult<unknown>): void {
    if (this.#unsettled?.what !== what) return;
    // A 5xx from the server itself rolled back; a 4xx is a decision. Either way the press is over.
    if (result.ok || result.kind === 'server') this.#unsettled = undefined;
  }
}

/**
 * A random UUID. `crypto.randomUUID` exists only in secure contexts, and an office intranet may
 * serve the console over plain http on a LAN address; `getRandomValues` works everywhere.
 */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
