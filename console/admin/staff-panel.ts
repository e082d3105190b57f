/**
 * `<console-staff-panel>`: every staff account with role, outlets, whether it is active, locked or holds
 * a staff code; change one's name, role, outlets or active state, set a new password (which unlocks it
 * and signs out its sessions), set or clear a guide's staff code; and add new members of staff.
 */
import { LitElement, html, nothing } from 'lit';
import { STAFF_PASSWORD_MIN, staffAccount, staffAccountList, type AdminOutlet, type StaffAccount } from '../../common/admin.ts';
import { STAFF_ROLE_VALUES, type StaffMe } from '../../common/staff.ts';
import type { ApiFailure } from '../../ui/api.ts';
import { LocaleController, locale, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, failureText } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { loadAdminOutlets, renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import './staff-create-form.ts';
import { ROLE_NAMES, usesStaffCode } from './staff-roles.ts';

type Mode = { staffId: string; action: 'edit' | 'password' | 'code' };

const dateTime = (iso: string) => new Intl.DateTimeFormat(locale(), { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

export class ConsoleStaffPanel extends LitElement {
  static override properties = {
    csrfToken: { attribute: false },
    me: { attribute: false },
    load: { state: true },
    mode: { state: true },
    busy: { state: true },
    notice: { state: true },
    failure: { state: true },
    problem: { state: true },
  };

  static override styles = [theme, panelStyles, adminStyles];

  declare csrfToken: string;
  declare me: StaffMe;
  declare load: Load<{ staff: StaffAccount[]; outlets: AdminOutlet[] }>;
  declare mode: Mode | undefined;
  declare busy: boolean;
  declare notice: Text | undefined;
  declare failure: ApiFailure | undefined;
  /** A problem found before asking the server. */
  declare problem: Text | undefined;

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
    return html`
      <section class="panel" aria-labelledby="staff-title">
        <h2 id="staff-title">${t({ zh: '人员与角色', en: 'Staff and roles' })}</h2>
        ${this.notice ? html`<p class="notice" role="status">${t(this.notice)}</p>` : nothing}
        ${this.failure ? html`<p class="problem" role="alert">${t(failureText(this.failure))}</p>` : nothing}
        ${renderLoad(this.load, this.#reload, (data) => this.#renderList(data), {
          isEmpty: (data) => data.staff.length === 0, empty: { zh: '还没有人员', en: 'No staff yet' },
        })}
      </section>
      ${this.load.status === 'loaded'
        ? html`<console-staff-create .csrfToken=${this.csrfToken} .outlets=${this.load.data.outlets} @console-staff-created=${this.#created}></console-staff-create>`
        : nothing}
    `;
  }

  #renderList({ staff, outlets }: { staff: StaffAccount[]; outlets: AdminOutlet[] }) {
    const outletName = (id: string) => t(outlets.find((o) => o.id === id)?.name ?? { zh: id, en: id });
    return html`<div class="table-wrap"><table>
      <thead><tr>
        <th scope="col">${t({ zh: '用户名', en: 'User name' })}</th>
        <th scope="col">${t({ zh: '姓名', en: 'Name' })}</th>
        <th scope="col">${t({ zh: '角色', en: 'Role' })}</th>
        <th scope="col">${t({ zh: '网点', en: 'Outlets' })}</th>
        <th scope="col">${t({ zh: '状态', en: 'Status' })}</th>
        <th scope="col"><span hidden>${t({ zh: '操作', en: 'Actions' })}</span></th>
      </tr></thead>
      <tbody>${staff.map((s) => html`
        <tr class=${s.active ? '' : 'inactive'} data-staff=${s.username}>
          <td class="mono">${s.username}</td>
          <td>${s.displayName}</td>
          <td>${t(ROLE_NAMES[s.role])}</td>
          <td>${s.outletIds.map(outletName).join('、') || '—'}</td>
          <td>${this.#status(s)}</td>
          <td><div class="actions">
            <button type="button" ?disabled=${this.busy} @click=${() => this.#open(s.id, 'edit')}>${t({ zh: '修改', en: 'Edit' })}</button>
            <button type="button" ?disabled=${this.busy} @click=${() => this.#open(s.id, 'password')}>${t({ zh: '重置密码', en: 'Reset password' })}</button>
            ${usesStaffCode(s.role) ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.#open(s.id, 'code')}>${t({ zh: '员工码', en: 'Staff code' })}</button>` : nothing}
          </div></td>
        </tr>
        ${this.mode?.staffId === s.id ? html`<tr><td colspan="6">${this.#renderMode(s, outlets, this.mode.action)}</td></tr>` : nothing}
      `)}</tbody>
    </table></div>`;
  }

  #status(s: StaffAccount): string {
    const parts = [s.active ? t({ zh: '启用', en: 'Active' }) : t({ zh: '停用', en: 'Inactive' })];
    if (s.lockedUntil) parts.push(t({ zh: `锁定至 ${dateTime(s.lockedUntil)}`, en: `Locked until ${dateTime(s.lockedUntil)}` }));
    if (usesStaffCode(s.role)) parts.push(s.hasStaffCode ? t({ zh: '已设员工码', en: 'Staff code set' }) : t({ zh: '未设员工码', en: 'No staff code' }));
    return parts.join(' · ');
  }

  #renderMode(s: StaffAccount, outlets: AdminOutlet[], action: Mode['action']) {
    const problem = this.problem ? html`<p class="field-error" role="alert">${t(this.problem)}</p>` : nothing;
    const buttons = (label: Text) => html`<div class="actions">
      <button type="button" ?disabled=${this.busy} @click=${this.#close}>${t({ zh: '取消', en: 'Cancel' })}</button>
      <button class="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${t(label)}</button>
    </div>`;
    switch (action) {
      case 'edit': {
        const self = s.id === this.me.id;
        return html`<form @submit=${(e: SubmitEvent) => this.#saveEdit(e, s)}>
          <div class="form-grid">
            <label class="field">${t({ zh: '姓名', en: 'Name' })}<input name="displayName" required maxlength="40" .value=${s.displayName} ?disabled=${this.busy} /></label>
            <label class="field">${t({ zh: '角色', en: 'Role' })}
              <select name="role" ?disabled=${this.busy}>${STAFF_ROLE_VALUES.map((role) => html`<option value=${role} ?selected=${role === s.role}>${t(ROLE_NAMES[role])}</option>`)}</select>
            </label>
            <label class="check"><input type="checkbox" name="active" .checked=${s.active} ?disabled=${this.busy || self} />${t({ zh: '账号启用', en: 'Account active' })}</label>
          </div>
          ${self ? html`<p class="hint">${t({ zh: '不能停用自己的账号。', en: 'You cannot deactivate your own account.' })}</p>` : nothing}
          <fieldset><legend>${t({ zh: '所属网点', en: 'Outlets' })}</legend>
            ${outlets.map((o) => html`<label class="check"><input type="checkbox" name="outletIds" value=${o.id} .checked=${s.outletIds.includes(o.id)} ?disabled=${this.busy} />${t(o.name)}</label> `)}
          </fieldset>
          ${problem}${buttons({ zh: '保存', en: 'Save' })}
        </form>`;
      }
      case 'password':
        return html`<form novalidate @submit=${(e: SubmitEvent) => this.#savePassword(e, s)}>
          <p class="hint">${t({ zh: '设置新密码会解除锁定，并让该账号的其他登录失效。', en: 'A new password unlocks the account and signs out its other sessions.' })}</p>
          <div class="form-grid">
            <label class="field">${t({ zh: '新密码', en: 'New password' })}<input name="password" type="password" autocomplete="new-password" maxlength="256" ?disabled=${this.busy} /></label>
            <label class="field">${t({ zh: '再次输入', en: 'Again' })}<input name="password2" type="password" autocomplete="new-password" maxlength="256" ?disabled=${this.busy} /></label>
          </div>
          ${problem}${buttons({ zh: '设置密码', en: 'Set password' })}
        </form>`;
      case 'code':
        return html`<form novalidate @submit=${(e: SubmitEvent) => this.#saveCode(e, s)}>
          <div class="form-grid">
            <label class="field">${t({ zh: '新员工码（6–12 位数字；留空则清除）', en: 'New staff code (6–12 digits; empty clears it)' })}
              <input name="staffCode" inputmode="numeric" autocomplete="off" maxlength="12" ?disabled=${this.busy} />
            </label>
          </div>
          ${problem}${buttons({ zh: '保存员工码', en: 'Save staff code' })}
        </form>`;
    }
  }

  readonly #reload = async (): Promise<void> => {
    const [staff, outlets] = await Promise.all([
      consoleRequest('/api/admin/staff', { parse: (body) => staffAccountList.parse(body).staff }),
      loadAdminOutlets(),
    ]);
    if (!stillSignedIn(this, staff) || !stillSignedIn(this, outlets)) return;
    if (!staff.ok) this.load = { status: 'failed', failure: staff };
    else if (!outlets.ok) this.load = { status: 'failed', failure: outlets };
    else this.load = { status: 'loaded', data: { staff: staff.data, outlets: outlets.data } };
  };

  #open(staffId: string, action: Mode['action']): void {
    this.mode = { staffId, action };
    this.notice = undefined;
    this.failure = undefined;
    this.problem = undefined;
  }

  readonly #close = (): void => {
    this.mode = undefined;
    this.problem = undefined;
  };

  async #created(event: CustomEvent<StaffAccount>): Promise<void> {
    this.failure = undefined;
    await this.#reload();
    this.notice = { zh: `已新增：${event.detail.displayName}（${event.detail.username}）`, en: `Added: ${event.detail.displayName} (${event.detail.username})` };
  }

  async #saveEdit(event: SubmitEvent, s: StaffAccount): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const body = {
      displayName: String(data.get('displayName') ?? '').trim(),
      role: STAFF_ROLE_VALUES.find((role) => role === data.get('role')) ?? s.role,
      outletIds: data.getAll('outletIds').map(String),
      // A disabled checkbox is not in the form: one's own account stays as it is.
      ...(s.id === this.me.id ? {} : { active: data.get('active') === 'on' }),
    };
    await this.#send(`/api/admin/staff/${s.id}`, 'PATCH', body, { zh: `已保存：${body.displayName}`, en: `Saved: ${body.displayName}` });
  }

  async #savePassword(event: SubmitEvent, s: StaffAccount): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    if (password.length < STAFF_PASSWORD_MIN) {
      this.problem = { zh: `密码至少 ${STAFF_PASSWORD_MIN} 个字符。`, en: `At least ${STAFF_PASSWORD_MIN} characters.` };
      return;
    }
    if (password !== String(data.get('password2') ?? '')) {
      this.problem = { zh: '两次输入的密码不一致。', en: 'The two passwords differ.' };
      return;
    }
    await this.#send(`/api/admin/staff/${s.id}/password`, 'POST', { password }, { zh: `已为 ${s.displayName} 设置新密码`, en: `New password set for ${s.displayName}` });
  }

  async #saveCode(event: SubmitEvent, s: StaffAccount): Promise<void> {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget as HTMLFormElement).get('staffCode') ?? '').trim();
    if (code && !/^\d{6,12}$/.test(code)) {
      this.problem = { zh: '员工码须为 6–12 位数字。', en: 'A staff code is 6 to 12 digits.' };
      return;
    }
    await this.#send(`/api/admin/staff/${s.id}/staff-code`, 'POST', { staffCode: code || null },
      code ? { zh: `已为 ${s.displayName} 设置员工码`, en: `Staff code set for ${s.displayName}` } : { zh: `已清除 ${s.displayName} 的员工码`, en: `Staff code cleared for ${s.displayName}` });
  }

  async #send(path: string, method: 'POST' | 'PATCH', body: unknown, done: Text): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.problem = undefined;
    this.failure = undefined;
    this.notice = undefined;
    const result = await consoleRequest(path, { method, csrfToken: this.csrfToken, body, parse: (b) => staffAccount.parse(b) });
    this.busy = false;
    if (!stillSignedIn(this, result)) return;
    if (!result.ok) {
      this.failure = result;
      return;
    }
    this.mode = undefined;
    await this.#reload();
    this.notice = done;
  }
}

customElements.define('console-staff-panel', ConsoleStaffPanel);

declare global {
  interface HTMLElementTagNameMap {
    'console-staff-panel': ConsoleStaffPanel;
  }
}
