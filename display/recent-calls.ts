/**
 * `<display-recent-calls>`: the latest calls and recalls, newest first, on one line — for whoever
 * looked away when their number came up.
 */
import { LitElement, css, html } from 'lit';
import type { RecentCall } from '../common/events.ts';
import { theme } from '../ui/theme.ts';
import { greenBadge, panelStyles } from './display-styles.ts';

export class DisplayRecentCalls extends LitElement {
  static override properties = { calls: { attribute: false } };

  static override styles = [
    theme,
    panelStyles,
    css`
      .panel {
        flex-direction: row;
        align-items: center;
        gap: 1vw;
        padding: 1vh 1.6vw;
      }
      h2 {
        flex: none;
        padding: 0;
        font-size: 1.1em;
      }
      h2 .en {
        display: block;
        margin: 0;
      }
      ol {
        display: flex;
        gap: 0.8vw;
        min-width: 0;
        margin: 0;
        padding: 0;
        list-style: none;
        overflow: hidden;
        font-size: 1.25em;
        white-space: nowrap;
      }
      li {
        padding: 0.2em 0.6em;
        border-radius: 0.4em;
        background: rgb(255 255 255 / 0.08);
      }
      .counter {
        margin-inline-start: 0.4em;
        color: var(--lobby-muted);
      }
      .again {
        margin-inline-start: 0.3em;
        font-size: 0.7em;
        color: var(--lobby-accent);
      }
      .empty {
        margin: 0;
        padding: 0;
      }
    `,
  ];

  declare calls: RecentCall[];

  constructor() {
    super();
    this.calls = [];
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="recent">
        <h2 id="recent">最近呼叫<span class="en" lang="en">Last calls</span></h2>
        ${this.calls.length === 0
          ? html`<p class="empty">—</p>`
          : html`<ol>
              ${this.calls.map((call) => html`
                <li data-seq=${call.seq}>
                  <span class="number">${call.number}</span>${greenBadge(call.green)}<span class="counter">→ ${call.counterNumber} 号窗口</span>${call.type === 'recalled' ? html`<span class="again">重呼</span>` : ''}
                </li>
              `)}
            </ol>`}
      </section>
    `;
  }
}

customElements.define('display-recent-calls', DisplayRecentCalls);

declare global {
  interface HTMLElementTagNameMap {
    'display-recent-calls': DisplayRecentCalls;
  }
}
