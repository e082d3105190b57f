/**
 * `<h5-confirm-step>`: everything chosen, once more, and the one button that books. Each confirm
 * screen holds one idempotency key: a double tap, or "try again" after the network dropped, sends
 * the same key, so the server makes at most one booking; after the server refused, the next submit
 * gets a fresh key. Sends `h5-booked` (detail: the booking) when done.
 */
import { LitElement, html, nothing } from 'lit';
import type { BookingSummary } from '../common/booking.ts';
import type { ApiFailure, ApiResult } from '../ui/api.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { newIdempotencyKey } from './booking-api.ts';
import { sessionEnded } from './citizen-api.ts';
import { h5Styles } from './h5-styles.ts';
import './refusal-view.ts';

export interface ConfirmLine {
  label: Text;
  value: Text;
}

export class H5ConfirmStep extends LitElement {
  static override properties = {
    lines: { attribute: false },
    submit: { attribute: false },
    submitLabel: { attribute: false },
    busy: { state: true },
    failure: { state: true },
  };

  static override styles = [theme, h5Styles];

  declare lines: ConfirmLine[];
  /** Sends the booking with the key; the same key on every retry of one submit. */
  declare submit: (idempotencyKey: string) => Promise<ApiResult<BookingSummary>>;
  declare submitLabel: Text;
  declare busy: boolean;
  declare failure: ApiFailure | undefined;

  #key = newIdempotencyKey();

  constructor() {
    super();
    new LocaleController(this);
    this.lines = [];
    this.busy = false;
    this.submitLabel = { zh: '确认预约', en: 'Confirm booking' };
  }

  override render() {
    return html`
      <h2>${t({ zh: '确认预约信息', en: 'Check and confirm' })}</h2>
      <dl class="card summary">
        ${this.lines.map((line) => html`<dt>${t(line.label)}</dt><dd>${t(line.value)}</dd>`)}
      </dl>
      ${this.failure ? html`<h5-refusal .failure=${this.failure}></h5-refusal>` : nothing}
      <button class="primary submit" type="button" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'} @click=${this.#submit}>
        ${this.busy ? t({ zh: '正在提交……', en: 'Submitting…' }) : t(this.submitLabel)}
      </button>
    `;
  }

  async #submit(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failure = undefined;
    const result = await this.submit(this.#key);
    this.busy = false;
    if (result.ok) {
      this.dispatchEvent(new CustomEvent<BookingSummary>('h5-booked', { detail: result.data, bubbles: true, composed: true }));
      return;
    }
    if (sessionEnded(result)) {
      this.dispatchEvent(new CustomEvent('h5-session-ended', { bubbles: true, composed: true }));
      return;
    }
    // The server answered no: nothing was booked with this key; a new submit is a new request.
    // Offline or a server failure: the booking may or may not exist, so "try again" keeps the key.
    if (result.kind === 'server' && result.status < 500) this.#key = newIdempotencyKey();
    this.failure = result;
  }
}

customElements.define('h5-confirm-step', H5ConfirmStep);

declare global {
  interface HTMLElementTagNameMap {
    'h5-confirm-step': H5ConfirmStep;
  }
}
