/**
 * `<h5-home>`: a registered citizen's start page — published notices, "book", "my bookings" and "firm agent",
 * the profile as the server masked it, and signing out. Sends `h5-signed-out` once the session is gone.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { CitizenMe } from '../common/citizens.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { failureText, logout, sessionEnded } from './citizen-api.ts';
import { h5Styles } from './h5-styles.ts';
import './notice-list.ts';
import { routeHref } from './route.ts';

export class H5Home extends LitElement {
  static override properties = { me: { attribute: false }, busy: { state: true }, problem: { state: true } };

  static override styles = [
    theme,
    h5Styles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      h2 {
        margin: 0;
        font-size: 1.25rem;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.5rem 1rem;
        margin: 0;
        padding: 1rem;
        border-radius: 8px;
        background: var(--lobby-surface);
      }
      dt {
        color: var(--lobby-muted);
      }
      dd {
        margin: 0;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
        overflow-wrap: anywhere;
      }
      .problem {
        margin: 0;
        color: var(--lobby-danger);
        font-weight: 600;
      }
    `,
  ];

  declare me: CitizenMe;
  declare busy: boolean;
  declare problem: Text | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.busy = false;
  }

  override render() {
    const profile = this.me.profile;
    return html`
      <h5-notices></h5-notices>
      <nav class="actions" aria-label=${t({ zh: '预约', en: 'Booking' })}>
        <a class="button primary book" href=${routeHref({ name: 'book' })}>${t({ zh: '预约办事', en: 'Book' })}</a>
        <a class="button my-bookings" href=${routeHref({ name: 'bookings' })}>${t({ zh: '我的预约', en: 'My bookings' })}</a>
        <a class="button firms" href=${routeHref({ name: 'firms' })}>${t({ zh: '单位代办', en: 'Firm agent' })}</a>
      </nav>
      <h2>${t({ zh: '我的信息', en: 'My details' })}</h2>
      ${profile
        ? html`<dl class="profile">
            <dt>${t({ zh: '姓名', en: 'Name' })}</dt><dd class="name">${profile.name}</dd>
            <dt>${t({ zh: '身份证号', en: 'ID number' })}</dt><dd class="id-number">${profile.idNumber}</dd>
            <dt>${t({ zh: '手机号', en: 'Mobile' })}</dt><dd class="phone">${profile.phone}</dd>
          </dl>`
        : nothing}
      <p>${t({ zh: '您已完成实名注册，可以预约办理车管业务。', en: 'You are registered and can book a visit.' })}</p>
      ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
      <button type="button" class="logout" ?disabled=${this.busy} @click=${this.#logout}>${t({ zh: '退出登录', en: 'Sign out' })}</button>
    `;
  }

  async #logout(): Promise<void> {
    this.busy = true;
    this.problem = undefined;
    const result = await logout(this.me.csrfToken);
    this.busy = false;
    if (result.ok || sessionEnded(result)) {
      this.dispatchEvent(new CustomEvent('h5-signed-out', { bubbles: true, composed: true }));
      return;
    }
    this.problem = failureText(result);
  }
}

customElements.define('h5-home', H5Home);

declare global {
  interface HTMLElementTagNameMap {
    'h5-home': H5Home;
  }
}
