/**
 * `<h5-ticket-follow>`: the page a ticket's QR code opens on a phone (`#/ticket/<token>`), public by
 * the token — no WeChat sign-in. The number, large; the service (and the step of a journey); where
 * it stands, in words: people ahead and the estimated wait while waiting, the counter when called
 * (with a beep and a vibration), what to do when missed, and the rating once finished. Live: see
 * follow-controller.ts. Without a connection it keeps what it last knew and says so.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { FollowView } from '../common/follow.ts';
import { AudioCue } from '../ui/audio-cue.ts';
import { LocaleController, locale, t, type Text } from '../ui/i18n.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';
import { FollowController } from './follow-controller.ts';
import './follow-rating.ts';
import { h5Styles } from './h5-styles.ts';

const STATUS_TEXT: Record<FollowView['status'], Text> = {
  waiting: { zh: '排队等候中', en: 'Waiting' },
  called: { zh: '正在叫您的号', en: 'You are being called' },
  serving: { zh: '正在办理', en: 'Being served' },
  finished: { zh: '已办结', en: 'Finished' },
  missed: { zh: '已过号', en: 'Missed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

const NOT_FOUND: Text = { zh: '没有找到该排队号', en: 'This ticket was not found' };
const NOT_FOUND_HELP: Text = {
  zh: '请核对扫描的二维码是否为今天的排队小票；如有疑问，请到大厅咨询台询问。',
  en: "Check that the QR code is from today's ticket; if in doubt, ask at the lobby's information desk.",
};
const VIBRATION = [400, 150, 400, 150, 800];

export class H5TicketFollow extends LitElement {
  static override properties = {
    token: {},
    soundOn: { state: true },
    ratedHere: { state: true },
  };

  static override styles = [
    theme,
    h5Styles,
    css`
      .ticket {
        display: grid;
        justify-items: center;
        gap: 0.25rem;
        padding: 1rem;
        border-radius: 8px;
        text-align: center;
        background: var(--lobby-surface);
      }
      .label {
        color: var(--lobby-muted);
        font-size: 0.9375rem;
      }
      .number {
        font-size: 3.5rem;
        font-weight: 800;
        line-height: 1.1;
        letter-spacing: 0.06em;
        font-variant-numeric: tabular-nums;
      }
      .green {
        display: inline-block;
        padding: 0.1em 0.6em;
        border-radius: 4px;
        font-weight: 700;
        color: #fff;
        background: var(--lobby-ok);
      }
      .status {
        display: grid;
        gap: 0.5rem;
        padding: 1rem;
        border-radius: 8px;
        border-left: 6px solid var(--lobby-primary);
        background: var(--lobby-surface);
      }
      .status h2 {
        font-size: 1.375rem;
      }
      .figures {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.75rem;
      }
      .figure {
        display: grid;
        gap: 0.125rem;
        padding: 0.75rem;
        border-radius: 8px;
        text-align: center;
        background: var(--lobby-bg);
      }
      .figure strong {
        font-size: 2rem;
        line-height: 1.1;
        font-variant-numeric: tabular-nums;
      }
      .called {
        border-left: 0;
        text-align: center;
        color: var(--lobby-on-primary);
        background: var(--lobby-ok);
        animation: attention 1s ease-in-out 5 alternate;
      }
      .called .go {
        font-size: 2rem;
        font-weight: 800;
        line-height: 1.2;
      }
      .called .en {
        font-size: 1rem;
      }
      .missed {
        border-left-color: var(--lobby-danger);
      }
      .missed h2 {
        color: var(--lobby-danger);
      }
      .finished {
        border-left-color: var(--lobby-ok);
      }
      @keyframes attention {
        to {
          transform: scale(1.03);
        }
      }
      .live {
        font-size: 0.875rem;
        color: var(--lobby-muted);
        text-align: center;
      }
    `,
  ];

  declare token: string;
  /** The page may make sound (the phone's browser lets it after a tap). */
  declare soundOn: boolean;
  /** Rated from this page just now: thanks, whatever the next fetch says. */
  declare ratedHere: boolean;

  readonly #cue = new AudioCue();
  readonly #follow = new FollowController(this, { onCalled: (view) => this.#alert(view) });

  constructor() {
    super();
    new LocaleController(this);
    this.token = '';
    this.soundOn = false;
    this.ratedHere = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.soundOn = this.#cue.allowed;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cue.close();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token')) {
      this.ratedHere = false;
      this.#follow.follow(this.token);
    }
  }

  override render() {
    const load = this.#follow.load;
    switch (load.status) {
      case 'loading':
        return html`<lobby-status kind="loading"></lobby-status>`;
      case 'not-found':
        return html`
          <section class="status missed" role="alert">
            <h2>${t(NOT_FOUND)}</h2>
            <p>${t(NOT_FOUND_HELP)}</p>
          </section>
        `;
      case 'failed':
        return html`<lobby-status .failure=${load.failure} retryable @lobby-retry=${this.#retry}></lobby-status>`;
      case 'ready':
        return html`
          ${this.#follow.live === 'lost' || load.failure ? html`<lobby-status kind="offline"></lobby-status>` : nothing}
          ${this.#ticket(load.view)}
          ${this.#status(load.view)}
          ${this.#footer(load.view)}
        `;
    }
  }

  #ticket(view: FollowView) {
    return html`
      <section class="ticket" aria-label=${t({ zh: '您的排队号', en: 'Your ticket' })}>
        <span class="label">${t(view.outlet)}</span>
        <span class="label">${t({ zh: '您的排队号', en: 'Your number' })}</span>
        <span class="number" data-number=${view.number}>${view.number}</span>
        ${view.green ? html`<span class="green">${t({ zh: '绿色通道', en: 'Green channel' })}</span>` : nothing}
        <span>${t(view.service)}</span>
        ${view.steps > 1
          ? html`<span class="label">${t({ zh: `第 ${view.step} 步，共 ${view.steps} 步`, en: `Step ${view.step} of ${view.steps}` })}</span>`
          : nothing}
      </section>
    `;
  }

  #status(view: FollowView) {
    switch (view.status) {
      case 'waiting':
        return html`
          <section class="status" aria-live="polite">
            <h2>${t(STATUS_TEXT.waiting)}</h2>
            <div class="figures">
              <p class="figure">
                <span>${t({ zh: '前面还有', en: 'Ahead of you' })}</span>
                <strong data-ahead=${view.peopleAhead}>${view.peopleAhead}</strong>
                <span>${t({ zh: '人', en: view.peopleAhead === 1 ? 'person' : 'people' })}</span>
              </p>
              <p class="figure">
                <span>${t({ zh: '预计等候', en: 'Estimated wait' })}</span>
                <strong>${view.estimatedWaitMinutes}</strong>
                <span>${t({ zh: '分钟', en: 'minutes' })}</span>
              </p>
            </div>
            <p>${view.peopleAhead === 0
              ? t({ zh: '下一位就是您，请留意叫号。', en: 'You are next: listen for your number.' })
              : t({ zh: '请在大厅留意叫号，本页面会自动更新。', en: 'Stay in the lobby and listen for your number; this page updates by itself.' })}</p>
            ${this.soundOn ? nothing : html`
              <button type="button" @click=${this.#enableSound}>${t({ zh: '开启叫号提醒音', en: 'Turn on the call alert' })}</button>
            `}
          </section>
        `;
      case 'called':
        return html`
          <section class="status called" role="alert">
            <p class="go">${t({ zh: `请到 ${view.counterNumber} 号窗口办理`, en: `Please go to counter ${view.counterNumber}` })}</p>
            <p class="en">${t({ zh: `正在叫 ${view.number} 号`, en: `Number ${view.number} is being called` })}</p>
            ${locale() === 'zh-CN' ? html`<p class="en" lang="en">Please go to counter ${view.counterNumber}</p>` : nothing}
          </section>
        `;
      case 'serving':
        return html`
          <section class="status">
            <h2>${t(STATUS_TEXT.serving)}</h2>
            <p>${t({ zh: `您正在 ${view.counterNumber} 号窗口办理业务。`, en: `You are being served at counter ${view.counterNumber}.` })}</p>
          </section>
        `;
      case 'missed':
        return html`
          <section class="status missed" role="alert">
            <h2>${t(STATUS_TEXT.missed)}</h2>
            <p>${t({
              zh: '叫号时您未到窗口。请尽快到大厅咨询台说明情况，工作人员可为您重新排队一次。',
              en: 'Your number was called but you did not come. Go to the information desk soon: staff can put you back in the queue once.',
            })}</p>
          </section>
        `;
      case 'finished':
        return html`
          <section class="status finished">
            <h2>${t(STATUS_TEXT.finished)}</h2>
            ${view.rated || this.ratedHere
              ? html`<p role="status">${t({ zh: '感谢您的评价！', en: 'Thank you for your rating!' })}</p>`
              : view.canRate
                ? html`
                    <p>${t({ zh: '业务已办结，欢迎您对本次服务进行评价。', en: 'Your business is done. Please rate the service.' })}</p>
                  `
                : html`<p>${t({ zh: '业务已办结，谢谢。', en: 'Your business is done. Thank you.' })}</p>`}
          </section>
          ${view.canRate && !view.rated && !this.ratedHere
            ? html`<h5-follow-rating .token=${this.token} @h5-rated=${this.#rated}></h5-follow-rating>`
            : nothing}
        `;
      case 'cancelled':
        return html`
          <section class="status missed">
            <h2>${t(STATUS_TEXT.cancelled)}</h2>
            <p>${t({ zh: '该排队号已取消。如需办理，请到取号机重新取号。', en: 'This ticket was cancelled. Take a new one at the kiosk to be served.' })}</p>
          </section>
        `;
    }
  }

  #footer(view: FollowView) {
    if (view.status === 'finished' || view.status === 'cancelled') return nothing;
    return html`<p class="live">${this.#follow.live === 'live'
      ? t({ zh: '● 实时更新中', en: '● Updating live' })
      : t({ zh: '正在连接……', en: 'Connecting…' })}</p>`;
  }

  async #enableSound(): Promise<void> {
    this.soundOn = await this.#cue.unlock();
    // A short confirmation, so people know what the alert sounds like.
    if (this.soundOn) void this.#cue.play('alert', 0.6);
  }

  #alert(_view: FollowView): void {
    void this.#cue.play('alert', 1);
    if (typeof navigator.vibrate === 'function') navigator.vibrate(VIBRATION);
  }

  #retry(): void {
    void this.#follow.refresh();
  }

  #rated(): void {
    this.ratedHere = true;
    void this.#follow.refresh();
  }
}

customElements.define('h5-ticket-follow', H5TicketFollow);

declare global {
  interface HTMLElementTagNameMap {
    'h5-ticket-follow': H5TicketFollow;
  }
}
