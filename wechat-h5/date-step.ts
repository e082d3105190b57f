/**
 * `<h5-date-step>`: the bookable days of the window with the seats left, and the days the outlet is
 * closed with why (holiday, closure notice). Full days are shown but cannot be picked. Sends `h5-pick`
 * with the date (`YYYY-MM-DD`).
 */
import { LitElement, html, type PropertyValues } from 'lit';
import type { AvailableDates } from '../common/booking.ts';
import { dayText } from '../common/booking-ui.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { fetchDates } from './booking-api.ts';
import { h5Styles } from './h5-styles.ts';
import { LoadController } from './load-controller.ts';
import './notice-list.ts';

type Day =
  | { date: string; open: true; seatsLeft: number; capacity: number }
  | { date: string; open: false; reason: { zh: string; en: string } };

/** Open and closed days in one list, by date. */
function days(available: AvailableDates): Day[] {
  const list: Day[] = [
    ...available.dates.map((d) => ({ ...d, open: true as const })),
    ...available.closedDates.map((d) => ({ ...d, open: false as const })),
  ];
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

export class H5DateStep extends LitElement {
  static override properties = { serviceId: {}, outletId: {} };
  static override styles = [theme, h5Styles];

  declare serviceId: string;
  declare outletId: string;

  readonly #dates = new LoadController(this, () => fetchDates(this.serviceId, this.outletId));

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('serviceId') || changed.has('outletId')) void this.#dates.reload();
  }

  override render() {
    return html`
      <h2>${t({ zh: '选择日期', en: 'Choose the day' })}</h2>
      <h5-notices outletId=${this.outletId}></h5-notices>
      ${this.#dates.render((available) => {
        const list = days(available);
        if (!available.dates.some((d) => d.seatsLeft > 0)) {
          return html`
            <lobby-status kind="empty" class="no-dates" .text=${available.dates.length
              ? { zh: '近期可预约的日期均已约满，请改日再来看看或选择其他办理点。', en: 'Every bookable day is fully booked. Look again later or choose another outlet.' }
              : { zh: '近期没有可预约的日期。', en: 'No day can be booked just now.' }}></lobby-status>
            ${this.#list(list)}`;
        }
        return this.#list(list);
      })}
    `;
  }

  #list(list: Day[]) {
    return html`<ul class="choices dates">${list.map((day) => html`<li>
      ${day.open
        ? html`<button type="button" class="date" data-date=${day.date} ?disabled=${day.seatsLeft <= 0} @click=${() => this.#pick(day.date)}>
            <span class="choice-title">${t(dayText(day.date))}</span>
            <span class="muted">${day.seatsLeft > 0
              ? t({ zh: `余号 ${day.seatsLeft}`, en: `${day.seatsLeft} seats left` })
              : t({ zh: '已约满', en: 'Fully booked' })}</span>
          </button>`
        : html`<button type="button" class="date closed" data-date=${day.date} disabled>
            <span class="choice-title">${t(dayText(day.date))}</span>
            <span class="muted">${t({ zh: '不办公：', en: 'Closed: ' })}${t(day.reason)}</span>
          </button>`}
    </li>`)}</ul>`;
  }

  #pick(date: string): void {
    this.dispatchEvent(new CustomEvent<string>('h5-pick', { detail: date }));
  }
}

customElements.define('h5-date-step', H5DateStep);

declare global {
  interface HTMLElementTagNameMap {
    'h5-date-step': H5DateStep;
  }
}
