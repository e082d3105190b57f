/**
 * `<console-counter-picker>`: the counters of the outlet, who holds which, and "open" on each free
 * one. It asks the server for the counters itself (not the queue's copy) because who holds a counter
 * changes without any ticket moving, and a clerk must not pick one that was taken a minute ago.
 * Sends `console-counter-opened` with the action's answer once the clerk took a counter, and
 * `console-counter-entered` with the counter's id when the clerk already holds it (after a reload),
 * or when a supervisor steps in at a counter another clerk holds (the server lets a supervisor act
 * at any counter of their outlet, e.g. to close one a clerk left open).
 */
import { LitElement, css, html, nothing } from 'lit';
import type { CounterActionResult, CounterView } from '../common/counters.ts';
import type { ApiFailure } from '../ui/api.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';
import { failureText } from './console-api.ts';
import { panelStyles } from './console-styles.ts';
import { fetchCounters, postCounterAction } from './counter-api.ts';
import { Presses } from './press.ts';
import { stillSignedIn } from './session-guard.ts';

type Load = { status: 'loading' } | { status: 'loaded'; counters: CounterView[] } | { status: 'failed'; failure: ApiFailure };

const STATUS: Record<CounterView['status'], Text> = {
  closed: { zh: '未开启', en: 'Closed' },
  open: { zh: '已开启', en: 'Open' },
  paused: { zh: '暂停中', en: 'Paused' },
};

export class ConsoleCounterPicker extends LitElement {
  static override properties = {
    outletId: { attribute: false },
    staffId: { attribute: false },
    csrfToken: { attribute: false },
    canStepIn: { type: Boolean, attribute: 'can-step-in' },
    notice: { attribute: false },
    load: { state: true },
    opening: { state: true },
    problem: { state: true },
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
        align-items: baseline;
        justify-content: space-between;
        gap: 1rem;
      }
      ul {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
        gap: 0.75rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: grid;
        gap: 0.35rem;
        align-content: start;
        padding: 0.75rem 1rem;
        border: 1px solid var(--lobby-border);
        border-radius: 8px;
      }
      li.mine {
        border-width: 2px;
        border-color: var(--lobby-primary);
      }
      .name {
        font-size: 1.25rem;
        font-weight: 700;
      }
      .services {
        margin: 0;
        font-size: 0.875rem;
        color: var(--lobby-muted);
      }
      .holder {
        margin: 0;
        font-weight: 600;
      }
    `,
  ];

  declare outletId: string;
  declare staffId: string;
  declare csrfToken: string;
  declare canStepIn: boolean;
  /** Why the clerk is back here (e.g. the counter was closed elsewhere). */
  declare notice: Text | undefined;
  declare load: Load;
  /** The counter whose opening is under way. */
  declare opening: string | undefined;
  declare problem: Text | undefined;

  readonly #presses = new Presses();

  constructor() {
    super();
    new LocaleController(this);
    this.outletId = '';
    this.staffId = '';
    this.csrfToken = '';
    this.canStepIn = false;
    this.load = { status: 'loading' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#reload();
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="picker-title">
        <div class="head">
          <h2 id="picker-title">${t({ zh: '选择窗口', en: 'Choose your counter' })}</h2>
          <button type="button" @click=${this.#reload}>${t({ zh: '刷新', en: 'Refresh' })}</button>
        </div>
        ${this.notice ? html`<p class="notice" role="status">${t(this.notice)}</p>` : nothing}
        ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
        ${this.#renderList()}
      </section>
    `;
  }

  #renderList() {
    const load = this.load;
    if (load.status === 'loading') return html`<lobby-status kind="loading"></lobby-status>`;
    if (load.status === 'failed') return html`<lobby-status .failure=${load.failure} retryable @lobby-retry=${this.#reload}></lobby-status>`;
    if (load.counters.length === 0) return html`<lobby-status kind="empty" .text=${{ zh: '本网点还没有窗口', en: 'This outlet has no counters' }}></lobby-status>`;
    return html`<ul>${load.counters.map((counter) => this.#renderCounter(counter))}</ul>`;
  }

  #renderCounter(counter: CounterView) {
    const mine = counter.staffId === this.staffId && counter.status !== 'closed';
    const takenBy = counter.staffId && counter.staffId !== this.staffId && counter.status !== 'closed' ? counter.staffName : undefined;
    const busy = this.opening === counter.id;
    return html`
      <li class=${mine ? 'mine' : ''} data-counter=${counter.number}>
        <span class="name">${t(counter.name)}</span>
        <p class="services">${counter.services.map((s) => t(s.name)).join('、')}</p>
        <p class="holder">
          ${t(STATUS[counter.status])}${takenBy ? html` · ${t({ zh: `${takenBy} 使用中`, en: `in use by ${takenBy}` })}` : nothing}
          ${mine ? html` · ${t({ zh: '我', en: 'me' })}` : nothing}
        </p>
        ${mine
          ? html`<button class="primary" type="button" @click=${() => this.#enter(counter)}>
              ${t({ zh: `回到${counter.name.zh}`, en: `Back to ${counter.name.en}` })}
            </button>`
          : takenBy && this.canStepIn
            ? html`<button type="button" @click=${() => this.#enter(counter)}>
                ${t({ zh: `介入${counter.name.zh}`, en: `Step in at ${counter.name.en}` })}
              </button>`
            : html`<button class="primary" type="button" ?disabled=${Boolean(takenBy) || this.opening !== undefined}
              aria-busy=${busy ? 'true' : 'false'} @click=${() => this.#open(counter)}>
              ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
              ${t({ zh: `开启${counter.name.zh}`, en: `Open ${counter.name.en}` })}
            </button>`}
      </li>
    `;
  }

  readonly #reload = async (): Promise<void> => {
    if (this.load.status !== 'loaded') this.load = { status: 'loading' };
    const result = await fetchCounters(this.outletId);
    if (!stillSignedIn(this, result)) return;
    this.load = result.ok ? { status: 'loaded', counters: result.data } : { status: 'failed', failure: result };
  };

  #enter(counter: CounterView): void {
    this.dispatchEvent(new CustomEvent<string>('console-counter-entered', { detail: counter.id, bubbles: true, composed: true }));
  }

  async #open(counter: CounterView): Promise<void> {
    if (this.opening) return;
    const what = `open:${counter.id}`;
    this.opening = counter.id;
    this.problem = undefined;
    const result = await postCounterAction(counter.id, 'open', this.#presses.keyFor(what), this.csrfToken);
    this.#presses.settle(what, result);
    this.opening = undefined;
    if (!stillSignedIn(this, result)) return;
    if (!result.ok) {
      this.problem = failureText(result);
      // Taken meanwhile, most likely: show who holds what now.
      await this.#reload();
      return;
    }
    this.dispatchEvent(new CustomEvent<CounterActionResult>('console-counter-opened', { detail: result.data, bubbles: true, composed: true }));
  }
}

customElements.define('console-counter-picker', ConsoleCounterPicker);

declare global {
  interface HTMLElementTagNameMap {
    'console-counter-picker': ConsoleCounterPicker;
  }
}
