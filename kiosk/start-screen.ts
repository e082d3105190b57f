/**
 * `<kiosk-start>`: what the kiosk shows to whoever walks up — check in with an appointment, or take
 * a walk-in ticket (disabled, with the reason, where the outlet takes none now), and reprint the last
 * ticket when there is one. A card or voucher scanned here starts check-in straight away (the app
 * listens for the reader). Sends `kiosk-choose` with `check-in`, `walk-in` or `reprint`.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { WalkInOptions } from '../common/kiosk.ts';
import { failureText, type ApiFailure } from '../ui/api.ts';
import { LocaleController, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { both } from './bilingual.ts';
import { kioskStyles } from './kiosk-styles.ts';

export type StartChoice = 'check-in' | 'walk-in' | 'reprint';

export type WalkInState = { status: 'loading' } | { status: 'failed'; failure: ApiFailure } | { status: 'ready'; options: WalkInOptions };

const START: Text = { zh: '请刷身份证或输入预约号', en: 'Scan your ID card or enter your appointment number' };
const NO_WALK_INS: Text = { zh: '本办理点暂不提供现场取号', en: 'No walk-in tickets here just now' };

export class KioskStart extends LitElement {
  static override properties = {
    walkIns: { attribute: false },
    blocked: { attribute: false },
    canReprint: { type: Boolean, attribute: 'can-reprint' },
    busy: { type: Boolean },
  };

  static override styles = [
    theme,
    kioskStyles,
    css`
      :host {
        display: grid;
        justify-items: center;
        gap: 1em;
        width: min(40em, 100%);
        text-align: center;
      }
      .prompt {
        font-size: 1.9em;
        font-weight: 700;
        line-height: 1.3;
      }
      .choices {
        display: grid;
        gap: 0.8em;
        width: 100%;
      }
      button.choice {
        display: grid;
        gap: 0.2em;
        width: 100%;
        min-height: calc(var(--lobby-touch, 48px) * 2.2);
        padding: 0.6em 1em;
        font-size: 1.35em;
      }
      .why {
        font-size: 0.6em;
        font-weight: 700;
        color: var(--lobby-danger);
      }
    `,
  ];

  declare walkIns: WalkInState;
  /** Why nothing can be issued now (offline): every choice is disabled and this is said. */
  declare blocked: Text | undefined;
  declare canReprint: boolean;
  /** The reprint is being fetched. */
  declare busy: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.walkIns = { status: 'loading' };
    this.canReprint = false;
    this.busy = false;
  }

  override render() {
    const blocked = this.blocked !== undefined || this.busy;
    const walkInWhy = this.#walkInWhy();
    return html`
      <p class="prompt">${both(START)}</p>
      ${this.blocked ? html`<p class="problem blocked" role="alert">${both(this.blocked)}</p>` : nothing}
      <div class="choices">
        <button type="button" class="choice primary check-in" ?disabled=${blocked} @click=${() => this.#choose('check-in')}>
          ${both({ zh: '有预约 · 签到取号', en: 'I have an appointment' })}
        </button>
        <button type="button" class="choice walk-in" ?disabled=${blocked || walkInWhy !== undefined}
          aria-describedby=${walkInWhy ? 'walk-in-why' : nothing} @click=${() => this.#choose('walk-in')}>
          ${both({ zh: '现场取号', en: 'Walk-in ticket' })}
          ${walkInWhy && !this.blocked ? html`<span class="why" id="walk-in-why">${both(walkInWhy)}</span>` : nothing}
        </button>
        ${this.canReprint
          ? html`<button type="button" class="reprint" ?disabled=${blocked} aria-busy=${this.busy ? 'true' : 'false'}
              @click=${() => this.#choose('reprint')}>
              ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
              ${both({ zh: '重打上一张', en: 'Reprint last ticket' })}</button>`
          : nothing}
      </div>
    `;
  }

  /** Why walk-ins cannot be taken now, or undefined when they can. */
  #walkInWhy(): Text | undefined {
    const state = this.walkIns;
    switch (state.status) {
      case 'loading':
        return { zh: '正在查询……', en: 'Checking…' };
      case 'failed':
        return failureText(state.failure);
      case 'ready':
        return state.options.walkInsAllowed ? undefined : (state.options.reason ?? NO_WALK_INS);
    }
  }

  #choose(choice: StartChoice): void {
    this.dispatchEvent(new CustomEvent<StartChoice>('kiosk-choose', { detail: choice, bubbles: true, composed: true }));
  }
}

customElements.define('kiosk-start', KioskStart);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-start': KioskStart;
  }
}
