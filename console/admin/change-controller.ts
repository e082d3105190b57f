/**
 * A change that can affect bookings goes in two steps: the server first answers a dry run (`?dryRun=true`:
 * it makes the change in a transaction, counts the bookings it affects, and rolls back), the console
 * shows that preview, and only the administrator's confirmation saves. The save sends exactly what was
 * previewed (the request is kept, not rebuilt from the form), so what the preview said is what happens;
 * editing the form after a preview drops it.
 *
 *   readonly #change = new ChangeController<OutletChanged>(this);
 *   this.#change.preview((dryRun) => consoleRequest(`/api/admin/outlets/${id}?dryRun=${dryRun}`, …));
 *   … <button @click=${() => this.#change.confirm()}>
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiFailure, ApiResult } from '../../ui/api.ts';
import { stillSignedIn } from '../session-guard.ts';

export type ChangeState<R> =
  | { status: 'idle' }
  | { status: 'previewing' }
  | { status: 'previewed'; answer: R }
  | { status: 'saving'; answer: R }
  | { status: 'saved'; answer: R }
  | { status: 'failed'; failure: ApiFailure; during: 'preview' | 'save' };

export class ChangeController<R> implements ReactiveController {
  state: ChangeState<R> = { status: 'idle' };

  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #saved: ((answer: R) => void) | undefined;
  #send: ((dryRun: boolean) => Promise<ApiResult<R>>) | undefined;

  /** `saved` runs after a confirmed save (to reload the list, say). */
  constructor(host: ReactiveControllerHost & EventTarget, saved?: (answer: R) => void) {
    this.#host = host;
    this.#saved = saved;
    host.addController(this);
  }

  hostConnected(): void {}

  /** True while a request is in flight: every button that would start another waits. */
  get busy(): boolean {
    return this.state.status === 'previewing' || this.state.status === 'saving';
  }

  /** True from the preview until it is confirmed and saved or dropped: the form stays as previewed. */
  get pending(): boolean {
    return this.busy || this.state.status === 'previewed';
  }

  async preview(send: (dryRun: boolean) => Promise<ApiResult<R>>): Promise<void> {
    if (this.busy) return;
    this.#send = send;
    this.#set({ status: 'previewing' });
    const result = await send(true);
    if (this.#send !== send) return; // dropped meanwhile (the form changed)
    if (!stillSignedIn(this.#host, result)) return;
    this.#set(result.ok ? { status: 'previewed', answer: result.data } : { status: 'failed', failure: result, during: 'preview' });
  }

  async confirm(): Promise<void> {
    const state = this.state;
    const send = this.#send;
    if (state.status !== 'previewed' || !send) return;
    this.#set({ status: 'saving', answer: state.answer });
    const result = await send(false);
    if (!stillSignedIn(this.#host, result)) return;
    if (!result.ok) {
      this.#set({ status: 'failed', failure: result, during: 'save' });
      return;
    }
    this.#send = undefined;
    this.#set({ status: 'saved', answer: result.data });
    this.#saved?.(result.data);
  }

  /** Forget the preview (cancelled, or the form changed under it); a save in flight is not undone. */
  reset(): void {
    if (this.state.status === 'saving') return;
    this.#send = undefined;
    if (this.state.status !== 'idle') this.#set({ status: 'idle' });
  }

  #set(state: ChangeState<R>): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}
