/**
 * One request's life on a screen: loading, failed (offline or the server's sentence, with "try
 * again"), or the data. A newer `reload()` wins over an older answer still on its way; a 401 tells
 * the page the session is gone.
 *
 *   readonly #slots = new LoadController(this, () => fetchSlots(...));
 *   render() { return this.#slots.render((list) => html`...`); }
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ApiFailure, ApiResult } from '../ui/api.ts';
import '../ui/status-view.ts';
import { sessionEnded } from './citizen-api.ts';

export type Loaded<T> = { status: 'loading' } | { status: 'failed'; failure: ApiFailure } | { status: 'ready'; data: T };

export class LoadController<T> implements ReactiveController {
  state: Loaded<T> = { status: 'loading' };

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #load: () => Promise<ApiResult<T>>;
  #generation = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, load: () => Promise<ApiResult<T>>) {
    this.#host = host;
    this.#load = load;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#generation++; // answers still on their way are dropped
  }

  async reload(): Promise<void> {
    const generation = ++this.#generation;
    this.#set({ status: 'loading' });
    const result = await this.#load();
    if (generation !== this.#generation) return;
    if (result.ok) {
      this.#set({ status: 'ready', data: result.data });
      return;
    }
    this.#set({ status: 'failed', failure: result });
    if (sessionEnded(result)) this.#host.dispatchEvent(new CustomEvent('h5-session-ended', { bubbles: true, composed: true }));
  }

  /** The data through `ready`; otherwise the spinner or the failure with "try again". */
  render(ready: (data: T) => unknown): unknown {
    switch (this.state.status) {
      case 'loading':
        return html`<lobby-status kind="loading"></lobby-status>`;
      case 'failed':
        return html`<lobby-status .failure=${this.state.failure} retryable @lobby-retry=${() => void this.reload()}></lobby-status>`;
      case 'ready':
        return ready(this.state.data);
    }
  }

  #set(state: Loaded<T>): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}
