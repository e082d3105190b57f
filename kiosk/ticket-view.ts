/**
 * `<kiosk-ticket>`: the ticket, on screen and on paper. The number is the largest thing on both;
 * then where to go (the counters), how long (people ahead, minutes), what it is for, when and where
 * it was issued (Beijing time), and a QR code that follows the queue on a phone. On screen there
 * are also the buttons: print, done, and the green channel for a guide to confirm.
 *
 * Print: this element's own `@media print` rules (they apply inside the shadow root) leave the
 * ticket alone, black on white, at the 80 mm of a thermal roll; the page's `@page` rule is in
 * kiosk/print-styles.ts. Sends `kiosk-print`, `kiosk-done` and `kiosk-green`.
 */
import { LitElement, css, html, nothing } from 'lit';
import { GREEN_REASON_TEXT, type KioskTicket } from '../common/kiosk.ts';
import { serviceDate, wallTime } from '../common/time.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { both } from './bilingual.ts';
import { kioskStyles } from './kiosk-styles.ts';

const CLASS_TEXT: Record<KioskTicket['class'], Text> = {
  green: { zh: '绿色通道', en: 'Green channel' },
  appointment: { zh: '预约', en: 'Appointment' },
  walk_in: { zh: '现场取号', en: 'Walk-in' },
  late: { zh: '逾时签到', en: 'Late arrival' },
};

