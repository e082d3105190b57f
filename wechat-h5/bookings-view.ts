/** `<h5-bookings>`: the citizen's bookings, newest first, each with its status; opens a voucher. */
import { LitElement, html } from 'lit';
import type { BookingSummary } from '../common/booking.ts';
import { BOOKING_STATUS_TEXT, dayText } from '../common/booking-ui.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { fetchBookings } from './booking-api.ts';
import { h5Styles } from './h5-styles.ts';
import { LoadController } from './load-controller.ts';
import { routeHref } from './route.ts';

export class H5Bookings extends LitElement {
  static override styles = [theme, h5Styles];

  readonly #bookings = new LoadController(this, fetchBookings);

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#bookings.reload();
  }

  override render() {
    return html`
      <a class="button back" href=${routeHref({ name: 'home' })}>${t({ zh: '‹ 首页', en: '‹ Home' })}</a>
      <h2>${t({ zh: '我的预约', en: 'My bookings' })}</h2>
      ${this.#bookings.render((bookings) => bookings.length === 0
        ? html`<lobby-status kind="empty" class="no-bookings" .text=${{ zh: '您还没有预约。', en: 'You have no bookings yet.' }}></lobby-status>`
        : html`<ul class="choices bookings">${bookings.map((b) => this.#booking(b))}</ul>`)}
      <a class="button primary book" href=${routeHref({ name: 'book' })}>${t({ zh: '预约办事', en: 'Book' })}</a>
    `;
  }

  #booking(b: BookingSummary) {
    return html`<li>
      <a class="choice booking" data-appointment=${b.appointmentNo} href=${routeHref({ name: 'voucher', id: b.id })}>
        <span class="choice-title">${t(b.service.name)} <span class="badge ${b.status}">${t(BOOKING_STATUS_TEXT[b.status])}</span></span>
        <span>${t(dayText(b.date))} ${b.startsAt}–${b.endsAt}</span>
        <span class="muted">${t(b.outlet.name)}${b.firm ? ` · ${b.firm.name}` : ''}</span>
        <span class="muted">${t({ zh: '预约号', en: 'No.' })} ${b.appointmentNo}</span>
      </a>
    </li>`;
  }
}

customElements.define('h5-bookings', H5Bookings);

declare global {
  interface HTMLElementTagNameMap {
    'h5-bookings': H5Bookings;
  }
}
