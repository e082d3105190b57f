/**
 * `<console-counter-panel>`: the clerk's counter screen — the ticket in hand, the commands with
 * their keys written on them, the transfer dialog and, after a finished ticket, the rating panel.
 *
 * One command runs at a time: while its request is under way every command is disabled and the
 * running one says so, and a second press (a double click, a held or repeated key) is dropped, so
 * one press never calls two tickets. A press that got no answer keeps its idempotency key: pressing
 * the same command again retries it, and the server does it once.
 *
 * Sends `console-counter-result` with every action's answer (the counter as it is now), and
 * `console-counter-closed` once the counter is closed.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { CounterActionResult, CounterView, OutletQueue, StaffTicket } from '../common/counters.ts';
import type { ApiResult } from '../ui/api.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { failureText } from './console-api.ts';
import { panelStyles } from './console-styles.ts';
import { postCounterAction, postTransfer, type CounterAction } from './counter-api.ts';
import { COMMAND_TEXT, PAUSE_TEXT, RESUME_TEXT, SHORTCUTS, commandApplies, type Command } from './counter-commands.ts';
import './current-ticket.ts';
import { Presses } from './press.ts';
import './rating-panel.ts';
import { stillSignedIn } from './session-guard.ts';
import { ShortcutsController, shortcutLabel } from './shortcuts-controller.ts';
import './transfer-dialog.ts';

const COUNTER_STATUS: Record<CounterView['status'], Text> = {
  closed: { zh: '已关闭', en: 'Closed' },
  open: { zh: '工作中', en: 'Open' },
  paused: { zh: '暂停中', en: 'Paused' },
};

/** The row of commands as shown, in the order of their keys. */
const BAR: readonly Command[] = ['call-next', 'recall', 'missed', 'start', 'finish', 'transfer', 'pause-resume'];

