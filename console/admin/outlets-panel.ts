/**
 * `<console-outlets-panel>`: an outlet's opening hours, walk-ins, whether it is open at all, its phone,
 * address and route. Saving goes through a preview that says how many bookings the change spoils
 * (shorter hours, a closed outlet) before the administrator confirms.
 */
import { LitElement, html, nothing } from 'lit';
import {
  checkOpeningHours, ISO_WEEKDAYS, outletChanged, type AdminOutlet, type OpeningHoursInput, type OutletChanged,
  type UpdateOutletRequest,
} from '../../common/admin.ts';
import { LocaleController, t } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, fieldsOf, withQuery } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { loadAdminOutlets, renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import { ChangeController } from './change-controller.ts';
import { problemAt } from './field-problems.ts';
import './hours-editor.ts';
import './impact-preview.ts';

interface Draft {
  openingHours: OpeningHoursInput;
  walkInsAllowed: boolean;
  active: boolean;
  phone: string;
  address: { zh: string; en: string };
  route: { zh: string; en: string };
}

function draftOf(outlet: AdminOutlet): Draft {
  const openingHours: OpeningHoursInput = {};
  for (const weekday of ISO_WEEKDAYS) {
    const periods = outlet.openingHours[weekday];
    if (periods?.length) openingHours[weekday] = periods;
  }
  return {
    openingHours, walkInsAllowed: outlet.walkInsAllowed, active: outlet.active, phone: outlet.phone ?? '',
    address: outlet.address, route: outlet.route,
  };
}

/** Only what changed is sent: the server changes only what it is given. */
function changesOf(outlet: AdminOutlet, draft: Draft): UpdateOutletRequest {
  const before = draftOf(outlet);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changes: UpdateOutletRequest = {};
  if (!same(before.openingHours, draft.openingHours)) changes.openingHours = draft.openingHours;
  if (before.walkInsAllowed !== draft.walkInsAllowed) changes.walkInsAllowed = draft.walkInsAllowed;
  if (before.active !== draft.active) changes.active = draft.active;
  if (before.phone !== draft.phone.trim()) changes.phone = draft.phone.trim() || null;
  if (!same(before.address, draft.address)) changes.address = draft.address;
  if (!same(before.route, draft.route)) changes.route = draft.route;
  return changes;
}

export class ConsoleOutletsPanel extends LitElement {
  static override properties = {
    csrfToken: { attribute: false },
    load: { state: true },
    selectedId: { state: true },
    draft: { state: true },
  };

  static override styles = [theme, panelStyles, adminStyles];

  declare csrfToken: string;
  declare load: Load<AdminOutlet[]>;
  declare selectedId: string | undefined;
  declare draft: Draft | undefined;

  readonly #change = new ChangeController<OutletChanged>(this, (answer) => {
    this.draft = draftOf(answer.outlet);
    void this.#reload();
  });

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.load = { status: 'loading' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#reload();
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="outlets-title">
        <h2 id="outlets-title">${t({ zh: '网点与营业时间', en: 'Outlets & hours' })}</h2>
        ${renderLoad(this.load, this.#reload, (outlets) => this.#renderOutlets(outlets), {
          isEmpty: (outlets) => outlets.length === 0, empty: { zh: '还没有网点', en: 'No outlets yet' },
        })}
      </section>
    `;
  }

  #renderOutlets(outlets: AdminOutlet[]) {
    const outlet = outlets.find((o) => o.id === this.selectedId) ?? outlets[0]!;
    const draft = this.draft ?? draftOf(outlet);
    const hourProblems = checkOpeningHours(draft.openingHours);
    const serverFields = this.#change.state.status === 'failed' ? fieldsOf(this.#change.state.failure) : {};
    const problems = { ...serverFields, ...hourProblems };
    const changes = changesOf(outlet, draft);
    const unchanged = Object.keys(changes).length === 0;
    const locked = this.#change.pending;
    const phoneProblem = problemAt(serverFields, 'phone');
    return html`
      <div class="toolbar">
        <label class="field">
          ${t({ zh: '网点', en: 'Outlet' })}
          <select name="outletId" ?disabled=${locked} @change=${this.#select}>
            ${outlets.map((o) => html`<option value=${o.id} ?selected=${o.id === outlet.id}>${t(o.name)}${o.active ? '' : t({ zh: '（已停用）', en: ' (inactive)' })}</option>`)}
          </select>
        </label>
      </div>
      <form @submit=${(e: SubmitEvent) => this.#preview(e, outlet, changes, Object.keys(hourProblems).length > 0)} @input=${this.#edited}>
        <h3>${t({ zh: '营业时间', en: 'Opening hours' })}</h3>
        <p class="hint">${t({ zh: '缩短时间不会取消已有预约；保存前会显示受影响的预约数。', en: 'Shorter hours cancel no booking; the bookings affected are shown before saving.' })}</p>
        <console-hours-editor .hours=${draft.openingHours} .problems=${problems} ?disabled=${locked}
          @console-hours-change=${(e: CustomEvent<OpeningHoursInput>) => this.#update({ openingHours: e.detail })}></console-hours-editor>
        <h3>${t({ zh: '现场取号与状态', en: 'Walk-ins and status' })}</h3>
        <div class="toolbar">
          <label class="check"><input type="checkbox" name="walkInsAllowed" .checked=${draft.walkInsAllowed} ?disabled=${locked}
            @change=${(e: Event) => this.#update({ walkInsAllowed: (e.target as HTMLInputElement).checked })} />${t({ zh: '允许现场取号（无预约）', en: 'Walk-in tickets allowed' })}</label>
          <label class="check"><input type="checkbox" name="active" .checked=${draft.active} ?disabled=${locked}
            @change=${(e: Event) => this.#update({ active: (e.target as HTMLInputElement).checked })} />${t({ zh: '网点启用', en: 'Outlet active' })}</label>
        </div>
        <h3>${t({ zh: '联系方式与地址', en: 'Contact and address' })}</h3>
        <div class="form-grid">
          <label class="field">${t({ zh: '电话', en: 'Phone' })}
            <input name="phone" maxlength="30" .value=${draft.phone} ?disabled=${locked} aria-invalid=${phoneProblem ? 'true' : 'false'}
              @change=${(e: Event) => this.#update({ phone: (e.target as HTMLInputElement).value })} />
            ${phoneProblem ? html`<span class="field-error">${t(phoneProblem)}</span>` : nothing}
          </label>
          ${(['address', 'route'] as const).map((key) => (['zh', 'en'] as const).map((lang) => {
            const problem = problemAt(serverFields, `${key}.${lang}`);
            return html`<label class="field">
              ${t(key === 'address' ? { zh: `地址（${lang === 'zh' ? '中文' : '英文'}）`, en: `Address (${lang === 'zh' ? 'Chinese' : 'English'})` } : { zh: `到达路线（${lang === 'zh' ? '中文' : '英文'}）`, en: `Route (${lang === 'zh' ? 'Chinese' : 'English'})` })}
              <textarea ?required=${lang === 'zh'} maxlength=${key === 'address' ? 200 : 500} .value=${draft[key][lang]} ?disabled=${locked}
                aria-invalid=${problem ? 'true' : 'false'}
                @change=${(e: Event) => this.#update({ [key]: { ...draft[key], [lang]: (e.target as HTMLTextAreaElement).value } })}></textarea>
              ${problem ? html`<span class="field-error">${t(problem)}</span>` : nothing}
            </label>`;
          }))}
        </div>
        <div class="actions">
          ${unchanged ? html`<span class="muted">${t({ zh: '尚未更改', en: 'No changes yet' })}</span>` : nothing}
          <button type="button" ?disabled=${locked || unchanged} @click=${this.#discard}>${t({ zh: '放弃更改', en: 'Discard changes' })}</button>
          <button class="primary" type="submit" ?disabled=${locked || unchanged} aria-busy=${this.#change.state.status === 'previewing' ? 'true' : 'false'}>
            ${t({ zh: '预览并保存', en: 'Preview and save' })}
          </button>
        </div>
      </form>
      <console-impact-preview .state=${this.#change.state} @console-confirm=${() => this.#change.confirm()} @console-cancel=${() => this.#change.reset()}>
        ${this.#change.state.status === 'previewed' || this.#change.state.status === 'saving'
          ? html`<p>${t({ zh: `将关闭 ${this.#change.state.answer.slotsClosed} 个已生成的预约时段（不再接受新预约）。`, en: `${this.#change.state.answer.slotsClosed} slots already made will close to new bookings.` })}</p>`
          : nothing}
      </console-impact-preview>
    `;
  }

  readonly #reload = async (): Promise<void> => {
    const result = await loadAdminOutlets();
    if (!stillSignedIn(this, result)) return;
    this.load = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };

  #select(event: Event): void {
    this.selectedId = (event.target as HTMLSelectElement).value;
    this.draft = undefined;
    this.#change.reset();
  }

  #update(patch: Partial<Draft>): void {
    if (this.load.status !== 'loaded') return;
    const outlet = this.load.data.find((o) => o.id === this.selectedId) ?? this.load.data[0]!;
    this.draft = { ...(this.draft ?? draftOf(outlet)), ...patch };
    this.#edited();
  }

  /** A preview no longer describes the form once it changes. */
  readonly #edited = (): void => {
    if (this.#change.state.status !== 'saving') this.#change.reset();
  };

  #discard(): void {
    this.draft = undefined;
    this.#change.reset();
  }

  async #preview(event: SubmitEvent, outlet: AdminOutlet, changes: UpdateOutletRequest, invalid: boolean): Promise<void> {
    event.preventDefault();
    if (invalid || Object.keys(changes).length === 0) return;
    await this.#change.preview((dryRun) => consoleRequest(withQuery(`/api/admin/outlets/${encodeURIComponent(outlet.id)}`, { dryRun }), {
      method: 'PATCH', csrfToken: this.csrfToken, body: changes, parse: (body) => outletChanged.parse(body),
    }));
  }
}

customElements.define('console-outlets-panel', ConsoleOutletsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'console-outlets-panel': ConsoleOutletsPanel;
  }
}
