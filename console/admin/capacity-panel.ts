/**
 * `<console-capacity-panel>`: at one outlet, each service group's slot length and the bookings one
 * slot takes (0: not bookable there), groups offered without a plan included. A change is previewed
 * first: seats lowered below those already booked leave bookings beyond capacity, which it counts.
 */
import { LitElement, html, nothing } from 'lit';
import { capacityChanged, capacityList, type AdminOutlet, type CapacityChanged, type CapacityList, type ServiceGroupView } from '../../common/admin.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, withQuery } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { loadAdminOutlets, loadServiceGroups, renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import { ChangeController } from './change-controller.ts';
import { fieldProblemText } from './field-problems.ts';
import './impact-preview.ts';

interface Row {
  groupId: string;
  slotMinutes: number;
  capacity: number;
  planned: boolean;
}

/** What is wrong with a row's numbers, as the server's bounds say (`updateCapacityRequest`). */
function rowProblem(slotMinutes: number, capacity: number): Text | undefined {
  if (!Number.isInteger(slotMinutes) || slotMinutes < 5 || slotMinutes > 240) return { zh: '时段长度须为 5–240 分钟的整数。', en: 'A slot is 5 to 240 whole minutes.' };
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > 1000) return { zh: '每时段名额须为 0–1000 的整数。', en: 'Seats per slot: a whole number from 0 to 1000.' };
  return undefined;
}

export class ConsoleCapacityPanel extends LitElement {
  static override properties = {
    csrfToken: { attribute: false },
    base: { state: true },
    outletId: { state: true },
    plans: { state: true },
    edits: { state: true },
  };

  static override styles = [theme, panelStyles, adminStyles];

  declare csrfToken: string;
  declare base: Load<{ outlets: AdminOutlet[]; groups: ServiceGroupView[] }>;
  declare outletId: string | undefined;
  declare plans: Load<CapacityList>;
  /** Typed values per group, before they are saved. */
  declare edits: Record<string, { slotMinutes: string; capacity: string }>;

