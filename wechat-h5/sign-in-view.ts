/**
 * `<h5-sign-in>`: not signed in yet. One way in, through WeChat authorization (a plain link: the
 * server redirects to WeChat and WeChat back). After a failed authorization, says why.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { ErrorCode } from '../common/errors.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { errorText, SIGN_IN_URL } from './citizen-api.ts';

export class H5SignIn extends LitElement {
  static override properties = { authError: { attribute: false } };

  static override styles = [
    theme,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      h2 {
        margin: 0;
        font-size: 1.25rem;
      }
      p {
        margin: 0;
      }
      .problem {
        padding: 0.75em 1em;
        border-left: 4px solid var(--lobby-danger);
        color: var(--lobby-danger);
        background: #fff0f1;
        font-weight: 600;
      }
      a.wechat {
        display: flex;
        align-items: center;
        justify-content: center;
        min-height: 48px;
        padding: 0 1em;
        border-radius: 8px;
        color: #fff;
        /* WeChat's green, darkened enough for white text to pass WCAG AA. */
        background: #06803e;
        font-weight: 600;
        text-decoration: none;
      }
      .note {
        color: var(--lobby-muted);
        font-size: 0.875rem;
      }
    `,
  ];

  declare authError: ErrorCode | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    return html`
      <h2>${t({ zh: '欢迎使用预约办事', en: 'Welcome' })}</h2>
      <p>${t({ zh: '预约车管业务前，请先用微信登录并完成实名注册。', en: 'To book a visit, sign in with WeChat and register with your real name.' })}</p>
      ${this.authError ? html`<p class="problem" role="alert">${t(errorText(this.authError))}</p>` : nothing}
      <a class="wechat" href=${SIGN_IN_URL}>${t({ zh: '微信授权登录', en: 'Sign in with WeChat' })}</a>
      <p class="note">${t({ zh: '我们只获取您的微信身份标识，不获取昵称和头像。', en: 'We learn only your WeChat identity, not your nickname or picture.' })}</p>
    `;
  }
}

customElements.define('h5-sign-in', H5SignIn);

declare global {
  interface HTMLElementTagNameMap {
    'h5-sign-in': H5SignIn;
  }
}
