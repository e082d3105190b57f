/**
 * `<console-sign-in>`: user name and password. Says exactly what went wrong — a wrong password, a
 * locked account and how long to wait, too many attempts, no connection — and sends
 * `console-signed-in` with the session once it worked.
 */
import { LitElement, css, html, nothing } from 'lit';
import { staffMe, type StaffMe } from '../common/staff.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { consoleRequest, signInFailureText } from './console-api.ts';

export class ConsoleSignIn extends LitElement {
  static override properties = { busy: { state: true }, problem: { state: true } };

  static override styles = [
    theme,
    css`
      :host {
        display: block;
        box-sizing: border-box;
        width: min(100%, 26rem);
        padding: 2rem;
        border: 1px solid var(--lobby-border);
        border-radius: 8px;
        background: var(--lobby-bg);
      }
      h2 {
        margin: 0 0 1rem;
        font-size: 1.5rem;
      }
      form {
        display: grid;
        gap: 1rem;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      input {
        font: inherit;
        width: 100%;
        min-width: 0;
        min-height: 44px;
        padding: 0 0.75em;
        border: 1px solid var(--lobby-border);
        border-radius: 6px;
      }
      .problem {
        margin: 0;
        padding: 0.75em 1em;
        border-left: 4px solid var(--lobby-danger);
        color: var(--lobby-danger);
        background: #fff0f1;
        font-weight: 600;
      }
    `,
  ];

  declare busy: boolean;
  declare problem: Text | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.busy = false;
  }

  override render() {
    return html`
      <h2 id="sign-in">${t({ zh: '员工登录', en: 'Staff sign-in' })}</h2>
      <form aria-labelledby="sign-in" @submit=${this.#submit}>
        <label>
          ${t({ zh: '用户名', en: 'User name' })}
          <input name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="64" />
        </label>
        <label>
          ${t({ zh: '密码', en: 'Password' })}
          <input name="password" type="password" autocomplete="current-password" required maxlength="256" />
        </label>
        ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>
          ${this.busy ? t({ zh: '正在登录……', en: 'Signing in…' }) : t({ zh: '登录', en: 'Sign in' })}
        </button>
      </form>
    `;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.problem = undefined;
    const result = await consoleRequest('/api/staff/login', {
      method: 'POST',
      body: { username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') },
      parse: (body) => staffMe.parse(body),
    });
    this.busy = false;
    if (result.ok) {
      form.reset();
      this.dispatchEvent(new CustomEvent<StaffMe>('console-signed-in', { detail: result.data, bubbles: true, composed: true }));
      return;
    }
    this.problem = signInFailureText(result);
    const password = form.elements.namedItem('password');
    if (password instanceof HTMLInputElement) {
      password.value = '';
      password.focus();
    }
  }
}

customElements.define('console-sign-in', ConsoleSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'console-sign-in': ConsoleSignIn;
  }
}
