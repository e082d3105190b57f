/**
 * `<console-counters-panel>`: an outlet's counters with the services each handles and any ticket in
 * hand; add one, change its number, name or services, or take it out of service (after a confirmation,
 * and only when no ticket is in hand: the server says which one is).
 */
import { LitElement, html, nothing } from 'lit';
import { adminCounter, adminCounterList, type AdminCounter, type AdminOutlet, type AdminService } from '../../common/admin.ts';
import type { ApiFailure } from '../../ui/api.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, failureText, fieldsOf, withQuery } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { loadAdminOutlets, loadAdminServices, renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import './counter-form.ts';
import type { ConsoleCounterForm, CounterValues } from './counter-form.ts';

const STATUS: Record<AdminCounter['status'], Text> = {
  open: { zh: '开启', en: 'Open' },
  paused: { zh: '暂停', en: 'Paused' },
  closed: { zh: '关闭', en: 'Closed' },
};

export class ConsoleCountersPanel extends LitElement {
  static override properties = {
    csrfToken: { attribute: false },
    base: { state: true },
    outletId: { state: true },
    counters: { state: true },
    editing: { state: true },
    confirming: { state: true },
    busy: { state: true },
    notice: { state: true },
    failure: { state: true },
  };

  static override styles = [theme, panelStyles, adminStyles];

