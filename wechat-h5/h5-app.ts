/**
 * `<h5-app>`: booking from a phone, opened inside WeChat. Laid out for a 375px-wide screen first;
 * wider screens get the same column, centred.
 */
import { LitElement, css, html } from 'lit';
import '../ui/connection-status.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import '../ui/locale-switch.ts';
import { OnlineController } from '../ui/online-controller.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';

const NO_OUTLETS = { zh: '暂无可预约的网点', en: 'No offices are open for booking yet' };

export class H5App extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
        max-width: 40rem;
        min-height: 100%;
        margin: 0 auto;
        font-size: 1rem;
        background: var(--lobby-bg);
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
        padding: 0.75rem 1rem;
        padding-top: max(0.75rem, env(safe-area-inset-top));
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
      }
      h1 {
        margin: 0;
        font-size: 1.375rem;
        line-height: 1.2;
      }
      .en {
        display: block;
        font-size: 0.8rem;
        font-weight: normal;
      }
      main {
        padding: 1rem;
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.125rem;
      }
      .outlets {
        border-radius: 8px;
        background: var(--lobby-surface);
      }
      footer {
        padding: 0.5rem 1rem;
        padding-bottom: max(0.5rem, env(safe-area-inset-bottom));
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
        <h1>预约办事 <span class="en" lang="en">Book a visit</span></h1>
        <lobby-locale-switch></lobby-locale-switch>
      </header>
      <main>
        <section aria-labelledby="outlets">
          <h2 id="outlets">${t({ zh: '办事网点', en: 'Offices' })}</h2>
          <div class="outlets">
            <lobby-status kind="empty" .text=${NO_OUTLETS}></lobby-status>
          </div>
        </section>
      </main>
      <footer>
        <lobby-connection .state=${this.#online.state} @lobby-retry=${this.#retry}></lobby-connection>
      </footer>
    `;
  }

  #retry(): void {
    void this.#online.check();
  }
}

customElements.define('h5-app', H5App);

declare global {
  interface HTMLElementTagNameMap {
    'h5-app': H5App;
  }
}
