/**
 * `<console-current-ticket>`: the ticket in hand at the counter, large enough to read at a glance
 * while talking to the citizen — number, service and journey step, class, green channel, how long it
 * waited, how often it was recalled — and the power-of-attorney reminder for an agency booking,
 * which is easy to forget and costs the citizen a second visit.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { StaffTicket } from '../common/counters.ts';
import { GREEN_REASON_TEXT } from '../common/kiosk.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { panelStyles } from './console-styles.ts';
import { CLASS_TEXT, STATUS_TEXT, minutesText, stepText } from './ticket-text.ts';

export class ConsoleCurrentTicket extends LitElement {
  static override properties = { ticket: { attribute: false } };

  static override styles = [
    theme,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .ticket {
        display: grid;
        grid-template-columns: auto 1fr;
        align-items: center;
        gap: 0.5rem 1.5rem;
      }
      .number {
        grid-row: span 3;
        margin: 0;
        font-size: 4.5rem;
        font-weight: 800;
        line-height: 1;
        letter-spacing: 0.04em;
        font-variant-numeric: tabular-nums;
      }
      .service {
        margin: 0;
        font-size: 1.375rem;
        font-weight: 700;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1rem;
        margin: 0;
      }
      .attorney {
        grid-column: 1 / -1;
        margin: 0.25rem 0 0;
        padding: 0.5em 1em;
        border: 2px solid #8a5a00;
        border-radius: 6px;
        color: #6b4500;
        background: #fff6e0;
        font-weight: 700;
      }
      .none {
        margin: 0;
        font-size: 1.25rem;
        color: var(--lobby-muted);
      }
    `,
  ];

  declare ticket: StaffTicket | null;

  constructor() {
    super();
    new LocaleController(this);
    this.ticket = null;
  }

  override render() {
    const ticket = this.ticket;
    if (!ticket) {
      return html`<p class="none" role="status">${t({ zh: '当前没有号，请按“叫号”。', en: 'No ticket in hand. Press “Call next”.' })}</p>`;
    }
    const step = stepText(ticket);
    return html`
      <div class="ticket" aria-live="polite">
        <p class="number" data-number=${ticket.number} aria-label=${t({ zh: `当前号 ${ticket.number}`, en: `Current ticket ${ticket.number}` })}>${ticket.number}</p>
        <p class="service">
          ${t(ticket.service)}
          ${step ? html`<span class="badge">${t(step)}</span>` : nothing}
        </p>
        ${ticket.steps > 1 ? html`<p class="facts muted">${t({ zh: `全程：${ticket.journeyService.zh}`, en: `Journey: ${ticket.journeyService.en}` })}</p>` : nothing}
        <p class="facts">
          <span class="badge">${t(STATUS_TEXT[ticket.status])}</span>
          ${ticket.green
            ? html`<span class="badge green">${t(CLASS_TEXT.green)}${ticket.greenReason ? ` · ${t(GREEN_REASON_TEXT[ticket.greenReason])}` : ''}</span>`
            : html`<span class="badge">${t(CLASS_TEXT[ticket.class])}</span>`}
          <span>${t({ zh: '已等', en: 'Waited' })} ${t(minutesText(ticket.waitedMinutes))}</span>
          ${ticket.recalls > 0 ? html`<span>${t({ zh: `已重呼 ${ticket.recalls} 次`, en: `Recalled ${ticket.recalls}×` })}</span>` : nothing}
          ${ticket.appointmentNo ? html`<span>${t({ zh: '预约号', en: 'Booking' })} ${ticket.appointmentNo}</span>` : nothing}
        </p>
        ${ticket.presentAttorney
          ? html`<p class="attorney" role="note">${t({ zh: '代办业务：请核验授权委托书', en: 'Agency booking: check the power of attorney' })}</p>`
          : nothing}
      </div>
    `;
  }
}

customElements.define('console-current-ticket', ConsoleCurrentTicket);

declare global {
  interface HTMLElementTagNameMap {
    'console-current-ticket': ConsoleCurrentTicket;
  }
}
