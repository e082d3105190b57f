/**
 * `<console-notice-form>`: writes a notice as a draft — where it applies (an outlet, or every outlet
 * for administrators), its kind, title and text in Chinese (English optional), the days a closure or
 * change of hours covers and the hours in force. What it lacks is said at once, by the rule the server
 * applies too (`checkNotice`). Opens filled in when a change's preview suggested the notice. Sends
 * `console-notice-created` with the draft.
 */
import { LitElement, css, html, nothing } from 'lit';
import { checkNotice, notice, NOTICE_KINDS, type CreateNoticeRequest, type NoticeKind, type NoticeView, type OpenPeriod } from '../../common/notices.ts';
import type { OutletSummary } from '../../common/outlets.ts';
import type { StaffMe } from '../../common/staff.ts';
import type { ApiFailure } from '../../ui/api.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, failureText, fieldsOf } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { adminStyles } from './admin-styles.ts';
import { fieldProblemText } from './field-problems.ts';

export const NOTICE_KIND_NAMES: Record<NoticeKind, Text> = {
  info: { zh: '一般公告', en: 'General' },
  hours_change: { zh: '营业时间调整', en: 'Change of hours' },
  closure: { zh: '暂停办公', en: 'Closure' },
};

interface Draft {
  outletId: string;
  kind: NoticeKind;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  effectiveFrom: string;
  effectiveTo: string;
  changedHours: OpenPeriod[];
}

const ALL = '';

export class ConsoleNoticeForm extends LitElement {
  static override properties = {
    me: { attribute: false },
    outlets: { attribute: false },
    prefill: { attribute: false },
    draft: { state: true },
    submitted: { state: true },
    busy: { state: true },
    failure: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    adminStyles,
    css`
      .period {
        display: flex;
        gap: 0.4rem;
        align-items: center;
        margin-bottom: 0.3rem;
      }
    `,
  ];

