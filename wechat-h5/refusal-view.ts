/**
 * `<h5-refusal>`: why a booking, reschedule or cancel was refused, in the server's own sentence
 * (it names the booking that holds the number, the blacklist's reason and end, the suspension's
 * end), with the way on: a full slot → choose the time again; a closed or out-of-window day →
 * choose the day again; one active booking → open that booking. Sends `h5-goto` (detail: the step).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { ApiFailure } from '../ui/api.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { fetchBookings } from './booking-api.ts';
import { failureText } from './citizen-api.ts';
import { h5Styles } from './h5-styles.ts';
import { routeHref } from './route.ts';

export type GotoStep = 'kind' | 'date' | 'slot';

export class H5Refusal extends LitElement {
  static override properties = { failure: { attribute: false }, holdingId: { state: true } };
  static override styles = [theme, h5Styles];

  declare failure: ApiFailure;
  declare holdingId: string | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('failure')) {
      this.holdingId = undefined;
      const appointmentNo = this.#code() === 'one_active_booking' && this.failure.kind === 'server' ? this.failure.error.details?.appointmentNo : undefined;
      if (appointmentNo) void this.#findHolding(appointmentNo);
    }
  }

  override render() {
    const failure = this.failure;
    const code = this.#code();
    return html`
      <div class="problem refusal" role="alert" data-code=${code ?? failure.kind}>
        <p>${t(failureText(failure))}</p>
        ${failure.kind === 'server' && failure.status >= 500
          ? html`<p class="muted">${t({ zh: '问题编号', en: 'Reference' })}: ${failure.error.requestId}</p>`
          : nothing}
        ${failure.kind !== 'server' || failure.status >= 500
          ? html`<p class="muted">${t({ zh: '可以放心重试：同一次提交不会产生两个预约。', en: 'It is safe to try again: one submit never makes two bookings.' })}</p>`
          : nothing}
        ${this.#action(code)}
      </div>
    `;
  }

  #action(code: string | undefined) {
    switch (code) {
      case 'slot_full':
        return this.#goto('slot', { zh: '重新选择时段', en: 'Choose another time' });
      case 'closed_day':
      case 'outside_window':
        return this.#goto('date', { zh: '重新选择日期', en: 'Choose another day' });
      case 'agent_not_approved':
        return this.#goto('kind', { zh: '重新选择办理方式', en: 'Choose again' });
      case 'one_active_booking':
        return html`<a class="button holding" href=${routeHref(this.holdingId ? { name: 'voucher', id: this.holdingId } : { name: 'bookings' })}>
          ${t({ zh: '查看已有的预约', en: 'Open that booking' })}</a>`;
      default:
        return nothing;
    }
  }

  #goto(step: GotoStep, label: { zh: string; en: string }) {
    return html`<button type="button" class="goto-${step}" @click=${() => this.dispatchEvent(new CustomEvent<GotoStep>('h5-goto', { detail: step, bubbles: true, composed: true }))}>${t(label)}</button>`;
  }

  #code(): string | undefined {
    return this.failure.kind === 'server' ? this.failure.error.code : undefined;
  }

  async #findHolding(appointmentNo: string): Promise<void> {
    const result = await fetchBookings();
    if (result.ok) this.holdingId = result.data.find((b) => b.appointmentNo === appointmentNo)?.id;
  }
}

customElements.define('h5-refusal', H5Refusal);

declare global {
  interface HTMLElementTagNameMap {
    'h5-refusal': H5Refusal;
  }
}
