/**
 * `<h5-slot-step>`: the time slots of the chosen day with the seats left; full slots are shown,
 * disabled. A closed day or one outside the window says so, in the server's words. "Refresh" asks
 * again (after a "full" refusal the flow comes back here and the list is fresh). Sends `h5-pick`.
 */
import { LitElement, html, type PropertyValues } from 'lit';
import type { SlotList } from '../common/booking.ts';
import { dayText } from '../common/booking-ui.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { fetchSlots } from './booking-api.ts';
import { h5Styles } from './h5-styles.ts';
import { LoadController } from './load-controller.ts';

export type SlotView = SlotList['slots'][number];

export class H5SlotStep extends LitElement {
  static override properties = { serviceId: {}, outletId: {}, date: {} };
  static override styles = [theme, h5Styles];

  declare serviceId: string;
  declare outletId: string;
  declare date: string;

  readonly #slots = new LoadController(this, () => fetchSlots(this.serviceId, this.outletId, this.date));

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('serviceId') || changed.has('outletId') || changed.has('date')) void this.#slots.reload();
  }

  override render() {
    return html`
      <h2>${t({ zh: '选择时段', en: 'Choose the time' })}</h2>
      <p class="muted">${t(dayText(this.date))}</p>
      ${this.#slots.render((list) => this.#list(list))}
      <button type="button" class="refresh" @click=${() => void this.#slots.reload()}>${t({ zh: '刷新余号', en: 'Refresh seats' })}</button>
    `;
  }

  #list(list: SlotList) {
    if (list.status !== 'open') {
      const fallback = list.status === 'closed'
        ? { zh: '该日不办公，请选择其他日期。', en: 'The outlet is closed that day. Choose another day.' }
        : { zh: '该日不在可预约范围内，请选择其他日期。', en: 'That day cannot be booked now. Choose another day.' };
      return html`<lobby-status kind="empty" class="day-${list.status}" .text=${list.reason ?? fallback}></lobby-status>`;
    }
    if (list.slots.length === 0) {
      return html`<lobby-status kind="empty" class="no-slots" .text=${{ zh: '该日没有可预约的时段。', en: 'No time slot that day.' }}></lobby-status>`;
    }
    const allFull = list.slots.every((slot) => slot.seatsLeft <= 0);
    return html`
      ${allFull ? html`<lobby-status kind="empty" class="all-full" .text=${{ zh: '该日各时段均已约满，请选择其他日期。', en: 'Every slot that day is fully booked. Choose another day.' }}></lobby-status>` : ''}
      <ul class="choices slots">${list.slots.map((slot) => html`<li>
        <button type="button" class="slot" data-starts=${slot.startsAt} ?disabled=${slot.seatsLeft <= 0} @click=${() => this.#pick(slot)}>
          <span class="choice-title">${slot.startsAt}–${slot.endsAt}</span>
          <span class="muted">${slot.seatsLeft > 0 ? t({ zh: `余号 ${slot.seatsLeft}`, en: `${slot.seatsLeft} seats left` }) : t({ zh: '已约满', en: 'Fully booked' })}</span>
        </button>
      </li>`)}</ul>`;
  }

  #pick(slot: SlotView): void {
    this.dispatchEvent(new CustomEvent<SlotView>('h5-pick', { detail: slot }));
  }
}

customElements.define('h5-slot-step', H5SlotStep);

declare global {
  interface HTMLElementTagNameMap {
    'h5-slot-step': H5SlotStep;
  }
}
