/**
 * `<console-service-editor>`: one service's average minutes, required materials, journey steps (一票到底),
 * whether it is bookable or active, and the outlets that offer it. Saving shows first how many bookings
 * the change spoils (a service taken away from an outlet, or out of service). Sends
 * `console-service-saved` with the saved service, `console-close` when closed.
 */
import { LitElement, css, html, nothing } from 'lit';
import { serviceChanged, type AdminOutlet, type AdminService, type ServiceChanged, type UpdateServiceRequest } from '../../common/admin.ts';
import { LocaleController, t } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, fieldsOf, withQuery } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { adminStyles } from './admin-styles.ts';
import { ChangeController } from './change-controller.ts';
import { fieldProblemText, problemAt } from './field-problems.ts';
import './impact-preview.ts';

interface Draft {
  averageMinutes: string;
  bookable: boolean;
  active: boolean;
  materials: { zh: string; en: string }[];
  steps: string[];
  outletIds: string[];
}

const draftOf = (s: AdminService): Draft => ({
  averageMinutes: String(s.averageMinutes), bookable: s.bookable, active: s.active,
  materials: s.requiredMaterials.map((m) => ({ ...m })), steps: [...s.steps], outletIds: [...s.outletIds],
});

export class ConsoleServiceEditor extends LitElement {
  static override properties = {
    csrfToken: { attribute: false },
    service: { attribute: false },
    services: { attribute: false },
    outlets: { attribute: false },
    draft: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    adminStyles,
    css`
      .material,
      .step {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-bottom: 0.4rem;
      }
      .material input {
        flex: 1 1 14rem;
      }
      ol {
        margin: 0;
        padding-inline-start: 1.5rem;
      }
      fieldset {
        margin: 0;
        padding: 0.5rem 0.75rem;
        border: 1px solid #d5dae0;
        border-radius: 6px;
      }
      legend {
        font-weight: 600;
      }
      .outlets {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1.25rem;
      }
    `,
  ];

  declare csrfToken: string;
  declare service: AdminService;
  declare services: AdminService[];
  declare outlets: AdminOutlet[];
  declare draft: Draft | undefined;

