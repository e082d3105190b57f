/**
 * `<h5-voucher>`: the electronic voucher (电子凭证) — the appointment number, large, and its QR code
 * for the kiosk; the service, outlet, address and route, day and time; the materials to bring and
 * what to present on site; the calendar file; and, until the deadline the server gives, reschedule
 * and cancel (cancel asks first, on the page itself: no `confirm()` dialog naming the site).
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { Voucher } from '../common/booking.ts';
import { BOOKING_KIND_TEXT, BOOKING_STATUS_TEXT, dayText, instantText, offersChanges } from '../common/booking-ui.ts';
import type { ApiFailure } from '../ui/api.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { cancelBooking, fetchVoucher, icsUrl } from './booking-api.ts';
import { sessionEnded } from './citizen-api.ts';
import { h5Styles } from './h5-styles.ts';
import { LoadController } from './load-controller.ts';
import './refusal-view.ts';
import { routeHref } from './route.ts';

const DETAIL_LABELS: Record<string, { zh: string; en: string }> = {
  plate: { zh: '号牌号码', en: 'Plate' },
  note: { zh: '备注', en: 'Note' },
};

export class H5Voucher extends LitElement {
  static override properties = {
    bookingId: {},
    csrfToken: {},
    confirming: { state: true },
    busy: { state: true },
    failure: { state: true },
  };

  static override styles = [
    theme,
    h5Styles,
    css`
      .number {
        display: grid;
        justify-items: center;
        gap: 0.25rem;
        padding: 1rem;
        border-radius: 8px;
        text-align: center;
        background: var(--lobby-surface);
      }
      .appointment-no {
        font-size: 2rem;
        font-weight: 700;
        letter-spacing: 0.06em;
        font-variant-numeric: tabular-nums;
        overflow-wrap: anywhere;
      }
      img.qr {
        width: min(15rem, 70vw);
        height: auto;
        image-rendering: pixelated;
        background: #fff;
      }
      ul {
        margin: 0;
        padding-left: 1.25em;
      }
      .confirm {
        border: 2px solid var(--lobby-danger);
        border-radius: 8px;
        padding: 1rem;
      }
      button.danger {
        color: #fff;
        border-color: var(--lobby-danger);
        background: var(--lobby-danger);
      }
    `,
  ];

  declare bookingId: string;
  declare csrfToken: string;
  declare confirming: boolean;
  declare busy: boolean;
  declare failure: ApiFailure | undefined;

  readonly #voucher = new LoadController(this, () => fetchVoucher(this.bookingId));

  constructor() {
    super();
    new LocaleController(this);
    this.confirming = false;
    this.busy = false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('bookingId')) return;
    this.confirming = false;
    this.failure = undefined;
    void this.#voucher.reload();
  }

  override render() {
    return html`
      <a class="button back" href=${routeHref({ name: 'bookings' })}>${t({ zh: '‹ 我的预约', en: '‹ My bookings' })}</a>
      ${this.#voucher.render((voucher) => this.#renderVoucher(voucher))}
    `;
  }

  #renderVoucher(v: Voucher) {
    const active = v.status === 'active';
    return html`
      <h2>${t({ zh: '预约凭证', en: 'Booking voucher' })} <span class="badge ${v.status}">${t(BOOKING_STATUS_TEXT[v.status])}</span></h2>
      <div class="number">
        <span class="muted">${t({ zh: '预约号', en: 'Appointment number' })}</span>
        <span class="appointment-no">${v.appointmentNo}</span>
        ${active
          ? html`<img class="qr" src=${v.qr.dataUrl} alt=${t({ zh: `预约号 ${v.appointmentNo} 的二维码`, en: `QR code of booking ${v.appointmentNo}` })} />
              <span class="muted">${t({ zh: '到大厅自助取号机出示此二维码或输入预约号', en: 'Show this QR code at the lobby kiosk, or type the number' })}</span>`
          : nothing}
      </div>
      <dl class="card details">
        <dt>${t({ zh: '业务', en: 'Service' })}</dt><dd class="service">${t(v.service.name)}</dd>
        <dt>${t({ zh: '办理方式', en: 'For' })}</dt><dd>${t(BOOKING_KIND_TEXT[v.kind])}${v.firm ? ` · ${v.firm.name}` : ''}</dd>
        <dt>${t({ zh: '日期', en: 'Day' })}</dt><dd class="date">${t(dayText(v.date))}</dd>
        <dt>${t({ zh: '时段', en: 'Time' })}</dt><dd class="time">${v.startsAt}–${v.endsAt}</dd>
        <dt>${t({ zh: '办理点', en: 'Outlet' })}</dt><dd class="outlet">${t(v.outlet.name)}</dd>
        <dt>${t({ zh: '地址', en: 'Address' })}</dt><dd>${t(v.outlet.address)}</dd>
        ${v.outletRoute.zh ? html`<dt>${t({ zh: '路线', en: 'Route' })}</dt><dd>${t(v.outletRoute)}</dd>` : nothing}
        ${Object.entries(v.details).map(([key, value]) => html`<dt>${t(DETAIL_LABELS[key] ?? { zh: key, en: key })}</dt><dd>${value}</dd>`)}
      </dl>
      <section class="card">
        <h3>${t({ zh: '请携带材料', en: 'Bring' })}</h3>
        <ul class="materials">${v.materials.map((m) => html`<li>${t(m)}</li>`)}</ul>
        <h3>${t({ zh: '现场出示', en: 'Present on site' })}</h3>
        <ul class="present">${v.present.map((m) => html`<li>${t(m)}</li>`)}</ul>
      </section>
      ${active ? this.#renderChanges(v) : html`<a class="button primary book-again" href=${routeHref({ name: 'book' })}>${t({ zh: '重新预约', en: 'Book again' })}</a>`}
    `;
  }

  #renderChanges(v: Voucher) {
    const deadline = instantText(v.changeableUntil);
    const open = offersChanges(v, new Date());
    return html`
      <div class="actions">
        <a class="button ics" href=${icsUrl(v.id)} download>${t({ zh: '加入日历（.ics）', en: 'Add to calendar (.ics)' })}</a>
        <p class="muted deadline">${open
          ? t({ zh: `可在 ${deadline} 前取消或改约`, en: `You can cancel or reschedule until ${deadline} (Beijing time)` })
          : t({ zh: `取消或改约已于 ${deadline} 截止`, en: `Cancelling or rescheduling closed at ${deadline} (Beijing time)` })}</p>
        ${this.failure ? html`<h5-refusal .failure=${this.failure}></h5-refusal>` : nothing}
        ${open ? html`
          <a class="button reschedule" href=${routeHref({ name: 'reschedule', id: v.id })}>${t({ zh: '改约', en: 'Reschedule' })}</a>
          ${this.confirming
            ? html`<div class="confirm actions" role="alertdialog" aria-labelledby="confirm-title">
                <p id="confirm-title"><strong>${t({ zh: `确定取消预约 ${v.appointmentNo}？`, en: `Cancel booking ${v.appointmentNo}?` })}</strong></p>
                <p class="muted">${t({ zh: '取消后号源将释放给他人。', en: 'The seat goes back to others.' })}</p>
                <button type="button" class="danger confirm-cancel" ?disabled=${this.busy} @click=${this.#cancel}>
                  ${this.busy ? t({ zh: '正在取消……', en: 'Cancelling…' }) : t({ zh: '确定取消', en: 'Yes, cancel' })}</button>
                <button type="button" class="keep" ?disabled=${this.busy} @click=${() => { this.confirming = false; }}>${t({ zh: '不取消', en: 'Keep it' })}</button>
              </div>`
            : html`<button type="button" class="cancel" @click=${() => { this.confirming = true; this.failure = undefined; }}>${t({ zh: '取消预约', en: 'Cancel booking' })}</button>`}
        ` : nothing}
      </div>
    `;
  }

  async #cancel(): Promise<void> {
    this.busy = true;
    this.failure = undefined;
    const result = await cancelBooking(this.bookingId, this.csrfToken);
    this.busy = false;
    if (!result.ok) {
      if (sessionEnded(result)) this.dispatchEvent(new CustomEvent('h5-session-ended', { bubbles: true, composed: true }));
      else this.failure = result;
      return;
    }
    this.confirming = false;
    await this.#voucher.reload();
  }
}

customElements.define('h5-voucher', H5Voucher);

declare global {
  interface HTMLElementTagNameMap {
    'h5-voucher': H5Voucher;
  }
}
