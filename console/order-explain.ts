/**
 * `<console-order-explain>`: "why is X ahead of Y?" for two tickets waiting in the same queue, in the
 * server's own words — the order is the server's rule, and a guide answering a citizen at the door
 * must say what the server decided, not a guess. Tickets of different queues are not compared
 * (different counters call them), so the second choice offers the first one's queue only; the
 * question is put with the ticket the server placed first as "ahead". Sends
 * `console-session-ended` if the session is gone.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { OrderExplanation, OutletQueue } from '../common/counters.ts';
import type { ApiFailure } from '../ui/api.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';
import { panelStyles } from './console-styles.ts';
import { fetchExplanation } from './counter-api.ts';
import { stillSignedIn } from './session-guard.ts';

type Waiting = OutletQueue['waiting'][number];

type Answer =
  | { status: 'none' }
  | { status: 'asking' }
  | { status: 'answered'; ahead: string; behind: string; explanation: OrderExplanation }
  | { status: 'failed'; failure: ApiFailure };

export class ConsoleOrderExplain extends LitElement {
  static override properties = {
    tickets: { attribute: false },
    first: { state: true },
    second: { state: true },
    answer: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem 0.75rem;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      select {
        font: inherit;
        min-width: 8rem;
        min-height: 44px;
        padding: 0 0.5em;
        border: 1px solid var(--lobby-border);
        border-radius: 6px;
        background: var(--lobby-bg);
      }
      .answer {
        margin: 0.75rem 0 0;
        padding: 0.6em 1em;
        border-left: 4px solid var(--lobby-primary);
        background: #eaf1fb;
      }
    `,
  ];

  /** The tickets to choose from, in the order shown. */
  declare tickets: Waiting[];
  declare first: string | undefined;
  declare second: string | undefined;
  declare answer: Answer;

  constructor() {
    super();
    new LocaleController(this);
    this.tickets = [];
    this.answer = { status: 'none' };
  }

  override render() {
    const first = this.tickets.find((ticket) => ticket.id === this.first);
    const sameQueue = first ? this.tickets.filter((ticket) => ticket.serviceId === first.serviceId && ticket.id !== first.id) : [];
    const second = sameQueue.find((ticket) => ticket.id === this.second);
    const asking = this.answer.status === 'asking';
    return html`
      <h3>${t({ zh: '排队顺序说明', en: 'Explain the order' })}</h3>
      <form @submit=${this.#ask}>
        <label>
          ${t({ zh: '号码', en: 'Ticket' })}
          <select name="first" @change=${(e: Event) => { this.first = (e.target as HTMLSelectElement).value || undefined; }}>
            ${this.#options(this.tickets, first?.id)}
          </select>
        </label>
        <label>
          ${t({ zh: '与同一队列的', en: 'and, in the same queue,' })}
          <select name="second" ?disabled=${!first} @change=${(e: Event) => { this.second = (e.target as HTMLSelectElement).value || undefined; }}>
            ${this.#options(sameQueue, second?.id)}
          </select>
        </label>
        <button type="submit" ?disabled=${!first || !second || asking} aria-busy=${asking ? 'true' : 'false'}>
          ${t({ zh: '为什么是这个顺序？', en: 'Why this order?' })}
        </button>
      </form>
      ${this.#renderAnswer()}
    `;
  }

  #options(tickets: Waiting[], selected: string | undefined) {
    return html`
      <option value="" ?selected=${selected === undefined}>${t({ zh: '选择号码', en: 'Choose a ticket' })}</option>
      ${tickets.map((ticket) => html`<option value=${ticket.id} ?selected=${ticket.id === selected}>${ticket.number} · ${t(ticket.service)}</option>`)}
    `;
  }

  #renderAnswer() {
    const answer = this.answer;
    switch (answer.status) {
      case 'none':
        return nothing;
      case 'asking':
        return html`<lobby-status kind="loading"></lobby-status>`;
      case 'failed':
        return html`<lobby-status .failure=${answer.failure}></lobby-status>`;
      case 'answered':
        return html`<p class="answer" role="status">
          <strong>${t({ zh: `${answer.ahead} 排在 ${answer.behind} 前面`, en: `${answer.ahead} is ahead of ${answer.behind}` })}</strong>：${t(answer.explanation)}
        </p>`;
    }
  }

  async #ask(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const chosen = [this.first, this.second].map((id) => this.tickets.find((ticket) => ticket.id === id));
    const [a, b] = chosen;
    if (!a || !b || a.id === b.id || a.serviceId !== b.serviceId) return;
    // The server explains the order it made: ask about them in that order.
    const [ahead, behind] = a.position <= b.position ? [a, b] : [b, a];
    this.answer = { status: 'asking' };
    const result = await fetchExplanation(ahead.id, behind.id);
    if (!stillSignedIn(this, result)) return;
    this.answer = result.ok
      ? { status: 'answered', ahead: ahead.number, behind: behind.number, explanation: result.data }
      : { status: 'failed', failure: result };
  }
}

customElements.define('console-order-explain', ConsoleOrderExplain);

declare global {
  interface HTMLElementTagNameMap {
    'console-order-explain': ConsoleOrderExplain;
  }
}
