/**
 * `<display-app>`: the lobby's big screen (1920×1080, landscape), read from across the hall.
 * Nobody operates it, so it shows both languages at once and has no buttons. It shows ticket
 * numbers and counters only — never a name, an ID number or a phone number.
 *
 * Once paired it follows its outlet live (live-board-controller.ts): the calls now, the queues by
 * service group, the last calls, the notices; each call that comes in live is chimed and spoken
 * (voice-controller.ts). While the connection is down it keeps what it last knew under a banner
 * that says so, and catches up on reconnecting without announcing what it missed.
 */
import { LitElement, css, html, nothing } from 'lit';
import { ClockController, formatChineseDate, formatEnglishDate, formatTime } from '../ui/clock-controller.ts';
import '../ui/connection-status.ts';
import { DeviceController, storedDeviceToken } from '../ui/device-controller.ts';
import '../ui/device-screen.ts';
import { OnlineController } from '../ui/online-controller.ts';
import { callingNow, queuesByGroup } from '../ui/outlet-board.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';
import type { CallToAnnounce } from './announcer.ts';
import './calling-now.ts';
import { LiveBoardController } from './live-board-controller.ts';
import './notice-ticker.ts';
import './queue-board.ts';
import './recent-calls.ts';
import { VoiceController } from './voice-controller.ts';
import './voice-overlay.ts';

