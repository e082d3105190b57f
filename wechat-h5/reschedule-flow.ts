/**
 * `<h5-reschedule>`: moves a booking to another day or time at the same outlet, with the rules of
 * booking (the server cancels the old one and issues a new number in one step). Day → time →
 * confirm; then the new voucher replaces this screen.
 */
import { LitElement, html, type PropertyValues } from 'lit';
import type { BookingSummary, Voucher } from '../common/booking.ts';
import { dayText } from '../common/booking-ui.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { fetchVoucher, rescheduleBooking } from './booking-api.ts';
import './confirm-step.ts';
import type { ConfirmLine } from './confirm-step.ts';
import './date-step.ts';
import { h5Styles } from './h5-styles.ts';
import { LoadController } from './load-controller.ts';
import type { GotoStep } from './refusal-view.ts';
import { navigate, routeHref } from './route.ts';
import './slot-step.ts';
import type { SlotView } from './slot-step.ts';

type Step = 'date' | 'slot' | 'confirm';

export class H5Reschedule extends LitElement {
  static override properties = { bookingId: {}, csrfToken: {}, step: { state: true }, date: { state: true }, chosenSlot: { state: true } };
  static override styles = [theme, h5Styles];

  declare bookingId: string;
  declare csrfToken: string;
  declare step: Step;
  declare date: string | undefined;
  declare chosenSlot: SlotView | undefined;

  readonly #voucher = new LoadController(this, () => fetchVoucher(this.bookingId));

  constructor() {
    super();
    new LocaleController(this);
    this.step = 'date';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('bookingId')) return;
    this.step = 'date';
    void this.#voucher.reload();
  }

  override render() {
    return html`
      <button type="button" class="back" @click=${this.#back}>${t({ zh: '‹ 上一步', en: '‹ Back' })}</button>
      ${this.#voucher.render((v) => html`
        <h2>${t({ zh: '改约', en: 'Reschedule' })}</h2>
        <p class="muted">${t({ zh: '原预约：', en: 'Now: ' })}${t(v.service.name)} · ${t(dayText(v.date))} ${v.startsAt}–${v.endsAt} · ${t(v.outlet.name)}</p>
        <div @h5-goto=${(e: CustomEvent<GotoStep>) => { this.step = e.detail === 'slot' ? 'slot' : 'date'; }}>${this.#renderStep(v)}</div>
      `)}
    `;
  }

  #renderStep(v: Voucher) {
    switch (this.step) {
      case 'date':
        return html`<h5-date-step serviceId=${v.service.id} outletId=${v.outlet.id} @h5-pick=${(e: CustomEvent<string>) => { this.date = e.detail; this.step = 'slot'; }}></h5-date-step>`;
      case 'slot':
        return html`<h5-slot-step serviceId=${v.service.id} outletId=${v.outlet.id} date=${this.date!} @h5-pick=${(e: CustomEvent<SlotView>) => { this.chosenSlot = e.detail; this.step = 'confirm'; }}></h5-slot-step>`;
      case 'confirm':
        return html`<h5-confirm-step .lines=${this.#lines(v)} .submitLabel=${{ zh: '确认改约', en: 'Confirm the new time' }}
          .submit=${(key: string) => rescheduleBooking(v.id, { slotId: this.chosenSlot!.id, idempotencyKey: key }, this.csrfToken)}
          @h5-booked=${(e: CustomEvent<BookingSummary>) => navigate({ name: 'voucher', id: e.detail.id }, { replace: true })}></h5-confirm-step>`;
    }
  }

  #lines(v: Voucher): ConfirmLine[] {
    const plain = (text: string): Text => ({ zh: text, en: text });
    return [
      { label: { zh: '业务', en: 'Service' }, value: v.service.name },
      { label: { zh: '办理点', en: 'Outlet' }, value: v.outlet.name },
      { label: { zh: '原时间', en: 'Was' }, value: { zh: `${dayText(v.date).zh} ${v.startsAt}–${v.endsAt}`, en: `${dayText(v.date).en} ${v.startsAt}–${v.endsAt}` } },
      { label: { zh: '新日期', en: 'New day' }, value: dayText(this.date!) },
      { label: { zh: '新时段', en: 'New time' }, value: plain(`${this.chosenSlot!.startsAt}–${this.chosenSlot!.endsAt}`) },
    ];
  }

  #back(): void {
    if (this.step === 'confirm') this.step = 'slot';
    else if (this.step === 'slot') this.step = 'date';
    else window.location.hash = routeHref({ name: 'voucher', id: this.bookingId });
  }
}

customElements.define('h5-reschedule', H5Reschedule);

declare global {
  interface HTMLElementTagNameMap {
    'h5-reschedule': H5Reschedule;
  }
}