  readonly #change = new ChangeController<ServiceChanged>(this, (answer) => {
    this.draft = undefined;
    this.dispatchEvent(new CustomEvent<AdminService>('console-service-saved', { detail: answer.service }));
  });

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.services = [];
    this.outlets = [];
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another service chosen: its own values, and no preview of the last one.
    if (changed.has('service') && (changed.get('service') as AdminService | undefined)?.id !== this.service.id) {
      this.draft = undefined;
      this.#change.reset();
    }
  }

  override render() {
    const service = this.service;
    const draft = this.draft ?? draftOf(service);
    const fields = this.#change.state.status === 'failed' ? fieldsOf(this.#change.state.failure) : {};
    const minutesProblem = this.#minutesProblem(draft.averageMinutes) ?? problemAt(fields, 'averageMinutes');
    const locked = this.#change.pending;
    const changes = this.#changes(draft);
    const unchanged = Object.keys(changes).length === 0;
    const stepChoices = this.services.filter((s) => s.id !== service.id && s.steps.length === 0);
    return html`
      <section class="panel" aria-labelledby="service-editor-title">
        <h3 id="service-editor-title">${t({ zh: `编辑业务：${service.name.zh}`, en: `Edit service: ${service.name.en}` })}
          <span class="muted mono">${service.prefix} · ${service.id}</span></h3>
        <form @submit=${(e: SubmitEvent) => this.#preview(e, changes, minutesProblem !== undefined)}>
          <div class="form-grid">
            <label class="field">${t({ zh: '平均办理时间（分钟）', en: 'Average minutes' })}
              <input name="averageMinutes" type="number" min="1" max="480" step="1" required .value=${draft.averageMinutes} ?disabled=${locked}
                aria-invalid=${minutesProblem ? 'true' : 'false'} @input=${(e: Event) => this.#update({ averageMinutes: (e.target as HTMLInputElement).value })} />
              ${minutesProblem ? html`<span class="field-error">${t(minutesProblem)}</span>` : nothing}
            </label>
            <label class="check"><input type="checkbox" .checked=${draft.bookable} ?disabled=${locked}
              @change=${(e: Event) => this.#update({ bookable: (e.target as HTMLInputElement).checked })} />${t({ zh: '可网上预约', en: 'Bookable online' })}</label>
            <label class="check"><input type="checkbox" .checked=${draft.active} ?disabled=${locked}
              @change=${(e: Event) => this.#update({ active: (e.target as HTMLInputElement).checked })} />${t({ zh: '启用', en: 'Active' })}</label>
          </div>

          <fieldset>
            <legend>${t({ zh: '所需材料', en: 'Required materials' })}</legend>
            ${draft.materials.map((m, i) => html`<div class="material">
              <input aria-label=${t({ zh: `材料${i + 1}（中文）`, en: `Material ${i + 1} (Chinese)` })} required maxlength="200" .value=${m.zh} ?disabled=${locked}
                aria-invalid=${problemAt(fields, `requiredMaterials.${i}`) ? 'true' : 'false'}
                @input=${(e: Event) => this.#setMaterial(draft, i, { ...m, zh: (e.target as HTMLInputElement).value })} />
              <input aria-label=${t({ zh: `材料${i + 1}（英文）`, en: `Material ${i + 1} (English)` })} maxlength="400" .value=${m.en} ?disabled=${locked} lang="en"
                @input=${(e: Event) => this.#setMaterial(draft, i, { ...m, en: (e.target as HTMLInputElement).value })} />
              <button type="button" ?disabled=${locked} @click=${() => this.#update({ materials: draft.materials.filter((_, k) => k !== i) })}
                aria-label=${t({ zh: `删除材料${i + 1}`, en: `Remove material ${i + 1}` })}>✕</button>
            </div>`)}
            ${draft.materials.length < 30
              ? html`<button type="button" ?disabled=${locked} @click=${() => this.#update({ materials: [...draft.materials, { zh: '', en: '' }] })}>＋ ${t({ zh: '材料', en: 'Material' })}</button>`
              : nothing}
          </fieldset>

          <fieldset>
            <legend>${t({ zh: '办理步骤（一票到底，按顺序）', en: 'Steps, in order (one ticket throughout)' })}</legend>
            ${draft.steps.length === 0 ? html`<p class="hint">${t({ zh: '单步业务：在一个窗口办完。', en: 'One step: done at one counter.' })}</p>` : nothing}
            <ol>
              ${draft.steps.map((stepId, i) => {
                const problem = fields[`steps.${i}`];
                return html`<li class="step">
                  <select aria-label=${t({ zh: `第${i + 1}步`, en: `Step ${i + 1}` })} ?disabled=${locked} aria-invalid=${problem ? 'true' : 'false'}
                    @change=${(e: Event) => this.#setStep(draft, i, (e.target as HTMLSelectElement).value)}>
                    ${stepChoices.map((s) => html`<option value=${s.id} ?selected=${s.id === stepId}>${t(s.name)}</option>`)}
                  </select>
                  <button type="button" ?disabled=${locked || i === 0} @click=${() => this.#moveStep(draft, i, -1)} aria-label=${t({ zh: '上移', en: 'Move up' })}>↑</button>
                  <button type="button" ?disabled=${locked || i === draft.steps.length - 1} @click=${() => this.#moveStep(draft, i, 1)} aria-label=${t({ zh: '下移', en: 'Move down' })}>↓</button>
                  <button type="button" ?disabled=${locked} @click=${() => this.#update({ steps: draft.steps.filter((_, k) => k !== i) })} aria-label=${t({ zh: '删除此步', en: 'Remove step' })}>✕</button>
                  ${problem ? html`<span class="field-error">${t(fieldProblemText(problem))}</span>` : nothing}
                </li>`;
              })}
            </ol>
            ${draft.steps.length < 10 && stepChoices.length > 0
              ? html`<button type="button" ?disabled=${locked} @click=${() => this.#update({ steps: [...draft.steps, stepChoices[0]!.id] })}>＋ ${t({ zh: '步骤', en: 'Step' })}</button>`
              : nothing}
            ${fields.steps ? html`<p class="field-error">${t(fieldProblemText(fields.steps))}</p>` : nothing}
          </fieldset>

          <fieldset>
            <legend>${t({ zh: '办理网点', en: 'Offered at' })}</legend>
            <div class="outlets">
              ${this.outlets.map((o) => html`<label class="check"><input type="checkbox" .checked=${draft.outletIds.includes(o.id)} ?disabled=${locked}
                @change=${(e: Event) => this.#toggleOutlet(draft, o.id, (e.target as HTMLInputElement).checked)} />${t(o.name)}</label>`)}
            </div>
            ${problemAt(fields, 'outletIds') ? html`<p class="field-error">${t(problemAt(fields, 'outletIds')!)}</p>` : nothing}
          </fieldset>

          <div class="actions">
            <button type="button" ?disabled=${this.#change.state.status === 'saving'} @click=${this.#close}>${t({ zh: '关闭', en: 'Close' })}</button>
            <button class="primary" type="submit" ?disabled=${locked || unchanged}>${t({ zh: '预览并保存', en: 'Preview and save' })}</button>
          </div>
        </form>
        <console-impact-preview .state=${this.#change.state} @console-confirm=${() => this.#change.confirm()} @console-cancel=${() => this.#change.reset()}></console-impact-preview>
      </section>
    `;
  }

  #minutesProblem(value: string) {
    const minutes = Number(value);
    if (value.trim() === '') return fieldProblemText('required');
    if (!Number.isInteger(minutes)) return fieldProblemText('not_multiple_of');
    if (minutes < 1) return fieldProblemText('too_small');
    if (minutes > 480) return fieldProblemText('too_big');
    return undefined;
  }

  #changes(draft: Draft): UpdateServiceRequest {
    const before = draftOf(this.service);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const changes: UpdateServiceRequest = {};
    if (before.averageMinutes !== draft.averageMinutes) changes.averageMinutes = Number(draft.averageMinutes);
    if (before.bookable !== draft.bookable) changes.bookable = draft.bookable;
    if (before.active !== draft.active) changes.active = draft.active;
    if (!same(before.materials, draft.materials)) changes.requiredMaterials = draft.materials.map((m) => ({ zh: m.zh.trim(), en: m.en.trim() }));
    if (!same(before.steps, draft.steps)) changes.steps = draft.steps;
    if (!same([...before.outletIds].sort(), [...draft.outletIds].sort())) changes.outletIds = draft.outletIds;
    return changes;
  }

  #update(patch: Partial<Draft>): void {
    this.draft = { ...(this.draft ?? draftOf(this.service)), ...patch };
    if (this.#change.state.status !== 'saving') this.#change.reset();
  }

  #setMaterial(draft: Draft, index: number, material: { zh: string; en: string }): void {
    this.#update({ materials: draft.materials.map((m, i) => (i === index ? material : m)) });
  }

  #setStep(draft: Draft, index: number, stepId: string): void {
    this.#update({ steps: draft.steps.map((s, i) => (i === index ? stepId : s)) });
  }

  #moveStep(draft: Draft, index: number, by: -1 | 1): void {
    const steps = [...draft.steps];
    [steps[index], steps[index + by]] = [steps[index + by]!, steps[index]!];
    this.#update({ steps });
  }

  #toggleOutlet(draft: Draft, outletId: string, on: boolean): void {
    this.#update({ outletIds: on ? [...draft.outletIds, outletId] : draft.outletIds.filter((id) => id !== outletId) });
  }

  async #preview(event: SubmitEvent, changes: UpdateServiceRequest, invalid: boolean): Promise<void> {
    event.preventDefault();
    if (invalid || Object.keys(changes).length === 0) return;
    await this.#change.preview((dryRun) => consoleRequest(withQuery(`/api/admin/services/${encodeURIComponent(this.service.id)}`, { dryRun }), {
      method: 'PATCH', csrfToken: this.csrfToken, body: changes, parse: (body) => serviceChanged.parse(body),
    }));
  }

  #close(): void {
    this.dispatchEvent(new CustomEvent('console-close'));
  }
}

customElements.define('console-service-editor', ConsoleServiceEditor);

declare global {
  interface HTMLElementTagNameMap {
    'console-service-editor': ConsoleServiceEditor;
  }
}
