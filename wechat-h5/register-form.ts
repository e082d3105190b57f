/**
 * `<h5-register-form>`: registration with real name — name, ID number, phone and the SMS code.
 * The ID number and phone are checked as they are typed (with the same rules the server uses, from
 * common/); the server stays the judge, and what it refuses is shown beside the field it concerns.
 * Sends `h5-registered` (detail: the session) when done, `h5-session-ended` when the session is gone.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { REGISTRATION_FIELDS, SMS_CODE, type CitizenMe, type RegisterRequest } from '../common/citizens.ts';
import type { ErrorCode } from '../common/errors.ts';
import { normalizeIdNumber, parseIdNumber } from '../common/id-number.ts';
import { maskPhone } from '../common/mask.ts';
import { isValidName } from '../common/name.ts';
import { isValidMobile, normalizePhone } from '../common/phone.ts';
import { serviceDate } from '../common/time.ts';
import type { ApiFailure } from '../ui/api.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { errorText, failureText, register, requestSmsCode, sessionEnded } from './citizen-api.ts';
import { CountdownController } from './countdown-controller.ts';
import { formStyles } from './form-styles.ts';

type Field = keyof RegisterRequest;
const FIELDS: readonly Field[] = ['name', 'idNumber', 'phone', 'smsCode'];
const EMPTY: RegisterRequest = { name: '', idNumber: '', phone: '', smsCode: '' };

const LABELS: Record<Field, Text> = {
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '身份证号码', en: 'Resident ID number' },
  phone: { zh: '手机号码', en: 'Mobile number' },
  smsCode: { zh: '短信验证码', en: 'SMS code' },
};

const ID_CHECKS_OUT: Text = { zh: '身份证号码格式正确', en: 'The ID number checks out' };

/** What the rules shared with the server say about a field, before it is sent. */
function localProblem(field: Field, value: string): ErrorCode | undefined {
  switch (field) {
    case 'name':
      return isValidName(value) ? undefined : 'name_invalid';
    case 'idNumber': {
      const checked = parseIdNumber(value, serviceDate(new Date()));
      return checked.ok ? undefined : `id_number_${checked.problem}`;
    }
    case 'phone':
      return isValidMobile(value) ? undefined : 'phone_invalid';
    case 'smsCode':
      return SMS_CODE.test(value.trim()) ? undefined : 'sms_code_wrong';
  }
}

export class H5RegisterForm extends LitElement {
  static override properties = {
    csrfToken: { attribute: false },
    values: { state: true },
    touched: { state: true },
    serverErrors: { state: true },
    problem: { state: true },
    notice: { state: true },
    busy: { state: true },
    sending: { state: true },
  };

