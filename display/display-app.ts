/**
 * `<display-app>`: the lobby's big screen (1920×1080, landscape), read from across the hall.
 * Nobody operates it, so it shows both languages at once and has no buttons. It shows ticket
 * numbers and counters only — never a name, an ID number or a phone number.
 */
import { LitElement, css, html, nothing } from 'lit';
import { ClockController, formatChineseDate, formatEnglishDate, formatTime } from '../ui/clock-controller.ts';
import '../ui/connection-status.ts';
import { DeviceController } from '../ui/device-controller.ts';
import '../ui/device-screen.ts';
import { OnlineController } from '../ui/online-controller.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';

const NOBODY_CALLED = { zh: '暂无呼叫', en: 'No one is being called' };

export class DisplayApp extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        --lobby-bg: #061e42;
        --lobby-surface: #0c2d5e;
        --lobby-text: #ffffff;
        --lobby-muted: #c8d5ea;
        --lobby-ok: #7fe0a6;
        --lobby-danger: #ffb4b4;
        --lobby-accent: #ffd400;

        position: fixed;
        inset: 0;
        display: grid;
        grid-template-rows: auto 1fr auto;
        gap: 3vh;
        padding: 3vh 3vw;
        /* Sized by the screen's height, so the layout holds on any 16:9 panel. */
        font-size: 2.8vh;
        line-height: 1.3;
        color: var(--lobby-text);
        background: var(--lobby-bg);
        cursor: none;
        overflow: hidden;
      }
      header {
        display: flex;
        align-items: flex-end;
        justify-content: space-between;
        gap: 2vw;
        padding-bottom: 2vh;
        border-bottom: 0.3vh solid var(--lobby-muted);
      }
      h1 {
        margin: 0;
        font-size: 2.2em;
        line-height: 1.1;
      }
      .en {
        margin: 0;
        color: var(--lobby-muted);
        font-size: 0.6em;
        font-weight: normal;
      }
      h1 .en {
        display: block;
        font-size: 0.45em;
      }
      .outlet {
        margin: 0.3em 0 0;
        font-size: 1.1em;
      }
      .outlet .en {
        margin-inline-start: 0.6em;
      }
      .clock {
        text-align: end;
      }
      .time {
        display: block;
        font-size: 3.4em;
        font-weight: 700;
        line-height: 1;
        font-variant-numeric: tabular-nums;
      }
      .date {
        margin: 0.3em 0 0;
        font-size: 1.1em;
      }
      .date .en {
        margin-inline-start: 0.6em;
        font-size: 0.75em;
      }
      main {
        display: grid;
        min-height: 0;
      }
      .calling {
        display: grid;
        grid-template-rows: auto 1fr;
        min-height: 0;
        border-radius: 1.5vh;
        background: var(--lobby-surface);
      }
      h2 {
        margin: 0;
        padding: 2vh 2vw;
        font-size: 2em;
        color: var(--lobby-accent);
      }
      h2 .en {
        margin-inline-start: 0.5em;
      }
      .calling lobby-status {
        align-self: center;
        font-size: 1.8em;
        color: var(--lobby-muted);
      }
      .device {
        border-radius: 1.5vh;
        background: var(--lobby-surface);
        /* Someone setting the screen up may need the pointer for "pair again". */
        cursor: auto;
      }
      footer {
        font-size: 0.9em;
      }
    `,
  ];

  readonly #clock = new ClockController(this);
  readonly #online = new OnlineController(this);
  readonly #device = new DeviceController(this, { kind: 'display' });

  override render() {
    const now = this.#clock.now;
    const state = this.#device.state;
    const active = state.phase === 'active' ? state.device : undefined;
    // Never a blank or signed-out screen: the last state stays, with a banner while reconnecting.
    const offline = this.#device.offline || (active !== undefined && this.#device.live === 'disconnected');
    return html`
      <header>
        <div>
          <h1>叫号大屏 <span class="en" lang="en">Lobby Display</span></h1>
          ${active
            ? html`<p class="outlet">${active.outletName.zh}<span class="en" lang="en">${active.outletName.en}</span></p>`
            : nothing}
        </div>
        <div class="clock">
          <time class="time" datetime=${now.toISOString()}>${formatTime(now)}</time>
          <p class="date">${formatChineseDate(now)}<span class="en" lang="en">${formatEnglishDate(now)}</span></p>
        </div>
      </header>
      <main>
        ${active
          ? html`
              <section class="calling" aria-labelledby="calling">
                <h2 id="calling">正在呼叫<span class="en" lang="en">Now calling</span></h2>
                <lobby-status kind="empty" bilingual .text=${NOBODY_CALLED}></lobby-status>
              </section>
            `
          : html`<lobby-device-screen class="device" .state=${state} @lobby-pair-again=${this.#pairAgain}></lobby-device-screen>`}
      </main>
      <footer>
        ${offline
          ? html`<lobby-status kind="offline" bilingual></lobby-status>`
          : html`<lobby-connection unattended .state=${this.#online.state}></lobby-connection>`}
      </footer>
    `;
  }

  #pairAgain(): void {
    this.#device.pairAgain();
  }
}

customElements.define('display-app', DisplayApp);

declare global {
  interface HTMLElementTagNameMap {
    'display-app': DisplayApp;
  }
}
