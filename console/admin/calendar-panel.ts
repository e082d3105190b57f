/**
 * `<console-calendar-panel>`: an outlet's month (official holidays and make-up days, local overrides,
 * hours, bookings), and the local changes: close days (or open extra ones) at this outlet or at every
 * outlet, and remove such a change. Both are previewed with the bookings they affect before saving.
 */
import { LitElement, css, html, nothing } from 'lit';
import {
  calendarMonth, MAX_OVERRIDE_DAYS, overrideRemoved, overridesAdded, type AddOverridesRequest, type AdminOutlet,
  type CalendarMonth, type CalendarOverrideView, type OverrideRemoved, type OverridesAdded,
} from '../../common/admin.ts';
import { addDays } from '../../common/time.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, fieldsOf, withQuery } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { loadAdminOutlets, renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import './calendar-grid.ts';
import { ChangeController } from './change-controller.ts';
import { fieldProblemText, problemAt } from './field-problems.ts';
import './impact-preview.ts';
import { addMonths, monthOf, serverToday } from './server-today.ts';

/** What is wrong with a span before the server is asked: reversed, or longer than one request takes. */
function spanProblem(from: string, to: string): Text | undefined {
  if (!from) return fieldProblemText('required');
  if (to && to < from) return fieldProblemText('before_from');
  if (to && addDays(from, MAX_OVERRIDE_DAYS - 1) < to) return { zh: `一次最多 ${MAX_OVERRIDE_DAYS} 天。`, en: `At most ${MAX_OVERRIDE_DAYS} days at once.` };
  return undefined;
}

export class ConsoleCalendarPanel extends LitElement {
  static override properties = {
    csrfToken: { attribute: false },
    outlets: { state: true },
    outletId: { state: true },
    month: { state: true },
    days: { state: true },
    span: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    adminStyles,
    css`
      .month-nav {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      .month-nav strong {
        min-width: 6rem;
        text-align: center;
      }
    `,
  ];

  declare csrfToken: string;
  declare outlets: Load<AdminOutlet[]>;
  declare outletId: string | undefined;
  declare month: string | undefined;
  declare days: Load<CalendarMonth>;
  declare span: { from: string; to: string };

  readonly #add = new ChangeController<OverridesAdded>(this, () => void this.#loadMonth());
  readonly #remove = new ChangeController<OverrideRemoved>(this, () => void this.#loadMonth());

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.outlets = { status: 'loading' };
    this.days = { status: 'loading' };
    this.span = { from: '', to: '' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#start();
  }

