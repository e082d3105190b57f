/**
 * `<display-notice-ticker>`: the outlet's published notices (and those for every outlet) running
 * along the bottom of the screen. Notices change rarely and are not part of the live queue, so they
 * are fetched on start, whenever `refresh` changes (the display bumps it on reconnecting) and every
 * few minutes — the server lets them be cached for a minute.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { apiRequest } from '../ui/api.ts';
import { parseTickerNotices, type TickerNotice } from '../ui/device-payloads.ts';
import { theme } from '../ui/theme.ts';

const REFRESH_MS = 10 * 60_000;
/** Longer bodies are cut: the whole notice is on the H5 page. */
const BODY_CHARS = 140;
/** Scrolling speed, in characters a second: slow enough to read from afar. */
const CHARS_PER_SECOND = 6;

const KIND_TEXT: Record<TickerNotice['kind'], string> = { info: '通知', hours_change: '办公时间调整', closure: '暂停办公' };

export class DisplayNoticeTicker extends LitElement {
  static override properties = {
    outletId: {},
    refresh: { type: Number },
    notices: { state: true },
  };

  static override styles = [
    theme,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .ticker {
        display: flex;
        align-items: center;
        gap: 1vw;
        overflow: hidden;
        border-radius: 1vh;
        background: var(--lobby-surface);
      }
      .label {
        flex: none;
        padding: 0.6vh 1vw;
        font-weight: 700;
        color: var(--lobby-bg);
        background: var(--lobby-accent);
      }
      .track {
        flex: 1;
        overflow: hidden;
        white-space: nowrap;
      }
      .text {
        display: inline-block;
        padding-inline-start: 100%;
        animation: scroll var(--duration, 60s) linear infinite;
      }
      .item + .item::before {
        content: '　◆　';
        color: var(--lobby-accent);
      }
      .kind {
        color: var(--lobby-accent);
      }
      .en {
        color: var(--lobby-muted);
      }
      @keyframes scroll {
        to {
          transform: translateX(-100%);
        }
      }
    `,
  ];

  declare outletId: string;
  /** Changing it fetches the notices again. */
  declare refresh: number;
  declare notices: TickerNotice[];

  #timer: ReturnType<typeof setInterval> | undefined;
  #generation = 0;

  constructor() {
    super();
    this.outletId = '';
    this.refresh = 0;
    this.notices = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => void this.#load(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
    this.#generation++;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('outletId') || changed.has('refresh')) void this.#load();
  }

  override render() {
    if (this.notices.length === 0) return nothing;
    return html`
      <div class="ticker" role="marquee" aria-label="通知公告 Notices">
        <span class="label">通知公告 <span lang="en">Notices</span></span>
        <div class="track">
          <span class="text">${this.notices.map((notice) => html`
            <span class="item">
              <span class="kind">【${KIND_TEXT[notice.kind]}】</span>${notice.title.zh}：${clip(notice.body.zh)}
              ${notice.title.en ? html`<span class="en" lang="en">${notice.title.en}</span>` : nothing}
            </span>
          `)}</span>
        </div>
      </div>
    `;
  }

  override updated(): void {
    // Through the CSSOM: the page's content security policy forbids style attributes.
    const text = this.renderRoot.querySelector<HTMLElement>('.text');
    if (!text) return;
    const chars = this.notices.reduce((sum, n) => sum + n.title.zh.length + Math.min(n.body.zh.length, BODY_CHARS) + n.title.en.length + 8, 0);
    text.style.setProperty('--duration', `${Math.max(20, Math.round(chars / CHARS_PER_SECOND))}s`);
  }

  async #load(): Promise<void> {
    if (!this.outletId) return;
    const generation = ++this.#generation;
    const result = await apiRequest(`/api/notices?outletId=${encodeURIComponent(this.outletId)}`, {
      parse: parseTickerNotices,
      credentials: 'omit',
    });
    // A failed fetch keeps what is shown; the next refresh tries again.
    if (generation !== this.#generation || !result.ok) return;
    this.notices = result.data.notices;
  }
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > BODY_CHARS ? `${line.slice(0, BODY_CHARS)}…` : line;
}

customElements.define('display-notice-ticker', DisplayNoticeTicker);

declare global {
  interface HTMLElementTagNameMap {
    'display-notice-ticker': DisplayNoticeTicker;
  }
}
