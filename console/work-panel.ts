/**
 * `<console-work>`: the lobby work of clerks, supervisors and guides at one of their outlets.
 * A clerk (or supervisor) picks a counter and works it, with the waiting list of its services
 * beside; a guide sees the whole outlet's queue. Supervisors and guides can move a waiting ticket
 * to the green channel and have the order explained.
 *
 * The queue comes from a `LiveQueueController`, refreshed by live events and never by a timer.
 * After an action the counter is shown as the action's answer left it until a queue fetch that
 * began after the action arrives, so the screen never steps back to the state before the press.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { CounterActionResult, CounterView } from '../common/counters.ts';
import type { OutletSummary } from '../common/outlets.ts';
import type { StaffMe } from '../common/staff.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';
import { panelStyles } from './console-styles.ts';
import './counter-panel.ts';
import './counter-picker.ts';
import { LiveQueueController } from './live-queue-controller.ts';
import './waiting-list.ts';

/** The counter as an action's answer left it, valid while `loads` has not moved on. */
interface Answered {
  counter: CounterView;
  loads: number;
}

export class ConsoleWork extends LitElement {
  static override properties = {
    me: { attribute: false },
    outlets: { attribute: false },
    outletId: { state: true },
    counterId: { state: true },
    answered: { state: true },
    pickerNotice: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem 1rem;
      }
      .bar label {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-weight: 600;
      }
      select {
        font: inherit;
        min-height: 44px;
        padding: 0 0.5em;
        border: 1px solid var(--lobby-border);
        border-radius: 6px;
        background: var(--lobby-bg);
      }
      .lost {
        margin: 0;
        padding: 0.75em 1em;
        border: 2px solid var(--lobby-danger);
        border-radius: 8px;
        color: var(--lobby-danger);
        background: #fff0f1;
        font-weight: 700;
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 1rem;
        align-items: start;
      }
      @media (max-width: 60rem) {
        .columns {
          grid-template-columns: 1fr;
        }
      }
      .stale {
        display: flex;
        align-items: center;
        gap: 1rem;
      }
    `,
  ];

  declare me: StaffMe;
  declare outlets: OutletSummary[];
  declare outletId: string | undefined;
  /** The counter this clerk works at, once opened or re-entered. */
  declare counterId: string | undefined;
  declare answered: Answered | undefined;
  declare pickerNotice: Text | undefined;

  readonly #live = new LiveQueueController(this, {
    onSessionEnded: () => this.dispatchEvent(new CustomEvent('console-session-ended', { bubbles: true, composed: true })),
  });
  /** Looked once per outlet for a counter this clerk already holds (after a reload). */
  #lookedForMine = false;

  constructor() {
    super();
    new LocaleController(this);
    this.outlets = [];
  }

  override willUpdate(): void {
    if (this.outletId === undefined && this.me) this.outletId = this.me.outletIds[0];
    this.#live.follow(this.outletId);
    this.#reenterMine();
    this.#leaveIfLost();
  }

  get #worksCounters(): boolean {
    return this.me.role === 'clerk' || this.me.role === 'supervisor';
  }

  override render() {
    if (!this.outletId) {
      return html`<lobby-status kind="empty" .text=${{ zh: '您还没有被分配到任何网点', en: 'You are not assigned to any outlet' }}></lobby-status>`;
    }
    return html`
      ${this.#renderBar()}
      ${this.#renderLive()}
      ${this.#worksCounters ? this.#renderCounterWork() : this.#renderQueue(undefined)}
    `;
  }

  #renderBar() {
    if (this.me.outletIds.length < 2) return nothing;
    return html`
      <div class="bar">
        <label>
          ${t({ zh: '网点', en: 'Outlet' })}
          <select ?disabled=${this.counterId !== undefined} @change=${this.#chooseOutlet}>
            ${this.me.outletIds.map((id) => html`<option value=${id} ?selected=${id === this.outletId}>${this.#outletName(id)}</option>`)}
          </select>
        </label>
      </div>
    `;
  }

  #renderLive() {
    switch (this.#live.live) {
      case 'lost':
        return html`<p class="lost" role="alert">
          ${t({ zh: '实时更新已中断，正在重新连接……队列可能不是最新的。', en: 'Live updates lost, reconnecting… The queue may be out of date.' })}
        </p>`;
      case 'refused':
        return html`<p class="lost" role="alert">
          ${t({ zh: '无法接收实时更新', en: 'Live updates refused' })}${this.#live.refusal ? `：${t(this.#live.refusal)}` : ''}
        </p>`;
      default:
        return nothing;
    }
  }

  #renderCounterWork() {
    const counter = this.#counter();
    if (!this.counterId || !counter) {
      return html`<console-counter-picker
        .outletId=${this.outletId}
        .staffId=${this.me.id}
        .csrfToken=${this.me.csrfToken}
        ?can-step-in=${this.me.role === 'supervisor'}
        .notice=${this.pickerNotice}
        @console-counter-opened=${this.#opened}
        @console-counter-entered=${this.#entered}
      ></console-counter-picker>`;
    }
    const load = this.#live.load;
    return html`
      <div class="columns">
        <console-counter-panel
          .counter=${counter}
          .services=${load.status === 'loaded' ? load.queue.services : []}
          .csrfToken=${this.me.csrfToken}
          @console-counter-result=${this.#answeredBy}
          @console-counter-closed=${this.#closed}
        ></console-counter-panel>
        ${this.#renderQueue(counter.services.map((s) => s.id))}
      </div>
    `;
  }

  /** The waiting list, or why it cannot be shown; `counterServiceIds` narrows it to one counter. */
  #renderQueue(counterServiceIds: string[] | undefined) {
    const load = this.#live.load;
    switch (load.status) {
      case 'loading':
        return html`<lobby-status kind="loading"></lobby-status>`;
      case 'failed':
        return html`<lobby-status .failure=${load.failure} retryable @lobby-retry=${this.#retry}></lobby-status>`;
      case 'loaded':
        return html`
          <div>
            ${load.failure
              ? html`<lobby-status .failure=${load.failure} retryable @lobby-retry=${this.#retry}></lobby-status>`
              : nothing}
            <console-waiting-list
              .queue=${load.queue}
              .counterServiceIds=${counterServiceIds}
              .csrfToken=${this.me.csrfToken}
              ?can-green=${this.me.role === 'guide' || this.me.role === 'supervisor'}
              can-requeue
              @console-queue-changed=${this.#retry}
            ></console-waiting-list>
          </div>
        `;
    }
  }

  /** The counter as last known: an action's answer until a newer fetch, else the queue's copy. */
  #counter(): CounterView | undefined {
    const id = this.counterId;
    if (!id) return undefined;
    if (this.answered && this.answered.counter.id === id && this.answered.loads === this.#live.loads) return this.answered.counter;
    const load = this.#live.load;
    return load.status === 'loaded' ? load.queue.counters.find((c) => c.id === id) : this.answered?.counter;
  }

  /** After a reload: a clerk who holds an open counter goes straight back to it. */
  #reenterMine(): void {
    const load = this.#live.load;
    if (this.#lookedForMine || !this.#worksCounters || load.status !== 'loaded') return;
    this.#lookedForMine = true;
    if (this.counterId) return;
    const mine = load.queue.counters.filter((c) => c.staffId === this.me.id && c.status !== 'closed');
    if (mine.length === 1) this.counterId = mine[0]!.id;
  }

  /**
   * Closed or taken over elsewhere (a supervisor closed it): back to the picker, saying why. A
   * supervisor stepping in at another clerk's counter stays until it closes.
   */
  #leaveIfLost(): void {
    const counter = this.#counter();
    if (!this.counterId || !counter) return;
    const stillHere = counter.status !== 'closed' && (counter.staffId === this.me.id || this.me.role === 'supervisor');
    if (stillHere) return;
    this.counterId = undefined;
    this.answered = undefined;
    this.pickerNotice = { zh: `${counter.name.zh}已关闭或由他人接管`, en: `${counter.name.en} was closed or taken over` };
  }

  #opened(event: CustomEvent<CounterActionResult>): void {
    this.pickerNotice = undefined;
    this.#answeredBy(event);
    this.counterId = event.detail.counter.id;
  }

  #entered(event: CustomEvent<string>): void {
    this.pickerNotice = undefined;
    this.answered = undefined;
    this.counterId = event.detail;
  }

  #answeredBy(event: CustomEvent<CounterActionResult>): void {
    this.answered = { counter: event.detail.counter, loads: this.#live.loads };
    void this.#live.refresh();
  }

  #closed(): void {
    this.counterId = undefined;
    this.answered = undefined;
    this.pickerNotice = undefined;
  }

  readonly #retry = (): void => {
    void this.#live.refresh();
  };

  #chooseOutlet(event: Event): void {
    this.outletId = (event.target as HTMLSelectElement).value;
    this.counterId = undefined;
    this.answered = undefined;
    this.#lookedForMine = false;
  }

  #outletName(id: string): string {
    const outlet = this.outlets.find((o) => o.id === id);
    return outlet ? t(outlet.name) : id;
  }
}

customElements.define('console-work', ConsoleWork);

declare global {
  interface HTMLElementTagNameMap {
    'console-work': ConsoleWork;
  }
}
