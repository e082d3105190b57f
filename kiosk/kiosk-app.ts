/**
 * `<kiosk-app>`: the self-service ticket machine in the lobby, a touch screen used standing up,
 * often by people who rarely use one: large type, high contrast, big targets. Until it is paired
 * with an outlet it shows its pairing code instead (see ui/device-controller.ts).
 */
import { LitElement, css, html, nothing } from 'lit';
import '../ui/connection-status.ts';
import { DeviceController } from '../ui/device-controller.ts';
import '../ui/device-screen.ts';
import { LocaleController, locale, t } from '../ui/i18n.ts';
import '../ui/locale-switch.ts';
import { OnlineController } from '../ui/online-controller.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';

const START = { zh: '请刷身份证或输入预约号', en: 'Scan your ID card or enter your appointment number' };

export class KioskApp extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        --lobby-touch: 64px;
        --lobby-text: #000000;

        position: fixed;
        inset: 0;
        display: grid;
        grid-template-rows: auto 1fr auto;
        font-size: max(24px, 3vmin);
        color: var(--lobby-text);
        background: var(--lobby-bg);
        user-select: none;
        -webkit-user-select: none;
        -webkit-tap-highlight-color: transparent;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1em;
        padding: 0.6em 1em;
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
      }
      h1 {
        margin: 0;
        font-size: 1.5em;
        line-height: 1.2;
      }
      .outlet {
        margin: 0.2em 0 0;
        font-size: 0.8em;
      }
      .en {
        display: block;
        font-size: 0.55em;
        font-weight: normal;
      }
      main {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 0.5em;
        padding: 1em;
        text-align: center;
      }
      .prompt {
        margin: 0;
        font-size: 2em;
        font-weight: 700;
        line-height: 1.3;
      }
      .prompt-other {
        margin: 0;
        font-size: 1em;
        color: var(--lobby-muted);
      }
      footer {
        padding: 0.5em 1em;
        border-top: 2px solid var(--lobby-border);
      }
    `,
  ];

  readonly #online = new OnlineController(this);
  readonly #device = new DeviceController(this, { kind: 'kiosk' });

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const state = this.#device.state;
    const active = state.phase === 'active' ? state.device : undefined;
    // Requests are being retried, or the live connection is down: say so, keep everything else.
    const offline = this.#device.offline || (active !== undefined && this.#device.live === 'disconnected');
    return html`
      <header>
        <div>
          <h1>自助取号 <span class="en" lang="en">Lobby Kiosk</span></h1>
          ${active ? html`<p class="outlet">${t(active.outletName)}</p>` : nothing}
        </div>
        <lobby-locale-switch></lobby-locale-switch>
      </header>
      <main>
        ${state.phase === 'active'
          ? this.#renderStart()
          : html`<lobby-device-screen .state=${state} @lobby-pair-again=${this.#pairAgain}></lobby-device-screen>`}
      </main>
      <footer>
        ${offline
          ? html`<lobby-status kind="offline" bilingual></lobby-status>`
          : html`<lobby-connection .state=${this.#online.state} @lobby-retry=${this.#retry}></lobby-connection>`}
      </footer>
    `;
  }

  #renderStart() {
    // The other language stays visible under the prompt, for whoever cannot read the first.
    const [first, other] = locale() === 'en' ? [START.en, START.zh] : [START.zh, START.en];
    return html`
      <p class="prompt">${first}</p>
      <p class="prompt-other" lang=${locale() === 'en' ? 'zh-CN' : 'en'}>${other}</p>
    `;
  }

  #pairAgain(): void {
    this.#device.pairAgain();
  }

  #retry(): void {
    void this.#online.check();
  }
}

customElements.define('kiosk-app', KioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
