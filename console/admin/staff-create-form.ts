/**
 * `<console-staff-create>`: a new member of staff — user name, name, role, outlets, an initial password
 * (at least STAFF_PASSWORD_MIN characters, typed twice) and, for guides and supervisors, a staff code.
 * Sends `console-staff-created` with the account.
 */
import { LitElement, css, html, nothing } from 'lit';
import { STAFF_PASSWORD_MIN, staffAccount, type AdminOutlet, type StaffAccount } from '../../common/admin.ts';
import { STAFF_ROLE_VALUES, type StaffMe } from '../../common/staff.ts';
import type { ApiFailure } from '../../ui/api.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, failureText, fieldsOf } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { adminStyles } from './admin-styles.ts';
import { fieldProblemText, problemAt } from './field-problems.ts';
import { ROLE_NAMES, usesStaffCode } from './staff-roles.ts';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
const STAFF_CODE = /^\d{6,12}$/;

export class ConsoleStaffCreate extends LitElement {
  static override properties = {
    csrfToken: { attribute: false },
    outlets: { attribute: false },
    role: { state: true },
    busy: { state: true },
    problems: { state: true },
    failure: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    adminStyles,
    css`
      fieldset {
        margin: 0.5rem 0;
        padding: 0.5rem 0.75rem;
        border: 1px solid #d5dae0;
        border-radius: 6px;
      }
      legend {
        font-weight: 600;
      }
    `,
  ];

  declare csrfToken: string;
  declare outlets: AdminOutlet[];
  declare role: StaffMe['role'];
  declare busy: boolean;
  /** Problems found before asking the server, by field. */
  declare problems: Record<string, Text>;
  declare failure: ApiFailure | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.outlets = [];
    this.role = 'clerk';
    this.busy = false;
    this.problems = {};
  }

  override render() {
    const server = this.failure ? fieldsOf(this.failure) : {};
    const problem = (field: string) => this.problems[field] ?? problemAt(server, field);
    const error = (field: string) => {
      const text = problem(field);
      return text ? html`<span class="field-error" id="error-${field}">${t(text)}</span>` : nothing;
    };
    const invalid = (field: string) => (problem(field) ? 'true' : 'false');
    return html`
      <section class="panel" aria-labelledby="staff-new-title">
        <h3 id="staff-new-title">${t({ zh: '新增人员', en: 'Add a member of staff' })}</h3>
        <form novalidate @submit=${this.#submit}>
          <div class="form-grid">
            <label class="field">${t({ zh: '登录用户名', en: 'User name' })}
              <input name="username" autocomplete="off" autocapitalize="none" spellcheck="false" maxlength="32" ?disabled=${this.busy} aria-invalid=${invalid('username')} />
              <span class="hint">${t({ zh: '小写字母、数字、点、横线或下划线，2–32 位', en: 'Lower-case letters, digits, . - _; 2–32 characters' })}</span>
              ${error('username')}
            </label>
            <label class="field">${t({ zh: '姓名', en: 'Name' })}
              <input name="displayName" maxlength="40" ?disabled=${this.busy} aria-invalid=${invalid('displayName')} />${error('displayName')}
            </label>
            <label class="field">${t({ zh: '角色', en: 'Role' })}
              <select name="role" ?disabled=${this.busy} @change=${(e: Event) => (this.role = (e.target as HTMLSelectElement).value as StaffMe['role'])}>
                ${STAFF_ROLE_VALUES.map((role) => html`<option value=${role} ?selected=${role === this.role}>${t(ROLE_NAMES[role])}</option>`)}
              </select>
            </label>
            <label class="field">${t({ zh: '初始密码', en: 'Initial password' })}
              <input name="password" type="password" autocomplete="new-password" maxlength="256" ?disabled=${this.busy} aria-invalid=${invalid('password')} />
              <span class="hint">${t({ zh: `至少 ${STAFF_PASSWORD_MIN} 个字符`, en: `At least ${STAFF_PASSWORD_MIN} characters` })}</span>
              ${error('password')}
            </label>
            <label class="field">${t({ zh: '再次输入密码', en: 'Password again' })}
              <input name="password2" type="password" autocomplete="new-password" maxlength="256" ?disabled=${this.busy} aria-invalid=${invalid('password2')} />${error('password2')}
            </label>
            ${usesStaffCode(this.role)
              ? html`<label class="field">${t({ zh: '员工码（可不填）', en: 'Staff code (optional)' })}
                  <input name="staffCode" inputmode="numeric" autocomplete="off" maxlength="12" ?disabled=${this.busy} aria-invalid=${invalid('staffCode')} />
                  <span class="hint">${t({ zh: '6–12 位数字，在取号机上确认绿色通道时输入', en: '6–12 digits, typed at the kiosk to confirm the green channel' })}</span>
                  ${error('staffCode')}
                </label>`
              : nothing}
          </div>
          <fieldset aria-invalid=${invalid('outletIds')}>
            <legend>${t({ zh: '所属网点', en: 'Outlets' })}</legend>
            ${this.outlets.map((o) => html`<label class="check"><input type="checkbox" name="outletIds" value=${o.id} ?disabled=${this.busy} />${t(o.name)}</label> `)}
            ${error('outletIds')}
          </fieldset>
          ${this.failure ? html`<p class="problem" role="alert">${t(failureText(this.failure))}</p>` : nothing}
          <div class="actions">
            <button class="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${t({ zh: '新增人员', en: 'Add' })}</button>
          </div>
        </form>
      </section>
    `;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const body = {
      username: text('username'), displayName: text('displayName'), role: this.role,
      outletIds: data.getAll('outletIds').map(String), password: String(data.get('password') ?? ''),
      ...(usesStaffCode(this.role) && text('staffCode') ? { staffCode: text('staffCode') } : {}),
    };
    const problems: Record<string, Text> = {};
    if (!USERNAME.test(body.username)) problems.username = body.username ? fieldProblemText('invalid_format') : fieldProblemText('required');
    if (!body.displayName) problems.displayName = fieldProblemText('required');
    if (body.password.length < STAFF_PASSWORD_MIN) problems.password = { zh: `密码至少 ${STAFF_PASSWORD_MIN} 个字符。`, en: `At least ${STAFF_PASSWORD_MIN} characters.` };
    else if (body.password !== String(data.get('password2') ?? '')) problems.password2 = fieldProblemText('mismatch');
    if (body.staffCode !== undefined && !STAFF_CODE.test(body.staffCode)) problems.staffCode = { zh: '员工码须为 6–12 位数字。', en: 'A staff code is 6 to 12 digits.' };
    this.problems = problems;
    this.failure = undefined;
    if (Object.keys(problems).length > 0) return;

    this.busy = true;
    const result = await consoleRequest('/api/admin/staff', { method: 'POST', csrfToken: this.csrfToken, body, parse: (b) => staffAccount.parse(b) });
    this.busy = false;
    if (!stillSignedIn(this, result)) return;
    if (!result.ok) {
      this.failure = result;
      return;
    }
    form.reset();
    this.role = 'clerk';
    this.dispatchEvent(new CustomEvent<StaffAccount>('console-staff-created', { detail: result.data }));
  }
}

customElements.define('console-staff-create', ConsoleStaffCreate);

declare global {
  interface HTMLElementTagNameMap {
    'console-staff-create': ConsoleStaffCreate;
  }
}