  readonly #change = new ChangeController<CapacityChanged>(this, () => {
    this.edits = {};
    void this.#loadPlans();
  });

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.base = { status: 'loading' };
    this.plans = { status: 'loading' };
    this.edits = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadBase();
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="capacity-title">
        <h2 id="capacity-title">${t({ zh: '预约容量', en: 'Booking capacity' })}</h2>
        <p class="hint">${t({ zh: '每个业务类别每个时段可接受的预约数。已开放预约的日期（明天起）立即按新名额调整，但不会低于已预约数。', en: 'Bookings each service group takes per slot. Days already open for booking (from tomorrow) take the new seats at once, never below those booked.' })}</p>
        ${renderLoad(this.base, this.#loadBase, (base) => this.#renderOutlet(base))}
      </section>
    `;
  }

  #renderOutlet({ outlets, groups }: { outlets: AdminOutlet[]; groups: ServiceGroupView[] }) {
    const locked = this.#change.pending;
    return html`
      <div class="toolbar">
        <label class="field">${t({ zh: '网点', en: 'Outlet' })}
          <select ?disabled=${locked} @change=${this.#selectOutlet}>
            ${outlets.map((o) => html`<option value=${o.id} ?selected=${o.id === this.outletId}>${t(o.name)}</option>`)}
          </select>
        </label>
      </div>
      ${renderLoad(this.plans, this.#loadPlans, (plans) => this.#renderPlans(plans, groups, locked), {
        isEmpty: (plans) => plans.plans.length + plans.missing.length === 0,
        empty: { zh: '该网点没有办理业务，因此没有容量可设。', en: 'This outlet offers no service, so there is no capacity to set.' },
      })}
      <console-impact-preview .state=${this.#change.state} @console-confirm=${() => this.#change.confirm()} @console-cancel=${this.#cancel}>
        ${this.#change.state.status === 'previewed' || this.#change.state.status === 'saving'
          ? this.#planSentence(this.#change.state.answer, groups)
          : nothing}
      </console-impact-preview>
    `;
  }

  #planSentence({ plan, slotsUpdated }: CapacityChanged, groups: ServiceGroupView[]) {
    const group = groups.find((g) => g.id === plan.groupId)?.name ?? { zh: plan.groupId, en: plan.groupId };
    return html`<p>${t({
      zh: `${group.zh}：每 ${plan.slotMinutes} 分钟一个时段，每时段 ${plan.capacity} 个名额；已生成的时段中有 ${slotsUpdated} 个将按此调整。`,
      en: `${group.en}: a slot every ${plan.slotMinutes} minutes, ${plan.capacity} seats each; ${slotsUpdated} slots already made take this.`,
    })}</p>`;
  }

  #renderPlans(list: CapacityList, groups: ServiceGroupView[], locked: boolean) {
    const rows: Row[] = [
      ...list.plans.map((p) => ({ groupId: p.groupId, slotMinutes: p.slotMinutes, capacity: p.capacity, planned: true })),
      // Offered without a plan: nothing of the group can be booked here until one is set.
      ...list.missing.map((m) => ({ groupId: m.groupId, slotMinutes: 60, capacity: 0, planned: false })),
    ];
    return html`<table>
      <thead><tr>
        <th scope="col">${t({ zh: '业务类别', en: 'Service group' })}</th>
        <th scope="col">${t({ zh: '时段长度（分钟）', en: 'Slot (minutes)' })}</th>
        <th scope="col">${t({ zh: '每时段名额', en: 'Seats per slot' })}</th>
        <th scope="col"><span hidden>${t({ zh: '操作', en: 'Actions' })}</span></th>
      </tr></thead>
      <tbody>${rows.map((row) => {
        const group = groups.find((g) => g.id === row.groupId);
        const name = group ? `${group.prefix} · ${t(group.name)}` : row.groupId;
        const edit = this.edits[row.groupId] ?? { slotMinutes: String(row.slotMinutes), capacity: String(row.capacity) };
        const slotMinutes = Number(edit.slotMinutes);
        const capacity = Number(edit.capacity);
        const problem = edit.slotMinutes.trim() === '' || edit.capacity.trim() === '' ? fieldProblemText('required') : rowProblem(slotMinutes, capacity);
        const changed = !row.planned || slotMinutes !== row.slotMinutes || capacity !== row.capacity;
        return html`<tr data-group=${row.groupId}>
          <th scope="row">${name}${row.planned ? nothing : html` <span class="badge">${t({ zh: '未设置', en: 'Not set' })}</span>`}</th>
          <td><input type="number" min="5" max="240" step="5" .value=${edit.slotMinutes} ?disabled=${locked} aria-label=${t({ zh: `${name} 时段长度`, en: `${name} slot minutes` })}
            aria-invalid=${problem ? 'true' : 'false'} @input=${(e: Event) => this.#edit(row.groupId, { ...edit, slotMinutes: (e.target as HTMLInputElement).value })} /></td>
          <td><input type="number" min="0" max="1000" step="1" .value=${edit.capacity} ?disabled=${locked} aria-label=${t({ zh: `${name} 每时段名额`, en: `${name} seats per slot` })}
            aria-invalid=${problem ? 'true' : 'false'} @input=${(e: Event) => this.#edit(row.groupId, { ...edit, capacity: (e.target as HTMLInputElement).value })} />
            ${problem ? html`<p class="field-error">${t(problem)}</p>` : nothing}</td>
          <td class="actions"><button class="primary" type="button" ?disabled=${locked || !changed || problem !== undefined}
            @click=${() => this.#preview(row.groupId, slotMinutes, capacity)}>${t({ zh: '预览并保存', en: 'Preview and save' })}</button></td>
        </tr>`;
      })}</tbody>
    </table>`;
  }

  readonly #loadBase = async (): Promise<void> => {
    const [outlets, groups] = await Promise.all([loadAdminOutlets(), loadServiceGroups()]);
    if (!stillSignedIn(this, outlets) || !stillSignedIn(this, groups)) return;
    if (!outlets.ok) this.base = { status: 'failed', failure: outlets };
    else if (!groups.ok) this.base = { status: 'failed', failure: groups };
    else {
      this.base = { status: 'loaded', data: { outlets: outlets.data, groups: groups.data } };
      this.outletId ??= outlets.data[0]?.id;
      await this.#loadPlans();
    }
  };

  readonly #loadPlans = async (): Promise<void> => {
    if (!this.outletId) return;
    const outletId = this.outletId;
    this.plans = { status: 'loading' };
    const result = await consoleRequest(withQuery('/api/admin/capacity', { outletId }), { parse: (body) => capacityList.parse(body) });
    if (!stillSignedIn(this, result) || outletId !== this.outletId) return;
    this.plans = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };

  #selectOutlet(event: Event): void {
    this.outletId = (event.target as HTMLSelectElement).value;
    this.edits = {};
    this.#change.reset();
    void this.#loadPlans();
  }

  #edit(groupId: string, edit: { slotMinutes: string; capacity: string }): void {
    this.edits = { ...this.edits, [groupId]: edit };
    this.#change.reset();
  }

  readonly #cancel = (): void => this.#change.reset();

  async #preview(groupId: string, slotMinutes: number, capacity: number): Promise<void> {
    const outletId = this.outletId;
    if (!outletId) return;
    await this.#change.preview((dryRun) => consoleRequest(withQuery(`/api/admin/capacity/${encodeURIComponent(outletId)}/${encodeURIComponent(groupId)}`, { dryRun }), {
      method: 'PUT', csrfToken: this.csrfToken, body: { slotMinutes, capacity }, parse: (body) => capacityChanged.parse(body),
    }));
  }
}

customElements.define('console-capacity-panel', ConsoleCapacityPanel);

declare global {
  interface HTMLElementTagNameMap {
    'console-capacity-panel': ConsoleCapacityPanel;
  }
}
