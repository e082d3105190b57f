/** `<console-app>`: where staff call numbers and run the office, on a desktop browser. */
import { LitElement, css, html } from 'lit';
import '../ui/connection-status.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import '../ui/locale-switch.ts';
import { OnlineController } from '../ui/online-controller.ts';
import { theme } from '../ui/theme.ts';

export class ConsoleApp extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr auto;
        min-height: 100%;
        background: var(--lobby-surface);
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
        padding: 0.5rem 1.5rem;
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
      }
      h1 {
        margin: 0;
        font-size: 1.25rem;
      }
      .en {
        margin-inline-start: 0.5em;
        font-size: 0.8em;
        font-weight: normal;
      }
      main {
        display: grid;
        place-items: center;
        padding: 2rem 1rem;
      }
      .sign-in {
        width: min(100%, 24rem);
        padding: 2rem;
        border: 1px solid var(--lobby-border);
        border-radius: 8px;
        background: var(--lobby-bg);
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.5rem;
      }
      .sign-in p {
        margin: 0;
      }
      footer {
        padding: 0.5rem 1.5rem;
        font-size: 0.875rem;
      }
    `,
  ];

  readonly #online = new OnlineController(this);

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    return html`
      <header>
        <h1>工作台 <span class="en" lang="en">Lobby Console</span></h1>
        <lobby-locale-switch></lobby-locale-switch>
      </header>
      <main>
        <section class="sign-in" aria-labelledby="sign-in">
          <h2 id="sign-in">${t({ zh: '员工登录', en: 'Staff sign-in' })}</h2>
          <p>${t({ zh: '请登录', en: 'Please sign in' })}</p>
        </section>
      </main>
      <footer>
        <lobby-connection show-database .state=${this.#online.state} @lobby-retry=${this.#retry}></lobby-connection>
      </footer>
    `;
  }

  #retry(): void {
    void this.#online.check();
  }
}

customElements.define('console-app', ConsoleApp);

declare global {
  interface HTMLElementTagNameMap {
    'console-app': ConsoleApp;
  }
}