  get #locked(): boolean {
    return this.#add.pending || this.#remove.pending;
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="calendar-title">
        <h2 id="calendar-title">${t({ zh: '日历', en: 'Calendar' })}</h2>
        ${renderLoad(this.outlets, this.#start, (outlets) => this.#renderMonth(outlets))}
      </section>
      ${this.outlets.status === 'loaded' ? this.#renderForm() : nothing}
    `;
  }

  #renderMonth(outlets: AdminOutlet[]) {
    const locked = this.#locked;
    return html`
      <div class="toolbar">
        <label class="field">${t({ zh: '网点', en: 'Outlet' })}
          <select name="outletId" ?disabled=${locked} @change=${this.#selectOutlet}>
            ${outlets.map((o) => html`<option value=${o.id} ?selected=${o.id === this.outletId}>${t(o.name)}</option>`)}
          </select>
        </label>
        <div class="month-nav">
          <button type="button" ?disabled=${locked || !this.month} @click=${() => this.#moveMonth(-1)} aria-label=${t({ zh: '上个月', en: 'Previous month' })}>‹</button>
          <strong>${this.month ?? ''}</strong>
          <button type="button" ?disabled=${locked || !this.month} @click=${() => this.#moveMonth(1)} aria-label=${t({ zh: '下个月', en: 'Next month' })}>›</button>
        </div>
      </div>
      ${renderLoad(this.days, this.#loadMonth, (month) => html`<console-calendar-grid .month=${month} ?disabled=${locked}
        @console-remove-override=${(e: CustomEvent<CalendarOverrideView>) => this.#previewRemoval(e.detail)}></console-calendar-grid>`)}
      <console-impact-preview .state=${this.#remove.state} @console-confirm=${() => this.#remove.confirm()} @console-cancel=${() => this.#remove.reset()}>
        ${this.#remove.state.status === 'previewed' || this.#remove.state.status === 'saving'
          ? html`<p>${t({
              zh: `撤销 ${this.#remove.state.answer.removed.date} 的本地设置（${this.#remove.state.answer.removed.reason.zh}）；重新开放 ${this.#remove.state.answer.slotsReopened} 个时段。`,
              en: `Removes the local change of ${this.#remove.state.answer.removed.date} (${this.#remove.state.answer.removed.reason.en || this.#remove.state.answer.removed.reason.zh}); reopens ${this.#remove.state.answer.slotsReopened} slots.`,
            })}</p>`
          : nothing}
      </console-impact-preview>
    `;
  }

  #renderForm() {
    const locked = this.#locked;
    const fields = this.#add.state.status === 'failed' ? fieldsOf(this.#add.state.failure) : {};
    const span = spanProblem(this.span.from, this.span.to);
    const fromProblem = this.span.from ? (span && !this.span.to ? span : problemAt(fields, 'from')) : undefined;
    const toProblem = (this.span.to ? span : undefined) ?? problemAt(fields, 'to');
    const reasonProblem = problemAt(fields, 'reason');
    return html`
      <section class="panel" aria-labelledby="override-title">
        <h3 id="override-title">${t({ zh: '本地闭馆或临时开放', en: 'Close or open days locally' })}</h3>
        <form @submit=${this.#previewAdd}>
          <div class="form-grid">
            <label class="field">${t({ zh: '范围', en: 'Where' })}
              <select name="scope" ?disabled=${locked} @change=${() => this.#add.reset()}>
                <option value="outlet">${t({ zh: '当前网点', en: 'This outlet' })}</option>
                <option value="all">${t({ zh: '全部网点', en: 'Every outlet' })}</option>
              </select>
            </label>
            <label class="field">${t({ zh: '类型', en: 'Kind' })}
              <select name="kind" ?disabled=${locked} @change=${() => this.#add.reset()}>
                <option value="closed">${t({ zh: '闭馆（不办公）', en: 'Closed' })}</option>
                <option value="open">${t({ zh: '临时开放', en: 'Open (extra day)' })}</option>
              </select>
            </label>
            <label class="field">${t({ zh: '开始日期', en: 'From' })}
              <input name="from" type="date" required ?disabled=${locked} .value=${this.span.from} aria-invalid=${fromProblem ? 'true' : 'false'}
                @input=${(e: Event) => this.#setSpan({ from: (e.target as HTMLInputElement).value })} />
              ${fromProblem ? html`<span class="field-error">${t(fromProblem)}</span>` : nothing}
            </label>
            <label class="field">${t({ zh: '结束日期（可不填）', en: 'To (optional)' })}
              <input name="to" type="date" ?disabled=${locked} .value=${this.span.to} min=${this.span.from} aria-invalid=${toProblem ? 'true' : 'false'}
                @input=${(e: Event) => this.#setSpan({ to: (e.target as HTMLInputElement).value })} />
              ${toProblem ? html`<span class="field-error">${t(toProblem)}</span>` : nothing}
            </label>
            <label class="field">${t({ zh: '原因（中文）', en: 'Reason (Chinese)' })}
              <input name="reasonZh" required maxlength="100" ?disabled=${locked} aria-invalid=${reasonProblem ? 'true' : 'false'} @input=${() => this.#add.reset()} />
              ${reasonProblem ? html`<span class="field-error">${t(reasonProblem)}</span>` : nothing}
            </label>
            <label class="field">${t({ zh: '原因（英文）', en: 'Reason (English)' })}
              <input name="reasonEn" maxlength="200" lang="en" ?disabled=${locked} @input=${() => this.#add.reset()} />
            </label>
          </div>
          <div class="actions">
            <button class="primary" type="submit" ?disabled=${locked || span !== undefined}>${t({ zh: '预览并保存', en: 'Preview and save' })}</button>
          </div>
        </form>
        <console-impact-preview .state=${this.#add.state} @console-confirm=${this.#confirmAdd} @console-cancel=${() => this.#add.reset()}>
          ${this.#add.state.status === 'previewed' || this.#add.state.status === 'saving'
            ? html`<p>${t({ zh: `共 ${this.#add.state.answer.overrides.length} 天。`, en: `${this.#add.state.answer.overrides.length} day(s).` })}</p>`
            : nothing}
        </console-impact-preview>
      </section>
    `;
  }

  readonly #start = async (): Promise<void> => {
    const [outlets, today] = await Promise.all([loadAdminOutlets(), serverToday()]);
    if (!stillSignedIn(this, outlets)) return;
    if (!outlets.ok) {
      this.outlets = { status: 'failed', failure: outlets };
      return;
    }
    this.outlets = { status: 'loaded', data: outlets.data };
    this.outletId ??= outlets.data[0]?.id;
    this.month ??= monthOf(today);
    await this.#loadMonth();
  };

  readonly #loadMonth = async (): Promise<void> => {
    const { outletId, month } = this;
    if (!outletId || !month) return;
    this.days = { status: 'loading' };
    const result = await consoleRequest(withQuery(`/api/admin/calendar/${encodeURIComponent(outletId)}`, { month }), { parse: (body) => calendarMonth.parse(body) });
    if (!stillSignedIn(this, result) || outletId !== this.outletId || month !== this.month) return;
    this.days = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };

  #selectOutlet(event: Event): void {
    this.outletId = (event.target as HTMLSelectElement).value;
    this.#add.reset();
    this.#remove.reset();
    void this.#loadMonth();
  }

  #moveMonth(by: number): void {
    if (!this.month) return;
    this.month = addMonths(this.month, by);
    this.#remove.reset();
    void this.#loadMonth();
  }

  #setSpan(patch: Partial<{ from: string; to: string }>): void {
    this.span = { ...this.span, ...patch };
    this.#add.reset();
  }

  async #previewAdd(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    if (spanProblem(this.span.from, this.span.to) || !this.outletId) return;
    this.#remove.reset();
    const body: AddOverridesRequest = {
      outletId: data.get('scope') === 'all' ? null : this.outletId,
      from: this.span.from,
      ...(this.span.to && this.span.to !== this.span.from ? { to: this.span.to } : {}),
      kind: data.get('kind') === 'open' ? 'open' : 'closed',
      reason: { zh: String(data.get('reasonZh') ?? '').trim(), en: String(data.get('reasonEn') ?? '').trim() },
    };
    await this.#add.preview((dryRun) => consoleRequest(withQuery('/api/admin/calendar/overrides', { dryRun }), {
      method: 'POST', csrfToken: this.csrfToken, body, parse: (b) => overridesAdded.parse(b),
    }));
  }

  readonly #confirmAdd = async (): Promise<void> => {
    await this.#add.confirm();
    if (this.#add.state.status === 'saved') {
      this.span = { from: '', to: '' };
      this.renderRoot.querySelector<HTMLFormElement>('form')?.reset();
      // The month of the change, so what was saved is in sight.
      const first = this.#add.state.answer.overrides[0];
      if (first && monthOf(first.date) !== this.month) {
        this.month = monthOf(first.date);
        await this.#loadMonth();
      }
    }
  };

  async #previewRemoval(override: CalendarOverrideView): Promise<void> {
    this.#add.reset();
    await this.#remove.preview((dryRun) => consoleRequest(withQuery(`/api/admin/calendar/overrides/${encodeURIComponent(override.id)}`, { dryRun }), {
      method: 'DELETE', csrfToken: this.csrfToken, parse: (b) => overrideRemoved.parse(b),
    }));
  }
}

customElements.define('console-calendar-panel', ConsoleCalendarPanel);

declare global {
  interface HTMLElementTagNameMap {
    'console-calendar-panel': ConsoleCalendarPanel;
  }
}