  declare csrfToken: string;
  declare base: Load<{ outlets: AdminOutlet[]; services: AdminService[] }>;
  declare outletId: string | undefined;
  declare counters: Load<AdminCounter[]>;
  declare editing: string | undefined;
  declare confirming: string | undefined;
  declare busy: boolean;
  declare notice: Text | undefined;
  declare failure: ApiFailure | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.base = { status: 'loading' };
    this.counters = { status: 'loading' };
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadBase();
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="counters-title">
        <h2 id="counters-title">${t({ zh: '窗口', en: 'Counters' })}</h2>
        ${renderLoad(this.base, this.#loadBase, (base) => this.#renderOutlet(base))}
      </section>
    `;
  }

  #renderOutlet({ outlets, services }: { outlets: AdminOutlet[]; services: AdminService[] }) {
    const outlet = outlets.find((o) => o.id === this.outletId);
    const offered = services.filter((s) => outlet?.serviceIds.includes(s.id));
    const fields = this.failure ? fieldsOf(this.failure) : {};
    return html`
      <div class="toolbar">
        <label class="field">${t({ zh: '网点', en: 'Outlet' })}
          <select ?disabled=${this.busy} @change=${this.#selectOutlet}>
            ${outlets.map((o) => html`<option value=${o.id} ?selected=${o.id === this.outletId}>${t(o.name)}</option>`)}
          </select>
        </label>
      </div>
      ${this.notice ? html`<p class="notice" role="status">${t(this.notice)}</p>` : nothing}
      ${this.failure ? html`<p class="problem" role="alert">${t(failureText(this.failure))}${this.#busyTicket(this.failure)}</p>` : nothing}
      ${renderLoad(this.counters, this.#loadCounters, (counters) => this.#renderList(counters, services, offered, fields), {
        isEmpty: (counters) => counters.length === 0, empty: { zh: '该网点还没有窗口', en: 'No counters at this outlet yet' },
      })}
      <h3>${t({ zh: '新增窗口', en: 'Add a counter' })}</h3>
      <console-counter-form id="new-counter" .services=${offered} .fields=${this.editing ? {} : fields} ?busy=${this.busy}
        @console-counter-submit=${(e: CustomEvent<CounterValues>) => this.#create(e.detail)}></console-counter-form>
    `;
  }

  #renderList(counters: AdminCounter[], services: AdminService[], offered: AdminService[], fields: Record<string, string>) {
    const nameOf = (id: string) => t(services.find((s) => s.id === id)?.name ?? { zh: id, en: id });
    return html`<div class="table-wrap"><table>
      <thead><tr>
        <th scope="col" class="number">${t({ zh: '窗口号', en: 'No.' })}</th>
        <th scope="col">${t({ zh: '名称', en: 'Name' })}</th>
        <th scope="col">${t({ zh: '状态', en: 'Status' })}</th>
        <th scope="col">${t({ zh: '办理业务', en: 'Services' })}</th>
        <th scope="col">${t({ zh: '在办号', en: 'In hand' })}</th>
        <th scope="col"><span hidden>${t({ zh: '操作', en: 'Actions' })}</span></th>
      </tr></thead>
      <tbody>${counters.map((c) => this.editing === c.id
        ? html`<tr><td colspan="6"><console-counter-form .counter=${c} .services=${offered} .fields=${fields} ?busy=${this.busy}
            @console-counter-submit=${(e: CustomEvent<CounterValues>) => this.#update(c, e.detail)} @console-cancel=${() => (this.editing = undefined)}></console-counter-form></td></tr>`
        : html`<tr class=${c.active ? '' : 'inactive'} data-counter=${c.number}>
            <td class="number">${c.number}</td>
            <td>${t(c.name)}</td>
            <td>${c.active ? t(STATUS[c.status]) : t({ zh: '已停用', en: 'Deactivated' })}</td>
            <td>${c.serviceIds.map(nameOf).join('、') || '—'}</td>
            <td class="mono">${c.ticketInHand ?? '—'}</td>
            <td><div class="actions">${this.confirming === c.id
              ? html`<span role="alert">${t({ zh: `停用 ${c.number} 号窗口？停用后不再叫号。`, en: `Deactivate counter ${c.number}? It will call nobody.` })}</span>
                  <button class="danger primary" type="button" ?disabled=${this.busy} @click=${() => this.#deactivate(c)}>${t({ zh: '确定停用', en: 'Deactivate' })}</button>
                  <button type="button" ?disabled=${this.busy} @click=${() => (this.confirming = undefined)}>${t({ zh: '取消', en: 'Cancel' })}</button>`
              : html`<button type="button" ?disabled=${this.busy} @click=${() => this.#edit(c.id)}>${t({ zh: '修改', en: 'Edit' })}</button>
                  ${c.active ? html`<button class="danger" type="button" ?disabled=${this.busy} @click=${() => this.#askDeactivate(c.id)}>${t({ zh: '停用', en: 'Deactivate' })}</button>` : nothing}`}
            </div></td>
          </tr>`)}</tbody>
    </table></div>`;
  }

  #busyTicket(failure: ApiFailure): string {
    const ticket = failure.kind === 'server' ? failure.error.details?.ticket : undefined;
    return ticket ? t({ zh: `（在办号：${ticket}）`, en: ` (ticket in hand: ${ticket})` }) : '';
  }

  readonly #loadBase = async (): Promise<void> => {
    const [outlets, services] = await Promise.all([loadAdminOutlets(), loadAdminServices()]);
    if (!stillSignedIn(this, outlets) || !stillSignedIn(this, services)) return;
    if (!outlets.ok) this.base = { status: 'failed', failure: outlets };
    else if (!services.ok) this.base = { status: 'failed', failure: services };
    else {
      this.base = { status: 'loaded', data: { outlets: outlets.data, services: services.data } };
      this.outletId ??= outlets.data[0]?.id;
      await this.#loadCounters();
    }
  };

  readonly #loadCounters = async (): Promise<void> => {
    const outletId = this.outletId;
    if (!outletId) return;
    const result = await consoleRequest(withQuery('/api/admin/counters', { outletId }), { parse: (body) => adminCounterList.parse(body).counters });
    if (!stillSignedIn(this, result) || outletId !== this.outletId) return;
    this.counters = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };

  #selectOutlet(event: Event): void {
    this.outletId = (event.target as HTMLSelectElement).value;
    this.counters = { status: 'loading' };
    this.#clearMessages();
    this.editing = undefined;
    void this.#loadCounters();
  }

  #clearMessages(): void {
    this.notice = undefined;
    this.failure = undefined;
  }

  #edit(id: string): void {
    this.#clearMessages();
    this.confirming = undefined;
    this.editing = id;
  }

  #askDeactivate(id: string): void {
    this.#clearMessages();
    this.editing = undefined;
    this.confirming = id;
  }

  async #create(values: CounterValues): Promise<void> {
    if (!this.outletId) return;
    this.editing = undefined;
    const done = await this.#send('/api/admin/counters', 'POST', { outletId: this.outletId, ...values }, { zh: `已新增 ${values.number} 号窗口`, en: `Counter ${values.number} added` });
    if (done) this.renderRoot.querySelector<ConsoleCounterForm>('#new-counter')?.clear();
  }

  async #update(counter: AdminCounter, values: CounterValues): Promise<void> {
    if (await this.#send(`/api/admin/counters/${counter.id}`, 'PATCH', values, { zh: `已保存 ${values.number} 号窗口`, en: `Counter ${values.number} saved` })) this.editing = undefined;
  }

  async #deactivate(counter: AdminCounter): Promise<void> {
    if (await this.#send(`/api/admin/counters/${counter.id}/deactivate`, 'POST', {}, { zh: `已停用 ${counter.number} 号窗口`, en: `Counter ${counter.number} deactivated` })) this.confirming = undefined;
  }

  async #send(path: string, method: 'POST' | 'PATCH', body: unknown, done: Text): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.#clearMessages();
    const result = await consoleRequest(path, { method, csrfToken: this.csrfToken, body, parse: (b) => adminCounter.parse(b) });
    this.busy = false;
    if (!stillSignedIn(this, result)) return false;
    if (!result.ok) {
      this.failure = result;
      return false;
    }
    await this.#loadCounters();
    this.notice = done;
    return true;
  }
}

customElements.define('console-counters-panel', ConsoleCountersPanel);

declare global {
  interface HTMLElementTagNameMap {
    'console-counters-panel': ConsoleCountersPanel;
  }
}