const STATUS_TEXT: Record<Exclude<KioskTicket['status'], 'waiting'>, Text> = {
  called: { zh: '已叫号，请尽快到窗口', en: 'Called: please go to the counter now' },
  serving: { zh: '正在办理', en: 'Being served' },
  finished: { zh: '已办结', en: 'Finished' },
  missed: { zh: '已过号，请咨询引导员', en: 'Missed: please ask a guide' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

function countersText(numbers: number[]): Text {
  if (numbers.length === 0) return { zh: '请留意叫号屏幕', en: 'Watch the display for your counter' };
  const list = [...numbers].sort((a, b) => a - b);
  return {
    zh: `请到 ${list.join('、')} 号窗口`,
    en: `${list.length === 1 ? 'Counter' : 'Counters'} ${list.join(', ')}`,
  };
}

/** `2026-11-23 09:05`, in Beijing time whatever the kiosk's own zone. */
function issuedText(iso: string): string {
  const at = new Date(iso);
  return `${serviceDate(at)} ${wallTime(at)}`;
}

export class KioskTicketView extends LitElement {
  static override properties = {
    ticket: { attribute: false },
    note: { attribute: false },
    maskedId: { attribute: 'masked-id' },
    canIssue: { type: Boolean, attribute: 'can-issue' },
  };

  static override styles = [
    theme,
    kioskStyles,
    css`
      :host {
        display: grid;
        justify-items: center;
        gap: 0.7em;
        width: min(34em, 100%);
      }
      .ticket {
        display: grid;
        justify-items: center;
        gap: 0.25em;
        width: 100%;
        padding: 0.8em 1em;
        border: 3px solid var(--lobby-text);
        border-radius: 8px;
        text-align: center;
        color: #000;
        background: #fff;
      }
      .ticket.green {
        border-color: var(--lobby-ok);
        box-shadow: 0 0 0 0.3em var(--lobby-ok);
      }
      .outlet {
        font-weight: 700;
      }
      .label {
        font-size: 0.9em;
      }
      .number {
        margin: 0;
        font-size: 5em;
        font-weight: 800;
        line-height: 1;
        letter-spacing: 0.04em;
        font-variant-numeric: tabular-nums;
      }
      .badge {
        padding: 0.15em 0.6em;
        border: 3px solid var(--lobby-ok);
        border-radius: 999px;
        color: var(--lobby-ok);
        font-weight: 800;
      }
      .counters {
        font-size: 1.3em;
        font-weight: 800;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.15em 0.8em;
        margin: 0.3em 0;
        text-align: start;
      }
      dt {
        color: #333;
      }
      dd {
        margin: 0;
        font-weight: 700;
      }
      /* One line a row: the English label follows the Chinese, smaller. */
      dt .first,
      dd .first,
      dt .other,
      dd .other {
        display: inline;
      }
      dt .other,
      dd .other {
        margin-inline-start: 0.4em;
      }
      .zone {
        white-space: nowrap;
      }
      .attorney {
        padding: 0.3em 0.6em;
        border: 2px dashed #000;
        font-weight: 800;
      }
      .status {
        font-weight: 800;
        color: var(--lobby-danger);
      }
      /* An SVG: sharp at any size, on screen and on paper. */
      img.qr {
        width: 8em;
        height: 8em;
      }
      .qr-caption {
        font-size: 0.75em;
      }
      .note {
        font-weight: 700;
        text-align: center;
      }
      .masked-id {
        font-variant-numeric: tabular-nums;
      }
      button.green-channel {
        border-color: var(--lobby-ok);
        color: var(--lobby-ok);
      }

      /* A landscape kiosk: the buttons beside the ticket, so nobody scrolls to find "done". */
      @media screen and (orientation: landscape) {
        :host {
          grid-template-columns: minmax(0, 28em) minmax(0, 12em);
          align-items: center;
          column-gap: 1.5em;
          width: auto;
        }
        .ticket {
          grid-row: 1 / span 4;
        }
        :host > :not(.ticket) {
          grid-column: 2;
        }
        .actions {
          flex-direction: column;
        }
        .actions button {
          width: 100%;
        }
        .number {
          font-size: 4em;
        }
        img.qr {
          width: 6em;
          height: 6em;
        }
      }

      /* On paper: the ticket alone, black on white, sized for an 80 mm thermal roll. */
      @media print {
        :host {
          display: block;
          width: 100%;
          gap: 0;
          font-size: 3.6mm;
        }
        .screen-only {
          display: none !important;
        }
        .ticket,
        .ticket.green {
          gap: 1mm;
          padding: 3mm 4mm 6mm;
          border: none;
          border-radius: 0;
          box-shadow: none;
          color: #000;
          background: #fff;
        }
        .number {
          font-size: 20mm;
        }
        .badge {
          border-color: #000;
          color: #000;
        }
        .status {
          color: #000;
        }
        dt {
          color: #000;
        }
        img.qr {
          width: 30mm;
          height: 30mm;
        }
      }
    `,
  ];

  declare ticket: KioskTicket;
  /** Said above the buttons: "the same ticket again", "now in the green channel". */
  declare note: Text | undefined;
  /** The ID that took it, masked; on screen only (a printed ticket is left lying around). */
  declare maskedId: string | undefined;
  /** The server can be reached: the green channel can be asked for. */
  declare canIssue: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.canIssue = true;
  }

  /** Resolves once the ticket, its QR image included, is drawn: printing before would print a blank square. */
  async ready(): Promise<void> {
    await this.updateComplete;
    await this.renderRoot.querySelector<HTMLImageElement>('img.qr')?.decode().catch(() => undefined);
  }

  override render() {
    const ticket = this.ticket;
    return html`
      <article class="ticket ${ticket.green ? 'green' : ''}" aria-label="排队号 Ticket">
        <p class="outlet">${both(ticket.outlet)}</p>
        <p class="label">${both({ zh: `排队号 · ${CLASS_TEXT[ticket.class].zh}`, en: `Ticket · ${CLASS_TEXT[ticket.class].en}` })}</p>
        <p class="number" data-number=${ticket.number}>${ticket.number}</p>
        ${ticket.green
          ? html`<p class="badge">${both({
              zh: `绿色通道${ticket.greenReason ? ` · ${GREEN_REASON_TEXT[ticket.greenReason].zh}` : ''}`,
              en: `Green channel${ticket.greenReason ? ` · ${GREEN_REASON_TEXT[ticket.greenReason].en}` : ''}`,
            })}</p>`
          : nothing}
        ${ticket.status === 'waiting' ? nothing : html`<p class="status" role="status">${both(STATUS_TEXT[ticket.status])}</p>`}
        <p class="counters">${both(countersText(ticket.counterNumbers))}</p>
        <dl>
          <dt>${both({ zh: '业务', en: 'Service' })}</dt><dd class="service">${both(ticket.service)}</dd>
          <dt>${both({ zh: '业务类别', en: 'Group' })}</dt><dd class="group">${both(ticket.group)}</dd>
          <dt>${both({ zh: '前面等候', en: 'Ahead of you' })}</dt>
          <dd class="ahead">${t({ zh: `${ticket.peopleAhead} 人`, en: `${ticket.peopleAhead} ${ticket.peopleAhead === 1 ? 'person' : 'people'}` })}</dd>
          <dt>${both({ zh: '预计等候', en: 'Expected wait' })}</dt>
          <dd class="wait">${t({ zh: `约 ${ticket.estimatedWaitMinutes} 分钟`, en: `about ${ticket.estimatedWaitMinutes} min` })}</dd>
          <dt>${both({ zh: '取号时间', en: 'Issued' })}</dt>
          <dd class="issued">${issuedText(ticket.issuedAt)} <span class="other zone">${t({ zh: '北京时间', en: 'Beijing time' })}</span></dd>
          ${ticket.appointmentNo
            ? html`<dt>${both({ zh: '预约号', en: 'Appointment' })}</dt><dd class="appointment">${ticket.appointmentNo}</dd>`
            : nothing}
        </dl>
        ${ticket.presentAttorney
          ? html`<p class="attorney">${both({ zh: '代办业务：请在窗口出示加盖公章的委托书', en: 'Agency business: show the power of attorney with the firm\'s seal at the counter' })}</p>`
          : nothing}
        <img class="qr" src=${ticket.followQr} alt=${t({ zh: '排队进度二维码', en: 'QR code to follow the queue' })} />
        <p class="qr-caption">${both({ zh: '手机扫码，随时查看排队进度', en: 'Scan with your phone to follow the queue' })}</p>
      </article>
      ${this.maskedId
        ? html`<p class="screen-only hint">${both({ zh: '签到身份证', en: 'ID card' })} <span class="masked-id">${this.maskedId}</span></p>`
        : nothing}
      ${this.note ? html`<p class="screen-only note" role="status">${both(this.note)}</p>` : nothing}
      <div class="screen-only actions">
        <button type="button" class="print" @click=${() => this.#send('kiosk-print')}>${both({ zh: '打印', en: 'Print' })}</button>
        ${ticket.status === 'waiting' && !ticket.green
          ? html`<button type="button" class="green-channel" ?disabled=${!this.canIssue} @click=${() => this.#send('kiosk-green')}>
              ${both({ zh: '绿色通道', en: 'Green channel' })}</button>`
          : nothing}
        <button type="button" class="primary done" @click=${() => this.#send('kiosk-done')}>${both({ zh: '完成', en: 'Done' })}</button>
      </div>
    `;
  }

  #send(type: 'kiosk-print' | 'kiosk-done' | 'kiosk-green'): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }
}

customElements.define('kiosk-ticket', KioskTicketView);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-ticket': KioskTicketView;
  }
}
