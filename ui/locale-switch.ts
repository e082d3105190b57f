/** `<lobby-locale-switch>`: one button that offers the other language, named in that language. */
import { LitElement, html } from 'lit';
import { LocaleController, locale, setLocale } from './i18n.ts';
import { theme } from './theme.ts';

export class LobbyLocaleSwitch extends LitElement {
  static override styles = theme;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const toEnglish = locale() === 'zh-CN';
    return html`
      <button type="button" lang=${toEnglish ? 'en' : 'zh-CN'} @click=${this.#toggle}>
        ${toEnglish ? 'English' : '中文'}
      </button>
    `;
  }

  #toggle(): void {
    setLocale(locale() === 'zh-CN' ? 'en' : 'zh-CN');
  }
}

customElements.define('lobby-locale-switch', LobbyLocaleSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'lobby-locale-switch': LobbyLocaleSwitch;
  }
}