  declare me: StaffMe;
  declare outlets: OutletSummary[];
  /** From the address (`#notices?kind=closure&outletId=…&from=…&to=…`), as a change's preview suggested. */
  declare prefill: Record<string, string>;
  declare draft: Draft;
  /** Problems are said after a first attempt to send, not while the first words are typed. */
  declare submitted: boolean;
  declare busy: boolean;
  declare failure: ApiFailure | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.outlets = [];
    this.prefill = {};
    this.submitted = false;
    this.busy = false;
    this.draft = { outletId: ALL, kind: 'info', title: { zh: '', en: '' }, body: { zh: '', en: '' }, effectiveFrom: '', effectiveTo: '', changedHours: [] };
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('prefill') || changed.has('me') || changed.has('outlets')) {
      const p = this.prefill;
      const kind = NOTICE_KINDS.find((k) => k === p.kind);
      this.draft = {
        ...this.draft,
        outletId: p.outletId && this.#choices().some((o) => o.id === p.outletId) ? p.outletId : this.#defaultOutlet(),
        ...(kind ? { kind } : {}),
        ...(p.from ? { effectiveFrom: p.from } : {}),
        ...(p.to ? { effectiveTo: p.to } : {}),
        ...(kind === 'hours_change' && this.draft.changedHours.length === 0 ? { changedHours: [{ open: '08:30', close: '12:00' }] } : {}),
      };
    }
  }

  /** Administrators speak for any outlet or all; a supervisor only for their own (the server's rule). */
  #choices(): OutletSummary[] {
    return this.me?.role === 'admin' ? this.outlets : this.outlets.filter((o) => this.me?.outletIds.includes(o.id));
  }

  #defaultOutlet(): string {
    return this.me?.role === 'admin' ? ALL : (this.#choices()[0]?.id ?? this.me?.outletIds[0] ?? ALL);
  }

  override render() {
    const d = this.draft;
    const request = this.#request();
    const problems = { ...(this.submitted ? checkNotice(request) : {}), ...(this.failure ? fieldsOf(this.failure) : {}) };
    const error = (field: string) => (problems[field] ? html`<span class="field-error">${t(fieldProblemText(problems[field]!))}</span>` : nothing);
    const invalid = (field: string) => (problems[field] ? 'true' : 'false');
    const dated = d.kind !== 'info';
    return html`
      <section class="panel" aria-labelledby="notice-new-title">
        <h3 id="notice-new-title">${t({ zh: '撰写公告', en: 'Write a notice' })}</h3>
        <form novalidate @submit=${this.#submit}>
          <div class="form-grid">
            <label class="field">${t({ zh: '适用网点', en: 'Applies to' })}
              <select name="outletId" ?disabled=${this.busy} @change=${(e: Event) => this.#set({ outletId: (e.target as HTMLSelectElement).value })}>
                ${this.me?.role === 'admin' ? html`<option value=${ALL} ?selected=${d.outletId === ALL}>${t({ zh: '全部网点', en: 'Every outlet' })}</option>` : nothing}
                ${this.#choices().map((o) => html`<option value=${o.id} ?selected=${d.outletId === o.id}>${t(o.name)}</option>`)}
              </select>
            </label>
            <label class="field">${t({ zh: '类型', en: 'Kind' })}
              <select name="kind" ?disabled=${this.busy} @change=${(e: Event) => this.#setKind((e.target as HTMLSelectElement).value as NoticeKind)}>
                ${NOTICE_KINDS.map((k) => html`<option value=${k} ?selected=${d.kind === k}>${t(NOTICE_KIND_NAMES[k])}</option>`)}
              </select>
            </label>
            ${dated
              ? html`<label class="field">${t({ zh: '开始日期', en: 'From' })}
                  <input name="effectiveFrom" type="date" .value=${d.effectiveFrom} ?disabled=${this.busy} aria-invalid=${invalid('effectiveFrom')}
                    @input=${(e: Event) => this.#set({ effectiveFrom: (e.target as HTMLInputElement).value })} />${error('effectiveFrom')}
                </label>
                <label class="field">${t({ zh: '结束日期（一天可不填）', en: 'To (empty for one day)' })}
                  <input name="effectiveTo" type="date" .value=${d.effectiveTo} min=${d.effectiveFrom} ?disabled=${this.busy} aria-invalid=${invalid('effectiveTo')}
                    @input=${(e: Event) => this.#set({ effectiveTo: (e.target as HTMLInputElement).value })} />${error('effectiveTo')}
                </label>`
              : nothing}
          </div>
          ${d.kind === 'hours_change' ? this.#renderHours(problems) : nothing}
          <div class="form-grid">
            <label class="field">${t({ zh: '标题（中文）', en: 'Title (Chinese)' })}
              <input name="titleZh" maxlength="100" .value=${d.title.zh} ?disabled=${this.busy} aria-invalid=${invalid('title.zh')}
                @input=${(e: Event) => this.#set({ title: { ...d.title, zh: (e.target as HTMLInputElement).value } })} />${error('title.zh')}
            </label>
            <label class="field">${t({ zh: '标题（英文，可不填）', en: 'Title (English, optional)' })}
              <input name="titleEn" maxlength="200" lang="en" .value=${d.title.en} ?disabled=${this.busy}
                @input=${(e: Event) => this.#set({ title: { ...d.title, en: (e.target as HTMLInputElement).value } })} />
            </label>
          </div>
          <label class="field">${t({ zh: '正文（中文）', en: 'Text (Chinese)' })}
            <textarea name="bodyZh" maxlength="4000" .value=${d.body.zh} ?disabled=${this.busy} aria-invalid=${invalid('body.zh')}
              @input=${(e: Event) => this.#set({ body: { ...d.body, zh: (e.target as HTMLTextAreaElement).value } })}></textarea>${error('body.zh')}
          </label>
          <label class="field">${t({ zh: '正文（英文，可不填）', en: 'Text (English, optional)' })}
            <textarea name="bodyEn" maxlength="8000" lang="en" .value=${d.body.en} ?disabled=${this.busy}
              @input=${(e: Event) => this.#set({ body: { ...d.body, en: (e.target as HTMLTextAreaElement).value } })}></textarea>
          </label>
          ${this.failure ? html`<p class="problem" role="alert">${t(failureText(this.failure))}</p>` : nothing}
          <div class="actions">
            <button class="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${t({ zh: '保存为草稿', en: 'Save as draft' })}</button>
          </div>
        </form>
      </section>
    `;
  }

  #renderHours(problems: Record<string, string>) {
    const hours = this.draft.changedHours;
    return html`<fieldset>
      <legend>${t({ zh: '调整后的营业时间', en: 'Hours in force' })}</legend>
      ${hours.map((p, i) => html`<div class="period">
        <input type="time" .value=${p.open} ?disabled=${this.busy} aria-label=${t({ zh: `第${i + 1}段 开始`, en: `Period ${i + 1} opens` })} aria-invalid=${problems[`changedHours.${i}`] ? 'true' : 'false'}
          @input=${(e: Event) => this.#setPeriod(i, { ...p, open: (e.target as HTMLInputElement).value })} />–
        <input type="time" .value=${p.close} ?disabled=${this.busy} aria-label=${t({ zh: `第${i + 1}段 结束`, en: `Period ${i + 1} closes` })} aria-invalid=${problems[`changedHours.${i}`] ? 'true' : 'false'}
          @input=${(e: Event) => this.#setPeriod(i, { ...p, close: (e.target as HTMLInputElement).value })} />
        <button type="button" ?disabled=${this.busy} @click=${() => this.#set({ changedHours: hours.filter((_, k) => k !== i) })} aria-label=${t({ zh: `删除第${i + 1}段`, en: `Remove period ${i + 1}` })}>✕</button>
        ${problems[`changedHours.${i}`] ? html`<span class="field-error">${t(fieldProblemText(problems[`changedHours.${i}`]!))}</span>` : nothing}
      </div>`)}
      ${hours.length < 6 ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.#set({ changedHours: [...hours, { open: '14:00', close: '17:00' }] })}>＋ ${t({ zh: '时段', en: 'Period' })}</button>` : nothing}
      ${problems.changedHours ? html`<p class="field-error">${t(fieldProblemText(problems.changedHours))}</p>` : nothing}
    </fieldset>`;
  }

  #request(): CreateNoticeRequest {
    const d = this.draft;
    const dated = d.kind !== 'info';
    return {
      outletId: d.outletId === ALL ? null : d.outletId,
      kind: d.kind,
      title: { zh: d.title.zh.trim(), en: d.title.en.trim() },
      body: { zh: d.body.zh.trim(), en: d.body.en.trim() },
      ...(dated && d.effectiveFrom ? { effectiveFrom: d.effectiveFrom } : {}),
      ...(dated && d.effectiveTo ? { effectiveTo: d.effectiveTo } : {}),
      ...(d.kind === 'hours_change' ? { changedHours: d.changedHours } : {}),
    };
  }

  #set(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    this.failure = undefined;
  }

  #setKind(kind: NoticeKind): void {
    this.#set({ kind, ...(kind === 'hours_change' && this.draft.changedHours.length === 0 ? { changedHours: [{ open: '08:30', close: '12:00' }] } : {}) });
  }

  #setPeriod(index: number, period: OpenPeriod): void {
    this.#set({ changedHours: this.draft.changedHours.map((p, i) => (i === index ? period : p)) });
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.submitted = true;
    const request = this.#request();
    if (Object.keys(checkNotice(request)).length > 0) return;
    this.busy = true;
    const result = await consoleRequest('/api/admin/notices', { method: 'POST', csrfToken: this.me.csrfToken, body: request, parse: (body) => notice.parse(body) });
    this.busy = false;
    if (!stillSignedIn(this, result)) return;
    if (!result.ok) {
      this.failure = result;
      return;
    }
    this.submitted = false;
    this.draft = { outletId: this.#defaultOutlet(), kind: 'info', title: { zh: '', en: '' }, body: { zh: '', en: '' }, effectiveFrom: '', effectiveTo: '', changedHours: [] };
    this.dispatchEvent(new CustomEvent<NoticeView>('console-notice-created', { detail: result.data }));
  }
}

customElements.define('console-notice-form', ConsoleNoticeForm);

declare global {
  interface HTMLElementTagNameMap {
    'console-notice-form': ConsoleNoticeForm;
  }
}
