/**
 * `<h5-firm-form>`: register a firm, or join one already registered, as its agent — the firm's name
 * as on its business licence and its 18-character unified social credit code. The code's check
 * character is verified as it is typed (common/credit-code.ts, the server's own rule); the server
 * stays the judge. Sends `h5-applied` (detail: the application) when the server accepted it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { isValidCreditCode, normalizeCreditCode } from '../common/credit-code.ts';
import type { ErrorCode } from '../common/errors.ts';
import { isValidFirmName, normalizeFirmName, type Agency, type RegisterAgencyRequest } from '../common/firms.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { applyAsAgent } from './booking-api.ts';
import { errorText, failureText, sessionEnded } from './citizen-api.ts';
import { formStyles } from './form-styles.ts';
import { h5Styles } from './h5-styles.ts';

type Field = keyof RegisterAgencyRequest;
const FIELD_OF: Partial<Record<ErrorCode, Field>> = { firm_name_invalid: 'firmName', credit_code_invalid: 'creditCode' };
const CODE_CHECKS_OUT: Text = { zh: '统一社会信用代码校验通过', en: 'The credit code checks out' };

function localProblem(field: Field, value: string): ErrorCode | undefined {
  if (field === 'firmName') return isValidFirmName(value) ? undefined : 'firm_name_invalid';
  return isValidCreditCode(value) ? undefined : 'credit_code_invalid';
}

export class H5FirmForm extends LitElement {
  static override properties = {
    csrfToken: {},
    values: { state: true },
    touched: { state: true },
    serverErrors: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  static override styles = [theme, h5Styles, formStyles, css`:host { display: block; }`];

  declare csrfToken: string;
  declare values: RegisterAgencyRequest;
  declare touched: Partial<Record<Field, boolean>>;
  declare serverErrors: Partial<Record<Field, Text>>;
  declare problem: Text | undefined;
  declare busy: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.values = { firmName: '', creditCode: '' };
    this.touched = {};
    this.serverErrors = {};
    this.busy = false;
  }

  override render() {
    const code = normalizeCreditCode(this.values.creditCode);
    const codeOk = !this.serverErrors.creditCode && isValidCreditCode(code);
    return html`
      <form class="card" aria-labelledby="firm-form-title" novalidate @submit=${this.#submit}>
        <h3 id="firm-form-title">${t({ zh: '登记或加入单位', en: 'Register or join a firm' })}</h3>
        <p class="muted">${t({
          zh: '单位首次登记时按此信息建档；单位已登记的，填写相同的统一社会信用代码即可加入。',
          en: 'A firm new here is registered with these details; if it is registered already, the same credit code joins it.',
        })}</p>
        <div class="field">
          <label for="f-firmName">${t({ zh: '单位名称', en: 'Firm name' })}</label>
          <input id="f-firmName" name="firmName" autocomplete="organization" maxlength="100"
            .value=${this.values.firmName} @input=${this.#onInput} @blur=${this.#onBlur}
            aria-invalid=${this.#errorFor('firmName') ? 'true' : 'false'} aria-describedby="m-firmName" />
          ${this.#message('firmName', { zh: '与营业执照上的名称一致', en: 'As on the business licence' })}
        </div>
        <div class="field">
          <label for="f-creditCode">${t({ zh: '统一社会信用代码', en: 'Unified social credit code' })}</label>
          <input id="f-creditCode" name="creditCode" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="24"
            .value=${this.values.creditCode} @input=${this.#onInput} @blur=${this.#onBlur}
            aria-invalid=${this.#errorFor('creditCode') ? 'true' : 'false'} aria-describedby="m-creditCode" />
          ${this.#message('creditCode', codeOk ? CODE_CHECKS_OUT : { zh: `18位，已输入 ${code.length} 位`, en: `18 characters; ${code.length} typed` }, codeOk)}
        </div>
        ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
        <button class="primary apply" type="submit" ?disabled=${this.busy}>
          ${this.busy ? t({ zh: '正在提交……', en: 'Submitting…' }) : t({ zh: '提交申请', en: 'Apply' })}
        </button>
      </form>
    `;
  }

  #message(field: Field, hint: Text, ok = false) {
    const error = this.#errorFor(field);
    const kind = error ? 'error' : ok ? 'ok' : 'hint';
    return html`<p id="m-${field}" class=${kind} aria-live="polite">${t(error ?? hint)}</p>`;
  }

  /** The server's word first; the shared rule once the person has finished typing (or left the field). */
  #errorFor(field: Field): Text | undefined {
    const server = this.serverErrors[field];
    if (server) return server;
    const value = this.values[field];
    const ready = this.touched[field] || (field === 'creditCode' && normalizeCreditCode(value).length >= 18);
    if (!ready) return undefined;
    const problem = localProblem(field, value);
    return problem ? errorText(problem) : undefined;
  }

  #onInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const field = input.name as Field;
    this.values = { ...this.values, [field]: input.value };
    if (this.serverErrors[field]) this.serverErrors = { ...this.serverErrors, [field]: undefined };
    this.problem = undefined;
  }

  #onBlur(event: FocusEvent): void {
    const field = (event.target as HTMLInputElement).name as Field;
    if (this.values[field].trim() !== '') this.touched = { ...this.touched, [field]: true };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.touched = { firmName: true, creditCode: true };
    this.problem = undefined;
    if (localProblem('firmName', this.values.firmName) || localProblem('creditCode', this.values.creditCode)) {
      await this.#focusFirstError();
      return;
    }
    this.busy = true;
    const result = await applyAsAgent({
      firmName: normalizeFirmName(this.values.firmName),
      creditCode: normalizeCreditCode(this.values.creditCode),
    }, this.csrfToken);
    this.busy = false;
    if (result.ok) {
      this.values = { firmName: '', creditCode: '' };
      this.touched = {};
      this.dispatchEvent(new CustomEvent<Agency>('h5-applied', { detail: result.data, bubbles: true, composed: true }));
      return;
    }
    if (sessionEnded(result)) {
      this.dispatchEvent(new CustomEvent('h5-session-ended', { bubbles: true, composed: true }));
      return;
    }
    const field = result.kind === 'server' ? FIELD_OF[result.error.code] : undefined;
    if (field) this.serverErrors = { [field]: failureText(result) };
    else this.problem = failureText(result);
    await this.#focusFirstError();
  }

  async #focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
  }
}

customElements.define('h5-firm-form', H5FirmForm);

declare global {
  interface HTMLElementTagNameMap {
    'h5-firm-form': H5FirmForm;
  }
}
