/**
 * `<display-calling>`: the tickets called now and their counters, the latest call first and largest.
 * A call that has just come in flashes for a few seconds (`flashSeq`), so eyes find it.
 */
import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { QueuedPublicTicket } from '../common/events.ts';
import { theme } from '../ui/theme.ts';
import { greenBadge, panelStyles } from './display-styles.ts';

/** More would not be legible from across the hall; the recent calls list the rest. */
const SHOWN = 5;

export class DisplayCalling extends LitElement {
  static override properties = {
    calls: { attribute: false },
    flashSeq: { attribute: false },
  };

  static override styles = [
    theme,
    panelStyles,
    css`
      .calls {
        flex: 1;
        display: grid;
        grid-auto-rows: min-content;
        gap: 1.2vh;
        min-height: 0;
        margin: 0;
        padding: 0.6vh 1.6vw 1.6vh;
        list-style: none;
      }
      .call {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 1vw;
        padding: 0.6vh 1.2vw;
        border-radius: 1vh;
        background: rgb(255 255 255 / 0.06);
        font-size: 2.3em;
        line-height: 1.15;
      }
      .call.latest {
        display: grid;
        justify-content: stretch;
        justify-items: center;
        gap: 0.4vh;
        padding: 2vh 1.2vw;
        border: 0.5vh solid var(--lobby-accent);
        font-size: 1em;
        text-align: center;
      }
      .latest .number {
        font-size: 7em;
        line-height: 1;
        color: var(--lobby-accent);
      }
      .latest .counter {
        font-size: 2.6em;
      }
      .counter {
        font-weight: 700;
        white-space: nowrap;
      }
      .counter .en {
        margin-inline-start: 0.4em;
      }
      .latest .counter .en {
        display: block;
        margin: 0;
        font-size: 0.45em;
      }
      .flash {
        animation: flash 0.8s ease-in-out 6 alternate;
      }
      @keyframes flash {
        from {
          background: rgb(255 212 0 / 0.05);
        }
        to {
          background: rgb(255 212 0 / 0.4);
        }
      }
    `,
  ];

  declare calls: QueuedPublicTicket[];
  /** The `callSeq` of a call that has just come in, if it is still to be flashed. */
  declare flashSeq: number | undefined;

  constructor() {
    super();
    this.calls = [];
    this.flashSeq = undefined;
  }

  override render() {
    const shown = this.calls.slice(0, SHOWN);
    return html`
      <section class="panel" aria-labelledby="calling">
        <h2 id="calling">正在呼叫<span class="en" lang="en">Now calling</span></h2>
        ${shown.length === 0
          ? html`<p class="empty">暂无呼叫<span class="en" lang="en"> · No one is being called</span></p>`
          : html`
              <ol class="calls" aria-live="polite">
                ${repeat(shown, (call) => `${call.id}:${call.callSeq}`, (call, index) => this.#call(call, index === 0))}
              </ol>
            `}
      </section>
    `;
  }

  #call(call: QueuedPublicTicket, latest: boolean) {
    const flash = call.callSeq !== null && call.callSeq !== undefined && call.callSeq === this.flashSeq;
    return html`
      <li class="call ${latest ? 'latest' : ''} ${flash ? 'flash' : ''}" data-number=${call.number} data-counter=${call.counterNumber ?? ''}>
        <span class="number">${call.number} ${greenBadge(call.green)}</span>
        <span class="counter">请到 ${call.counterNumber} 号窗口<span class="en" lang="en">Counter ${call.counterNumber}</span></span>
      </li>
    `;
  }
}

customElements.define('display-calling', DisplayCalling);

declare global {
  interface HTMLElementTagNameMap {
    'display-calling': DisplayCalling;
  }
}