/** The next numbers shown per service group. */
const NEXT_PER_GROUP = 5;
/** How long a call that has just come in flashes. */
const FLASH_MS = 5_000;

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
        gap: 1.6vh;
        padding: 2vh 2vw;
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
        padding-bottom: 1.2vh;
        border-bottom: 0.3vh solid var(--lobby-muted);
      }
      h1 {
        margin: 0;
        font-size: 1.6em;
        line-height: 1.1;
      }
      .en {
        margin: 0;
        color: var(--lobby-muted);
        font-size: 0.6em;
        font-weight: normal;
      }
      h1 .en {
        margin-inline-start: 0.6em;
        font-size: 0.5em;
      }
      .outlet {
        margin: 0.2em 0 0;
        font-size: 1.2em;
        font-weight: 700;
      }
      .outlet .en {
        margin-inline-start: 0.6em;
      }
      .clock {
        text-align: end;
      }
      .time {
        display: block;
        font-size: 2.6em;
        font-weight: 700;
        line-height: 1;
        font-variant-numeric: tabular-nums;
      }
      .date {
        margin: 0.3em 0 0;
        font-size: 0.95em;
      }
      .date .en {
        margin-inline-start: 0.6em;
        font-size: 0.75em;
      }
      main {
        display: grid;
        min-height: 0;
      }
      .board {
        display: grid;
        grid-template-columns: 1fr 1.15fr;
        grid-template-rows: minmax(0, 1fr) auto;
        gap: 1.6vh 1.2vw;
        min-height: 0;
      }
      display-recent-calls {
        grid-column: 1 / -1;
      }
      .waiting-board {
        display: grid;
        place-items: center;
        border-radius: 1.5vh;
        background: var(--lobby-surface);
        font-size: 1.6em;
      }
      .device {
        border-radius: 1.5vh;
        background: var(--lobby-surface);
        /* Someone setting the screen up may need the pointer for "pair again". */
        cursor: auto;
      }
      footer {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        align-items: center;
        gap: 1vw;
        font-size: 0.9em;
      }
      footer lobby-connection,
      footer lobby-status {
        font-size: 0.8em;
      }
      .stale {
        position: absolute;
        inset: 0 0 auto;
        z-index: 5;
        margin: 0;
        padding: 1.2vh 2vw;
        font-size: 1.4em;
        font-weight: 700;
        text-align: center;
        color: #3b0008;
        background: var(--lobby-danger);
        animation: pulse 2s ease-in-out infinite alternate;
      }
      .stale .en {
        margin-inline-start: 0.8em;
        color: inherit;
      }
      @keyframes pulse {
        to {
          background: #ff8a8a;
        }
      }
      .toast {
        position: absolute;
        right: 2vw;
        bottom: 12vh;
        z-index: 6;
        margin: 0;
        padding: 1vh 1.5vw;
        border-radius: 1vh;
        font-size: 1.2em;
        color: var(--lobby-bg);
        background: var(--lobby-text);
      }
      .toast .en {
        margin-inline-start: 0.6em;
        color: inherit;
      }
    `,
  ];

  readonly #clock = new ClockController(this);
  readonly #online = new OnlineController(this);
  readonly #device = new DeviceController(this, { kind: 'display' });
  readonly #voice = new VoiceController(this);
  readonly #live = new LiveBoardController(this, { onCall: (call) => this.#onCall(call) });
  /** The call that has just come in, flashing. */
  #flashSeq: number | undefined;
  #flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on each reconnection, so the notices are fetched again. */
  #connections = 0;
  #wasLive = false;

  override willUpdate(): void {
    const state = this.#device.state;
    const token = storedDeviceToken();
    this.#live.follow(state.phase === 'active' && token ? { token, outletId: state.device.outletId } : undefined);
    const live = this.#live.live === 'live';
    if (live && !this.#wasLive) this.#connections++;
    this.#wasLive = live;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#flashTimer);
  }

  override render() {
    const now = this.#clock.now;
    const state = this.#device.state;
    const active = state.phase === 'active' ? state.device : undefined;
    const board = this.#live.board;
    const outletName = board?.outletName ?? active?.outletName;
    // Never a blank or signed-out screen: the last state stays, with a banner while reconnecting.
    const stale = active !== undefined && (this.#device.offline || this.#live.live === 'lost' || this.#live.live === 'refused');
    return html`
      ${stale ? this.#staleBanner() : nothing}
      <header>
        <div>
          <h1>叫号大屏<span class="en" lang="en">Lobby Display</span></h1>
          ${active && outletName
            ? html`<p class="outlet">${outletName.zh}<span class="en" lang="en">${outletName.en}</span></p>`
            : nothing}
        </div>
        <div class="clock">
          <time class="time" datetime=${now.toISOString()}>${formatTime(now)}</time>
          <p class="date">${formatChineseDate(now)}<span class="en" lang="en">${formatEnglishDate(now)}</span></p>
        </div>
      </header>
      <main aria-busy=${active && !board ? 'true' : 'false'}>
        ${active
          ? board
            ? html`
                <div class="board">
                  <display-calling .calls=${callingNow(board)} .flashSeq=${this.#flashSeq}></display-calling>
                  <display-queues .groups=${queuesByGroup(board, NEXT_PER_GROUP)}></display-queues>
                  <display-recent-calls .calls=${board.recentCalls}></display-recent-calls>
                </div>
              `
            : html`<div class="waiting-board"><lobby-status kind="loading" bilingual .text=${{ zh: '正在获取排队信息……', en: 'Loading the queue…' }}></lobby-status></div>`
          : html`<lobby-device-screen class="device" .state=${state} @lobby-pair-again=${this.#pairAgain}></lobby-device-screen>`}
      </main>
      <footer>
        ${active ? html`<display-notice-ticker outletId=${active.outletId} .refresh=${this.#connections}></display-notice-ticker>` : html`<span></span>`}
        ${stale
          ? html`<lobby-status kind="offline" bilingual></lobby-status>`
          : html`<lobby-connection unattended .state=${this.#online.state}></lobby-connection>`}
      </footer>
      ${this.#voice.toast ? html`<p class="toast" role="status">${this.#voice.toast.zh}<span class="en" lang="en">${this.#voice.toast.en}</span></p>` : nothing}
      ${active && this.#voice.needsGesture ? html`<display-voice-overlay></display-voice-overlay>` : nothing}
    `;
  }

  #staleBanner() {
    const refusal = this.#live.live === 'refused' ? this.#live.refusal : undefined;
    return html`
      <p class="stale" role="alert">
        连接中断，正在重连<span class="en" lang="en">Connection lost, reconnecting</span>
        ${refusal ? html`<span class="en">（${refusal}）</span>` : nothing}
      </p>
    `;
  }

  #onCall(call: CallToAnnounce): void {
    this.#voice.announce(call);
    this.#flashSeq = call.callSeq;
    clearTimeout(this.#flashTimer);
    this.#flashTimer = setTimeout(() => {
      this.#flashSeq = undefined;
      this.requestUpdate();
    }, FLASH_MS);
    this.requestUpdate();
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