  static override styles = [
    theme,
    formStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 0.25rem;
        font-size: 1.25rem;
      }
      .intro {
        margin: 0 0 1rem;
        color: var(--lobby-muted);
        font-size: 0.9375rem;
      }
      .code-row {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.5rem;
      }
      .code-row button {
        white-space: nowrap;
        font-size: 0.9375rem;
      }
      .problem {
        margin: 0;
        padding: 0.75em 1em;
        border-left: 4px solid var(--lobby-danger);
        color: var(--lobby-danger);
        background: #fff0f1;
        font-weight: 600;
      }
      button[type='submit'] {
        width: 100%;
      }
      button:disabled {
        opacity: 0.6;
        cursor: not-allowed;
      }
    `,
  ];

  declare csrfToken: string;
  declare values: RegisterRequest;
  declare touched: Partial<Record<Field, boolean>>;
  declare serverErrors: Partial<Record<Field, Text>>;
  declare problem: Text | undefined;
  declare notice: Text | undefined;
  declare busy: boolean;
  declare sending: boolean;

  readonly #countdown = new CountdownController(this);

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.values = { ...EMPTY };
    this.touched = {};
    this.serverErrors = {};
    this.busy = false;
    this.sending = false;
  }

  override render() {
    const waiting = this.#countdown.remaining;
    const canSend = isValidMobile(this.values.phone) && waiting === 0 && !this.sending;
    return html`
      <h2 id="register-title">${t({ zh: '实名注册', en: 'Register with your real name' })}</h2>
      <p class="intro">${t({ zh: '请填写与身份证一致的信息，一个身份证号码只能绑定一个微信账号。', en: 'Fill in the details as on your ID card. One ID number can be bound to one WeChat account only.' })}</p>
      <form aria-labelledby="register-title" novalidate @submit=${this.#submit}>
        ${this.#field('name', html`<input id="f-name" name="name" autocomplete="name" maxlength="30"
          .value=${this.values.name} @input=${this.#onInput} @blur=${this.#onBlur} aria-invalid=${this.#invalid('name')} aria-describedby="m-name" />`)}
        ${this.#field('idNumber', html`<input id="f-idNumber" name="idNumber" autocomplete="off" autocapitalize="characters" spellcheck="false"
          maxlength="22" .value=${this.values.idNumber} @input=${this.#onInput} @blur=${this.#onBlur}
          aria-invalid=${this.#invalid('idNumber')} aria-describedby="m-idNumber" />`, this.#idCheckedOut() ? ID_CHECKS_OUT : undefined)}
        ${this.#field('phone', html`<input id="f-phone" name="phone" type="tel" inputmode="numeric" autocomplete="tel-national" maxlength="16"
          .value=${this.values.phone} @input=${this.#onInput} @blur=${this.#onBlur} aria-invalid=${this.#invalid('phone')} aria-describedby="m-phone" />`)}
        ${this.#field('smsCode', html`<div class="code-row">
          <input id="f-smsCode" name="smsCode" inputmode="numeric" autocomplete="one-time-code" maxlength="6"
            .value=${this.values.smsCode} @input=${this.#onInput} aria-invalid=${this.#invalid('smsCode')} aria-describedby="m-smsCode" />
          <button type="button" class="send-code" ?disabled=${!canSend} @click=${this.#sendCode}>
            ${waiting > 0
              ? t({ zh: `${waiting} 秒后重新获取`, en: `Again in ${waiting} s` })
              : this.sending ? t({ zh: '正在发送……', en: 'Sending…' }) : t({ zh: '获取验证码', en: 'Get code' })}
          </button>
        </div>`)}
        ${this.notice ? html`<p class="hint" role="status">${t(this.notice)}</p>` : nothing}
        ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>
          ${this.busy ? t({ zh: '正在提交……', en: 'Submitting…' }) : t({ zh: '提交注册', en: 'Register' })}
        </button>
      </form>
    `;
  }

  #field(field: Field, control: TemplateResult, ok?: Text) {
    const error = this.#errorFor(field);
    return html`
      <div class="field">
        <label for="f-${field}">${t(LABELS[field])}</label>
        ${control}
        <p id="m-${field}" class=${error ? 'error' : ok ? 'ok' : 'hint'} aria-live="polite">${error ? t(error) : ok ? t(ok) : ''}</p>
      </div>
    `;
  }

  /** The server's word on a field, else the shared rules' once the person has had a fair chance to finish typing. */
  #errorFor(field: Field): Text | undefined {
    const server = this.serverErrors[field];
    if (server) return server;
    if (!this.#ready(field)) return undefined;
    const problem = localProblem(field, this.values[field]);
    return problem ? errorText(problem) : undefined;
  }

  #ready(field: Field): boolean {
    if (this.touched[field]) return true;
    if (field === 'idNumber') return normalizeIdNumber(this.values.idNumber).length >= 18;
    if (field === 'phone') return normalizePhone(this.values.phone).length >= 11;
    return false;
  }

  #invalid(field: Field): 'true' | 'false' {
    return this.#errorFor(field) ? 'true' : 'false';
  }

  #idCheckedOut(): boolean {
    return !this.serverErrors.idNumber && parseIdNumber(this.values.idNumber, serviceDate(new Date())).ok;
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

  async #sendCode(): Promise<void> {
    this.sending = true;
    this.problem = undefined;
    this.notice = undefined;
    const phone = normalizePhone(this.values.phone);
    const result = await requestSmsCode(phone, this.csrfToken);
    this.sending = false;
    if (result.ok) {
      this.#countdown.start(result.data.cooldownSeconds);
      const minutes = Math.round(result.data.expiresInSeconds / 60);
      this.notice = {
        zh: `验证码已发送至 ${maskPhone(phone)}，${minutes} 分钟内有效。`,
        en: `A code was sent to ${maskPhone(phone)}. It is good for ${minutes} minutes.`,
      };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#f-smsCode')?.focus();
      return;
    }
    if (result.kind === 'server' && result.error.code === 'sms_cooldown') this.#countdown.start(result.retryAfterSeconds ?? 60);
    this.#showFailure(result);
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.touched = { name: true, idNumber: true, phone: true, smsCode: true };
    this.problem = undefined;
    if (FIELDS.some((field) => localProblem(field, this.values[field]))) {
      await this.#focusFirstError();
      return;
    }
    this.busy = true;
    const result = await register({ ...this.values, smsCode: this.values.smsCode.trim() }, this.csrfToken);
    this.busy = false;
    if (result.ok) {
      this.dispatchEvent(new CustomEvent<CitizenMe>('h5-registered', { detail: result.data, bubbles: true, composed: true }));
      return;
    }
    this.#showFailure(result);
    await this.#focusFirstError();
  }

  /** Beside its field when the error concerns one (every field the server named), else above the button. */
  #showFailure(failure: ApiFailure): void {
    if (sessionEnded(failure)) {
      this.dispatchEvent(new CustomEvent('h5-session-ended', { bubbles: true, composed: true }));
      return;
    }
    if (failure.kind !== 'server') {
      this.problem = failureText(failure);
      return;
    }
    const { code, fields = {} } = failure.error;
    const errors: Partial<Record<Field, Text>> = {};
    for (const [field, fieldCode] of Object.entries(fields)) {
      if (FIELDS.includes(field as Field) && fieldCode in REGISTRATION_FIELDS) errors[field as Field] = errorText(fieldCode as ErrorCode);
    }
    const home = REGISTRATION_FIELDS[code as keyof typeof REGISTRATION_FIELDS] as Field | undefined;
    // The field of the main code gets the server's own sentence.
    if (home) errors[home] = failureText(failure);
    else this.problem = failureText(failure);
    this.serverErrors = errors;
  }

  async #focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
  }
}

customElements.define('h5-register-form', H5RegisterForm);

declare global {
  interface HTMLElementTagNameMap {
    'h5-register-form': H5RegisterForm;
  }
}