export class ConsoleCounterPanel extends LitElement {
  static override properties = {
    counter: { attribute: false },
    services: { attribute: false },
    csrfToken: { attribute: false },
    busy: { state: true },
    notice: { state: true },
    problem: { state: true },
    transferring: { state: true },
    transferProblem: { state: true },
    rating: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
        align-content: start;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.5rem 1rem;
        margin-bottom: 1rem;
      }
      .head h2 {
        margin: 0;
      }
      .head .services {
        flex-basis: 100%;
        margin: 0;
        font-size: 0.875rem;
      }
      .commands {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
        gap: 0.6rem;
        margin-top: 1.25rem;
      }
      .commands button {
        display: grid;
        place-items: center;
        min-height: 4rem;
        padding: 0.4rem 0.6rem;
        font-size: 1.125rem;
        font-weight: 700;
        line-height: 1.2;
      }
      .commands button.call {
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
      }
      kbd {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 0.75rem;
        font-weight: normal;
        opacity: 0.85;
      }
      .footer {
        display: flex;
        justify-content: flex-end;
        margin-top: 1rem;
      }
      button.danger {
        border-color: var(--lobby-danger);
        color: var(--lobby-danger);
      }
    `,
  ];

  declare counter: CounterView;
  declare services: OutletQueue['services'];
  declare csrfToken: string;
  /** The command whose request is under way. */
  declare busy: Command | undefined;
  declare notice: Text | undefined;
  declare problem: Text | undefined;
  declare transferring: boolean;
  declare transferProblem: Text | undefined;
  /** The ticket just finished, waiting for its rating. */
  declare rating: StaffTicket | undefined;

  readonly #presses = new Presses();

  constructor() {
    super();
    new LocaleController(this);
    new ShortcutsController<Command>(this, { shortcuts: SHORTCUTS, run: (command) => this.#run(command) });
    this.services = [];
    this.csrfToken = '';
    this.transferring = false;
  }

  override render() {
    const counter = this.counter;
    return html`
      <section class="panel" aria-labelledby="counter-title">
        <div class="head">
          <h2 id="counter-title">${t(counter.name)}</h2>
          <span class="badge" data-status=${counter.status}>${t(COUNTER_STATUS[counter.status])}</span>
          <p class="services muted">${counter.services.map((s) => t(s.name)).join('、')}</p>
        </div>
        <console-current-ticket .ticket=${counter.current}></console-current-ticket>
        <div class="commands" role="toolbar" aria-label=${t({ zh: '窗口操作', en: 'Counter commands' })}>
          ${BAR.map((command) => this.#renderCommand(command))}
        </div>
        ${this.notice ? html`<p class="notice" role="status">${t(this.notice)}</p>` : nothing}
        ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
        <div class="footer">${this.#renderCommand('close')}</div>
      </section>
      ${this.rating
        ? html`<console-rating-panel .ticket=${this.rating} .csrfToken=${this.csrfToken} @console-rating-done=${this.#ratingDone}></console-rating-panel>`
        : nothing}
      ${this.transferring && counter.current
        ? html`<console-transfer-dialog
            .ticketNumber=${counter.current.number}
            .fromServiceId=${counter.current.serviceId}
            .services=${this.services}
            ?busy=${this.busy === 'transfer'}
            .problem=${this.transferProblem}
            @console-transfer-confirm=${this.#transfer}
            @console-transfer-cancel=${this.#closeTransfer}
          ></console-transfer-dialog>`
        : nothing}
    `;
  }

  #renderCommand(command: Command) {
    const label = command === 'pause-resume' ? (this.counter.status === 'paused' ? RESUME_TEXT : PAUSE_TEXT) : COMMAND_TEXT[command];
    const keys = SHORTCUTS.find((s) => s.command === command)?.keys;
    const busy = this.busy === command;
    return html`
      <button
        type="button"
        class=${command === 'call-next' ? 'call' : command === 'close' ? 'danger' : ''}
        data-command=${command}
        ?disabled=${this.busy !== undefined || !commandApplies(command, this.counter)}
        aria-busy=${busy ? 'true' : 'false'}
        aria-keyshortcuts=${keys ? keys.map((k) => k.toUpperCase()).join(' ') : nothing}
        @click=${() => this.#run(command)}
      >
        <span>${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${t(label)}</span>
        ${keys ? html`<kbd>${shortcutLabel(keys)}</kbd>` : nothing}
      </button>
    `;
  }

  /** A button or a key: the same checks, so a key can do nothing a greyed-out button could not. */
  #run(command: Command): void {
    if (this.busy !== undefined || !commandApplies(command, this.counter)) return;
    switch (command) {
      case 'transfer':
        this.transferProblem = undefined;
        this.transferring = true;
        return;
      case 'pause-resume':
        void this.#act(command, this.counter.status === 'paused' ? 'resume' : 'pause');
        return;
      default:
        void this.#act(command, command);
    }
  }

  async #act(command: Command, action: CounterAction): Promise<void> {
    const counterId = this.counter.id;
    const what = `${action}:${counterId}`;
    this.busy = command;
    this.notice = undefined;
    this.problem = undefined;
    const result = await postCounterAction(counterId, action, this.#presses.keyFor(what), this.csrfToken);
    this.#presses.settle(what, result);
    this.busy = undefined;
    if (!this.#accepted(result)) return;
    const { ticket, note } = result.data;
    if (note) this.notice = note;
    if (action === 'finish' && ticket?.status === 'finished') this.rating = ticket;
    // The citizen of the last ticket has gone: an unanswered rating is skipped.
    if (action === 'call-next') this.rating = undefined;
    if (action === 'close') this.dispatchEvent(new CustomEvent('console-counter-closed', { bubbles: true, composed: true }));
  }

  async #transfer(event: CustomEvent<string>): Promise<void> {
    if (this.busy !== undefined) return;
    const counterId = this.counter.id;
    const serviceId = event.detail;
    const what = `transfer:${counterId}:${serviceId}`;
    this.busy = 'transfer';
    this.transferProblem = undefined;
    const result = await postTransfer(counterId, serviceId, this.#presses.keyFor(what), this.csrfToken);
    this.#presses.settle(what, result);
    this.busy = undefined;
    if (!result.ok) {
      if (stillSignedIn(this, result)) this.transferProblem = failureText(result);
      return;
    }
    this.transferring = false;
    const number = result.data.ticket?.number ?? '';
    const to = this.services.find((s) => s.id === serviceId)?.name ?? { zh: serviceId, en: serviceId };
    this.notice = result.data.note ?? { zh: `${number} 已转到“${to.zh}”排队`, en: `${number} now waits for “${to.en}”` };
    this.#publish(result.data);
  }

  #accepted(result: ApiResult<CounterActionResult>): result is { ok: true; data: CounterActionResult } {
    if (!stillSignedIn(this, result)) return false;
    if (!result.ok) {
      this.problem = failureText(result);
      return false;
    }
    this.#publish(result.data);
    return true;
  }

  #publish(result: CounterActionResult): void {
    this.dispatchEvent(new CustomEvent<CounterActionResult>('console-counter-result', { detail: result, bubbles: true, composed: true }));
  }

  #closeTransfer(): void {
    if (this.busy === 'transfer') return;
    this.transferring = false;
  }

  #ratingDone(event: CustomEvent<Text | undefined>): void {
    this.rating = undefined;
    if (event.detail) this.notice = event.detail;
  }
}

customElements.define('console-counter-panel', ConsoleCounterPanel);

declare global {
  interface HTMLElementTagNameMap {
    'console-counter-panel': ConsoleCounterPanel;
  }
}
