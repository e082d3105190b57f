/**
 * `<console-waiting-list>`: who waits, in calling order per service — for a clerk the services of
 * their counter (or, with the toggle, the whole outlet), for a guide the whole outlet — each ticket
 * with its class, how long it waited and the estimated wait; the missed tickets with "requeue".
 * A guide or supervisor can move a waiting ticket to the green channel and ask why one ticket is
 * ahead of another.
 *
 * It never reorders anything itself: after a green grant or a requeue the new order arrives with
 * the next fetch of the queue, which the live event of that transition triggers. Sends
 * `console-queue-changed` after a change it made, so the queue is fetched even when the live
 * connection happens to be down.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { OutletQueue, StaffTicket } from '../common/counters.ts';
import { GREEN_REASON_TEXT } from '../common/kiosk.ts';
import type { ApiResult } from '../ui/api.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';
import { failureText } from './console-api.ts';
import { panelStyles } from './console-styles.ts';
import { postGreen, postRequeue } from './counter-api.ts';
import './green-dialog.ts';
import type { GreenGrant } from './green-dialog.ts';
import './order-explain.ts';
import { Presses } from './press.ts';
import { stillSignedIn } from './session-guard.ts';
import { CLASS_TEXT, minutesText, stepText } from './ticket-text.ts';

type Waiting = OutletQueue['waiting'][number];

export class ConsoleWaitingList extends LitElement {
  static override properties = {
    queue: { attribute: false },
    counterServiceIds: { attribute: false },
    csrfToken: { attribute: false },
    canGreen: { type: Boolean, attribute: 'can-green' },
    canRequeue: { type: Boolean, attribute: 'can-requeue' },
    wholeOutlet: { state: true },
    greenFor: { state: true },
    busyTicket: { state: true },
    notice: { state: true },
    problem: { state: true },
    dialogProblem: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.5rem 1rem;
      }
      .toggle {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        min-height: 44px;
        cursor: pointer;
      }
      .toggle input {
        width: 1.25rem;
        height: 1.25rem;
      }
      .group + .group,
      .missed,
      console-order-explain {
        margin-top: 1.25rem;
      }
      /* Fixed columns: the tables of different services line up under each other. */
      table {
        width: 100%;
        border-collapse: collapse;
        table-layout: fixed;
      }
      th:first-child {
        width: 22%;
      }
      th.act {
        width: 8rem;
      }
      caption {
        padding-bottom: 0.25rem;
        text-align: start;
        font-weight: 700;
      }
      th,
      td {
        padding: 0.35rem 0.5rem;
        border-bottom: 1px solid #d5dae0;
        text-align: start;
        vertical-align: middle;
      }
      th {
        font-size: 0.875rem;
        color: var(--lobby-muted);
        font-weight: 600;
      }
      .number {
        font-size: 1.125rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      tr.green .number {
        color: var(--lobby-ok);
      }
      td.act {
        text-align: end;
        white-space: nowrap;
      }
      td.act button {
        min-height: 36px;
        font-size: 0.875rem;
      }
    `,
  ];

  declare queue: OutletQueue;
  /** The services of the clerk's counter; undefined for a guide, who sees the whole outlet. */
  declare counterServiceIds: string[] | undefined;
  declare csrfToken: string;
  declare canGreen: boolean;
  declare canRequeue: boolean;
  declare wholeOutlet: boolean;
  /** The ticket the green-channel dialog is open for. */
  declare greenFor: Waiting | undefined;
  /** The ticket whose request is under way. */
  declare busyTicket: string | undefined;
  declare notice: Text | undefined;
  declare problem: Text | undefined;
  declare dialogProblem: Text | undefined;

  readonly #presses = new Presses();

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.canGreen = false;
    this.canRequeue = false;
    this.wholeOutlet = false;
  }

  override render() {
    const shown = this.#shownServices();
    const waiting = this.queue.waiting.filter((ticket) => shown.has(ticket.serviceId));
    const missed = this.queue.missed.filter((ticket) => shown.has(ticket.serviceId));
    const groups = this.queue.services
      .map((service) => ({ service, tickets: waiting.filter((ticket) => ticket.serviceId === service.id).sort((a, b) => a.position - b.position) }))
      .filter((group) => group.tickets.length > 0);
    return html`
      <section class="panel" aria-labelledby="waiting-title">
        <div class="head">
          <h2 id="waiting-title">${t({ zh: `等候队列（${waiting.length} 人）`, en: `Waiting (${waiting.length})` })}</h2>
          ${this.counterServiceIds
            ? html`<label class="toggle">
                <input type="checkbox" .checked=${this.wholeOutlet} @change=${(e: Event) => { this.wholeOutlet = (e.target as HTMLInputElement).checked; }} />
                ${t({ zh: '显示全部业务', en: 'Whole outlet' })}
              </label>`
            : nothing}
        </div>
        ${this.notice ? html`<p class="notice" role="status">${t(this.notice)}</p>` : nothing}
        ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
        ${groups.length === 0
          ? html`<lobby-status kind="empty" .text=${{ zh: '目前没有人等候', en: 'Nobody is waiting' }}></lobby-status>`
          : groups.map(({ service, tickets }) => this.#renderGroup(service.name, tickets))}
        ${missed.length > 0 ? this.#renderMissed(missed) : nothing}
        ${this.canGreen && groups.some((g) => g.tickets.length > 1) ? html`<console-order-explain .tickets=${groups.flatMap((g) => g.tickets)}></console-order-explain>` : nothing}
      </section>
      ${this.greenFor
        ? html`<console-green-dialog
            .ticketNumber=${this.greenFor.number}
            ?busy=${this.busyTicket === this.greenFor.id}
            .problem=${this.dialogProblem}
            @console-green-confirm=${this.#green}
            @console-green-cancel=${this.#closeGreen}
          ></console-green-dialog>`
        : nothing}
    `;
  }

  #shownServices(): Set<string> {
    if (!this.counterServiceIds || this.wholeOutlet) return new Set(this.queue.services.map((s) => s.id));
    return new Set(this.counterServiceIds);
  }

  #renderGroup(name: Text, tickets: Waiting[]) {
    return html`
      <div class="group">
        <table>
          <caption>${t(name)} · ${t({ zh: `${tickets.length} 人`, en: `${tickets.length} waiting` })}</caption>
          <thead>
            <tr>
              <th scope="col">${t({ zh: '号码', en: 'Number' })}</th>
              <th scope="col">${t({ zh: '类别', en: 'Class' })}</th>
              <th scope="col">${t({ zh: '已等', en: 'Waited' })}</th>
              <th scope="col">${t({ zh: '预计', en: 'Est. wait' })}</th>
              ${this.canGreen ? html`<th scope="col" class="act"><span hidden>${t({ zh: '操作', en: 'Actions' })}</span></th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${tickets.map((ticket) => this.#renderWaiting(ticket))}
          </tbody>
        </table>
      </div>
    `;
  }

  #renderWaiting(ticket: Waiting) {
    const step = stepText(ticket);
    return html`
      <tr class=${ticket.green ? 'green' : ''} data-ticket=${ticket.number}>
        <td class="number">${ticket.number}</td>
        <td>
          <span class=${ticket.green ? 'badge green' : 'badge'} title=${ticket.greenReason ? t(GREEN_REASON_TEXT[ticket.greenReason]) : ''}>${t(CLASS_TEXT[ticket.class])}</span>
          ${step ? html` <span class="muted">${t(step)}</span>` : nothing}
        </td>
        <td>${t(minutesText(ticket.waitedMinutes))}</td>
        <td>${t(minutesText(ticket.estimatedWaitMinutes))}</td>
        ${this.canGreen
          ? html`<td class="act">
              ${ticket.green
                ? nothing
                : html`<button type="button" ?disabled=${this.busyTicket !== undefined} @click=${() => this.#openGreen(ticket)}>
                    ${t({ zh: '绿色通道', en: 'Green channel' })}
                  </button>`}
            </td>`
          : nothing}
      </tr>
    `;
  }

  #renderMissed(missed: StaffTicket[]) {
    return html`
      <div class="missed">
        <table>
          <caption>${t({ zh: `已过号（${missed.length}）`, en: `Missed (${missed.length})` })}</caption>
          <thead>
            <tr>
              <th scope="col">${t({ zh: '号码', en: 'Number' })}</th>
              <th scope="col">${t({ zh: '业务', en: 'Service' })}</th>
              <th scope="col">${t({ zh: '重新排队', en: 'Requeued' })}</th>
              ${this.canRequeue ? html`<th scope="col" class="act"><span hidden>${t({ zh: '操作', en: 'Actions' })}</span></th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${missed.map((ticket) => html`
              <tr data-ticket=${ticket.number}>
                <td class="number">${ticket.number}</td>
                <td>${t(ticket.service)}</td>
                <td>${t({ zh: `${ticket.requeueCount} 次`, en: `${ticket.requeueCount}×` })}</td>
                ${this.canRequeue
                  ? html`<td class="act">
                      <button type="button" ?disabled=${this.busyTicket !== undefined} aria-busy=${this.busyTicket === ticket.id ? 'true' : 'false'}
                        @click=${() => this.#requeue(ticket)}>
                        ${this.busyTicket === ticket.id ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${t({ zh: '重新排队', en: 'Requeue' })}
                      </button>
                    </td>`
                  : nothing}
              </tr>`)}
          </tbody>
        </table>
      </div>
    `;
  }

  #openGreen(ticket: Waiting): void {
    this.dialogProblem = undefined;
    this.greenFor = ticket;
  }

  #closeGreen(): void {
    if (this.busyTicket === this.greenFor?.id) return;
    this.greenFor = undefined;
  }

  async #green(event: CustomEvent<GreenGrant>): Promise<void> {
    const ticket = this.greenFor;
    if (!ticket || this.busyTicket) return;
    const what = `green:${ticket.id}`;
    this.busyTicket = ticket.id;
    this.dialogProblem = undefined;
    const result = await postGreen(ticket.id, event.detail, this.#presses.keyFor(what), this.csrfToken);
    this.#presses.settle(what, result);
    this.busyTicket = undefined;
    if (!stillSignedIn(this, result)) return;
    if (!result.ok) {
      this.dialogProblem = failureText(result);
      return;
    }
    this.greenFor = undefined;
    this.#changed(result, { zh: `${ticket.number} 已改为绿色通道`, en: `${ticket.number} is now in the green channel` });
  }

  async #requeue(ticket: StaffTicket): Promise<void> {
    if (this.busyTicket) return;
    const what = `requeue:${ticket.id}`;
    this.busyTicket = ticket.id;
    this.notice = undefined;
    this.problem = undefined;
    const result = await postRequeue(ticket.id, this.#presses.keyFor(what), this.csrfToken);
    this.#presses.settle(what, result);
    this.busyTicket = undefined;
    if (!stillSignedIn(this, result)) return;
    this.#changed(result, { zh: `${ticket.number} 已重新排队`, en: `${ticket.number} is back in the queue` });
  }

  #changed(result: ApiResult<unknown>, done: Text): void {
    this.notice = result.ok ? done : undefined;
    this.problem = result.ok ? undefined : failureText(result);
    if (result.ok) this.dispatchEvent(new CustomEvent('console-queue-changed', { bubbles: true, composed: true }));
  }
}

customElements.define('console-waiting-list', ConsoleWaitingList);

declare global {
  interface HTMLElementTagNameMap {
    'console-waiting-list': ConsoleWaitingList;
  }
}
