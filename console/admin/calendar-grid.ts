/**
 * `<console-calendar-grid>`: one month of an outlet's calendar, Monday first: the State Council's
 * holidays and make-up days by name, the local closures and extra opening days with their reasons,
 * the hours of each open day and its active bookings. Sends `console-remove-override` with the
 * override whose ✕ was pressed.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { CalendarDay, CalendarMonth, CalendarOverrideView } from '../../common/admin.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { WEEKDAY_NAMES } from './hours-editor.ts';

const OFFICIAL: Record<CalendarDay['official']['kind'], Text | undefined> = {
  workday: undefined,
  weekend: { zh: '周末', en: 'Weekend' },
  holiday: { zh: '法定节假日', en: 'Public holiday' },
  makeup: { zh: '调休上班', en: 'Make-up workday' },
};

export class ConsoleCalendarGrid extends LitElement {
  static override properties = { month: { attribute: false }, disabled: { type: Boolean } };

  static override styles = [
    theme,
    css`
      table {
        width: 100%;
        table-layout: fixed;
        border-collapse: collapse;
      }
      caption {
        text-align: start;
        font-weight: 700;
        padding-bottom: 0.4rem;
      }
      th {
        padding: 0.25rem;
        font-size: 0.875rem;
        color: var(--lobby-muted);
      }
      td {
        height: 6.5rem;
        padding: 0.3rem;
        border: 1px solid #d5dae0;
        vertical-align: top;
        font-size: 0.8125rem;
        line-height: 1.35;
      }
      td.closed {
        background: #f3f4f6;
      }
      td.holiday {
        background: #fff1f1;
      }
      td.makeup {
        background: #eef8f0;
      }
      .date {
        font-size: 1rem;
        font-weight: 700;
      }
      .tag {
        display: block;
        font-weight: 600;
      }
      .holiday .tag.official {
        color: var(--lobby-danger);
      }
      .makeup .tag.official {
        color: var(--lobby-ok);
      }
      .override {
        display: flex;
        align-items: start;
        gap: 0.2rem;
        margin-top: 0.15rem;
        padding: 0.1rem 0.2rem;
        border-left: 3px solid #c77700;
        background: #fff8ec;
      }
      .override button {
        min-width: 1.6rem;
        min-height: 1.6rem;
        padding: 0;
        border-width: 1px;
        font-size: 0.75rem;
        margin-inline-start: auto;
      }
      .bookings {
        display: block;
        color: var(--lobby-primary);
      }
      .muted {
        color: var(--lobby-muted);
      }
    `,
  ];

  declare month: CalendarMonth;
  declare disabled: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.disabled = false;
  }

  override render() {
    const days = this.month.days;
    const leading = (days[0]?.weekday ?? 1) - 1;
    const cells: (CalendarDay | undefined)[] = [...Array.from({ length: leading }, () => undefined), ...days];
    while (cells.length % 7 !== 0) cells.push(undefined);
    const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
    return html`<table>
      <caption>${this.month.month}</caption>
      <thead><tr>${(['1', '2', '3', '4', '5', '6', '7'] as const).map((w) => html`<th scope="col">${t(WEEKDAY_NAMES[w])}</th>`)}</tr></thead>
      <tbody>${weeks.map((week) => html`<tr>${week.map((day) => (day ? this.#renderDay(day) : html`<td></td>`))}</tr>`)}</tbody>
    </table>`;
  }

  #renderDay(day: CalendarDay) {
    const official = OFFICIAL[day.official.kind];
    const classes = [day.open ? 'open' : 'closed', day.official.kind].join(' ');
    return html`<td class=${classes} data-date=${day.date} data-open=${day.open ? 'true' : 'false'}>
      <span class="date">${Number(day.date.slice(8))}</span>
      ${official ? html`<span class="tag official">${day.official.name ? t(day.official.name) : ''} ${t(official)}</span>` : nothing}
      ${day.overrides.map((o) => this.#renderOverride(o))}
      ${day.open
        ? html`<span class="muted">${day.hours.map((p) => `${p.open}–${p.close}`).join(' ')}</span>`
        : html`<span class="tag">${t({ zh: '不办公', en: 'Closed' })}${day.closedReason ? html`：${t(day.closedReason)}` : nothing}</span>`}
      ${day.activeBookings > 0 ? html`<span class="bookings">${t({ zh: `预约 ${day.activeBookings}`, en: `${day.activeBookings} booked` })}</span>` : nothing}
    </td>`;
  }

  #renderOverride(override: CalendarOverrideView) {
    const what = override.kind === 'closed' ? { zh: '本地闭馆', en: 'Local closure' } : { zh: '临时开放', en: 'Extra opening' };
    const scope = override.outletId === null ? t({ zh: '（全部网点）', en: ' (all outlets)' }) : '';
    return html`<span class="override">
      <span>${t(what)}${scope}：${t(override.reason)}</span>
      <button type="button" ?disabled=${this.disabled} @click=${() => this.#remove(override)}
        aria-label=${t({ zh: `撤销 ${override.date} ${what.zh}`, en: `Remove the ${what.en.toLowerCase()} of ${override.date}` })}>✕</button>
    </span>`;
  }

  #remove(override: CalendarOverrideView): void {
    this.dispatchEvent(new CustomEvent<CalendarOverrideView>('console-remove-override', { detail: override }));
  }
}

customElements.define('console-calendar-grid', ConsoleCalendarGrid);

declare global {
  interface HTMLElementTagNameMap {
    'console-calendar-grid': ConsoleCalendarGrid;
  }
}
