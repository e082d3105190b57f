/**
 * `<console-services-panel>`: every service (steps and inactive ones included) with its prefix, average
 * minutes, materials, steps and outlets; one at a time opens in the editor below the list.
 */
import { LitElement, html, nothing } from 'lit';
import type { AdminOutlet, AdminService } from '../../common/admin.ts';
import { LocaleController, t } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { loadAdminOutlets, loadAdminServices, renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import './service-editor.ts';

export class ConsoleServicesPanel extends LitElement {
  static override properties = { csrfToken: { attribute: false }, load: { state: true }, editing: { state: true } };

  static override styles = [theme, panelStyles, adminStyles];

  declare csrfToken: string;
  declare load: Load<{ services: AdminService[]; outlets: AdminOutlet[] }>;
  declare editing: string | undefined;

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
      <section class="panel" aria-labelledby="services-title">
        <h2 id="services-title">${t({ zh: '业务', en: 'Services' })}</h2>
        ${renderLoad(this.load, this.#reload, (data) => this.#renderList(data), {
          isEmpty: (data) => data.services.length === 0, empty: { zh: '还没有业务', en: 'No services yet' },
        })}
      </section>
      ${this.load.status === 'loaded' && this.editing ? this.#renderEditor(this.load.data) : nothing}
    `;
  }

  #renderList({ services, outlets }: { services: AdminService[]; outlets: AdminOutlet[] }) {
    const nameOf = (id: string) => services.find((s) => s.id === id)?.name ?? { zh: id, en: id };
    return html`<div class="table-wrap"><table>
      <thead><tr>
        <th scope="col">${t({ zh: '前缀', en: 'Prefix' })}</th>
        <th scope="col">${t({ zh: '业务', en: 'Service' })}</th>
        <th scope="col" class="number">${t({ zh: '平均分钟', en: 'Avg. min' })}</th>
        <th scope="col">${t({ zh: '材料', en: 'Materials' })}</th>
        <th scope="col">${t({ zh: '步骤', en: 'Steps' })}</th>
        <th scope="col">${t({ zh: '网点', en: 'Outlets' })}</th>
        <th scope="col">${t({ zh: '状态', en: 'Status' })}</th>
        <th scope="col"><span hidden>${t({ zh: '操作', en: 'Actions' })}</span></th>
      </tr></thead>
      <tbody>${services.map((s) => html`<tr class=${s.active ? '' : 'inactive'} data-service=${s.id}>
        <td class="mono">${s.prefix}</td>
        <td>${t(s.name)}</td>
        <td class="number">${s.averageMinutes}</td>
        <td>${s.requiredMaterials.length}</td>
        <td>${s.steps.length ? s.steps.map((id) => t(nameOf(id))).join(' → ') : '—'}</td>
        <td>${s.outletIds.map((id) => { const o = outlets.find((x) => x.id === id); return o ? t(o.name) : id; }).join('、') || '—'}</td>
        <td>${[s.active ? t({ zh: '启用', en: 'Active' }) : t({ zh: '停用', en: 'Inactive' }), s.bookable ? t({ zh: '可预约', en: 'Bookable' }) : t({ zh: '不可预约', en: 'Not bookable' })].join(' · ')}</td>
        <td><button type="button" @click=${() => (this.editing = s.id)} aria-label=${t({ zh: `编辑 ${s.name.zh}`, en: `Edit ${s.name.en}` })}>${t({ zh: '编辑', en: 'Edit' })}</button></td>
      </tr>`)}</tbody>
    </table></div>`;
  }

  #renderEditor({ services, outlets }: { services: AdminService[]; outlets: AdminOutlet[] }) {
    const service = services.find((s) => s.id === this.editing);
    if (!service) return nothing;
    return html`<console-service-editor .csrfToken=${this.csrfToken} .service=${service} .services=${services} .outlets=${outlets}
      @console-service-saved=${this.#reload} @console-close=${() => (this.editing = undefined)}></console-service-editor>`;
  }

  readonly #reload = async (): Promise<void> => {
    const [services, outlets] = await Promise.all([loadAdminServices(), loadAdminOutlets()]);
    if (!stillSignedIn(this, services) || !stillSignedIn(this, outlets)) return;
    if (!services.ok) this.load = { status: 'failed', failure: services };
    else if (!outlets.ok) this.load = { status: 'failed', failure: outlets };
    else this.load = { status: 'loaded', data: { services: services.data, outlets: outlets.data } };
  };
}

customElements.define('console-services-panel', ConsoleServicesPanel);

declare global {
  interface HTMLElementTagNameMap {
    'console-services-panel': ConsoleServicesPanel;
  }
}
