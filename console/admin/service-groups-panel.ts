/**
 * `<console-service-groups-panel>`: the service groups and their ticket prefixes (A012), added and
 * renamed. A new prefix applies to tickets issued from then on; a prefix already taken is refused.
 */
import { LitElement, html, nothing } from 'lit';
import { serviceGroup, type ServiceGroupView } from '../../common/admin.ts';
import type { ApiFailure } from '../../ui/api.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, failureText, fieldsOf } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { loadServiceGroups, renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import { problemAt } from './field-problems.ts';

const ID = /^[a-z][a-z0-9-]{1,31}$/;
const PREFIX = /^[A-Z]$/;

export class ConsoleServiceGroupsPanel extends LitElement {
  static override properties = {
    csrfToken: { attribute: false },
    load: { state: true },
    editing: { state: true },
    busy: { state: true },
    notice: { state: true },
    failure: { state: true },
  };

  static override styles = [theme, panelStyles, adminStyles];

  declare csrfToken: string;
  declare load: Load<ServiceGroupView[]>;
  declare editing: string | undefined;
  declare busy: boolean;
  declare notice: Text | undefined;
  declare failure: ApiFailure | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.load = { status: 'loading' };
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#reload();
  }

  override render() {
    const fields = this.failure ? fieldsOf(this.failure) : {};
    return html`
      <section class="panel" aria-labelledby="groups-title">
        <h2 id="groups-title">${t({ zh: '业务类别与号码前缀', en: 'Service groups and ticket prefixes' })}</h2>
        ${renderLoad(this.load, this.#reload, (groups) => this.#renderList(groups, fields), {
          isEmpty: (groups) => groups.length === 0, empty: { zh: '还没有业务类别', en: 'No service groups yet' },
        })}
      </section>
      <section class="panel" aria-labelledby="group-new-title">
        <h3 id="group-new-title">${t({ zh: '新增业务类别', en: 'Add a service group' })}</h3>
        <form class="form-grid" @submit=${this.#create}>
          <label class="field">${t({ zh: '编号（小写英文）', en: 'Id (lower case)' })}
            <input name="id" required pattern=${ID.source} maxlength="32" placeholder="vehicle" ?disabled=${this.busy} aria-invalid=${problemAt(fields, 'id') ? 'true' : 'false'} />
            <span class="hint">${t({ zh: '2–32 位小写字母、数字或连字符，字母开头', en: '2–32 lower-case letters, digits or hyphens, starting with a letter' })}</span>
          </label>
          <label class="field">${t({ zh: '号码前缀', en: 'Prefix' })}
            <input name="prefix" required pattern="[A-Z]" maxlength="1" placeholder="F" ?disabled=${this.busy} aria-invalid=${problemAt(fields, 'prefix') ? 'true' : 'false'} />
            <span class="hint">${t({ zh: '一个大写字母，不可重复', en: 'One capital letter, unique' })}</span>
          </label>
          <label class="field">${t({ zh: '名称（中文）', en: 'Name (Chinese)' })}<input name="zh" required maxlength="60" ?disabled=${this.busy} /></label>
          <label class="field">${t({ zh: '名称（英文）', en: 'Name (English)' })}<input name="en" maxlength="120" lang="en" ?disabled=${this.busy} /></label>
          <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${t({ zh: '新增', en: 'Add' })}</button></div>
        </form>
        ${this.notice ? html`<p class="notice" role="status">${t(this.notice)}</p>` : nothing}
        ${this.failure ? html`<p class="problem" role="alert">${t(failureText(this.failure))}</p>` : nothing}
      </section>
    `;
  }

  #renderList(groups: ServiceGroupView[], fields: Record<string, string>) {
    return html`<table>
      <thead><tr>
        <th scope="col">${t({ zh: '前缀', en: 'Prefix' })}</th><th scope="col">${t({ zh: '编号', en: 'Id' })}</th>
        <th scope="col">${t({ zh: '名称', en: 'Name' })}</th><th scope="col"><span hidden>${t({ zh: '操作', en: 'Actions' })}</span></th>
      </tr></thead>
      <tbody>${groups.map((g) => this.editing === g.id
        ? html`<tr><td colspan="4">
            <form class="form-grid" @submit=${(e: SubmitEvent) => this.#save(e, g)}>
              <label class="field">${t({ zh: '号码前缀', en: 'Prefix' })}<input name="prefix" required pattern="[A-Z]" maxlength="1" .value=${g.prefix} ?disabled=${this.busy}
                aria-invalid=${problemAt(fields, 'prefix') ? 'true' : 'false'} /></label>
              <label class="field">${t({ zh: '名称（中文）', en: 'Name (Chinese)' })}<input name="zh" required maxlength="60" .value=${g.name.zh} ?disabled=${this.busy} /></label>
              <label class="field">${t({ zh: '名称（英文）', en: 'Name (English)' })}<input name="en" maxlength="120" lang="en" .value=${g.name.en} ?disabled=${this.busy} /></label>
              <div class="actions">
                <button type="button" ?disabled=${this.busy} @click=${() => (this.editing = undefined)}>${t({ zh: '取消', en: 'Cancel' })}</button>
                <button class="primary" type="submit" ?disabled=${this.busy}>${t({ zh: '保存', en: 'Save' })}</button>
              </div>
            </form>
          </td></tr>`
        : html`<tr>
            <td class="mono">${g.prefix}</td><td class="mono">${g.id}</td><td>${t(g.name)}</td>
            <td class="actions"><button type="button" ?disabled=${this.busy} @click=${() => this.#edit(g.id)}>${t({ zh: '修改', en: 'Edit' })}</button></td>
          </tr>`)}</tbody>
    </table>`;
  }

  readonly #reload = async (): Promise<void> => {
    const result = await loadServiceGroups();
    if (!stillSignedIn(this, result)) return;
    this.load = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };

  #edit(id: string): void {
    this.editing = id;
    this.notice = undefined;
    this.failure = undefined;
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const body = {
      id: String(data.get('id') ?? '').trim(), prefix: String(data.get('prefix') ?? '').trim().toUpperCase(),
      name: { zh: String(data.get('zh') ?? '').trim(), en: String(data.get('en') ?? '').trim() },
    };
    if (!ID.test(body.id) || !PREFIX.test(body.prefix)) return; // the inputs' own patterns say what is wrong
    if (await this.#send('/api/admin/service-groups', 'POST', body, { zh: `已新增：${body.name.zh}（${body.prefix}）`, en: `Added: ${body.name.en || body.name.zh} (${body.prefix})` })) form.reset();
  }

  async #save(event: SubmitEvent, group: ServiceGroupView): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const prefix = String(data.get('prefix') ?? '').trim().toUpperCase();
    const name = { zh: String(data.get('zh') ?? '').trim(), en: String(data.get('en') ?? '').trim() };
    const body = { ...(prefix !== group.prefix ? { prefix } : {}), ...(name.zh !== group.name.zh || name.en !== group.name.en ? { name } : {}) };
    if (Object.keys(body).length === 0) {
      this.editing = undefined;
      return;
    }
    if (await this.#send(`/api/admin/service-groups/${encodeURIComponent(group.id)}`, 'PATCH', body, { zh: `已保存：${name.zh}`, en: `Saved: ${name.en || name.zh}` })) this.editing = undefined;
  }

  async #send(path: string, method: 'POST' | 'PATCH', body: unknown, done: Text): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.notice = undefined;
    this.failure = undefined;
    const result = await consoleRequest(path, { method, csrfToken: this.csrfToken, body, parse: (b) => serviceGroup.parse(b) });
    this.busy = false;
    if (!stillSignedIn(this, result)) return false;
    if (!result.ok) {
      this.failure = result;
      return false;
    }
    await this.#reload();
    this.notice = done;
    return true;
  }
}

customElements.define('console-service-groups-panel', ConsoleServiceGroupsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'console-service-groups-panel': ConsoleServiceGroupsPanel;
  }
}
