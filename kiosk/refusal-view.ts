/**
 * `<kiosk-refusal>`: why no ticket was issued, in the server's own sentence (it names the outlet the
 * appointment is for, the time check-in opens, ...), both languages, and the ways on that fit: scan
 * the card again, type the number again, take a walk-in ticket, try again, or start over.
 * Sends `kiosk-action` with the chosen `RefusalAction`.
 */
import { LitElement, css, html, nothing } from 'lit';
import { failureText, type ApiFailure } from '../ui/api.ts';
import { LocaleController, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { both } from './bilingual.ts';
import { kioskStyles } from './kiosk-styles.ts';

export type RefusalAction = 'retry' | 'id' | 'appointment' | 'services' | 'walk-in' | 'home';

const ACTION_TEXT: Record<RefusalAction, Text> = {
  retry: { zh: '重试', en: 'Try again' },
  id: { zh: '重新刷身份证', en: 'Scan the ID card again' },
  appointment: { zh: '重新输入预约号', en: 'Enter the appointment again' },
  services: { zh: '重新选择业务', en: 'Choose another service' },
  'walk-in': { zh: '现场取号', en: 'Take a walk-in ticket' },
  home: { zh: '返回首页', en: 'Back to start' },
};

/** Nothing was issued, or the same ticket would come back: the server makes both requests idempotent. */
const SAFE_TO_RETRY: Text = { zh: '可以放心重试：同一预约或同一业务不会重复出号。', en: 'It is safe to try again: the same appointment or service never gets two tickets.' };

export class KioskRefusal extends LitElement {
  static override properties = {
    failure: { attribute: false },
    actions: { attribute: false },
    canRetry: { type: Boolean, attribute: 'can-retry' },
    busy: { type: Boolean },
  };

  static override styles = [
    theme,
    kioskStyles,
    css`
      :host {
        display: grid;
        justify-items: center;
        gap: 0.8em;
        width: min(36em, 100%);
        text-align: center;
      }
      .sentence {
        font-size: 1.4em;
        line-height: 1.35;
      }
      .sentence .other {
        margin-top: 0.4em;
      }
    `,
  ];

  declare failure: ApiFailure;
  declare actions: RefusalAction[];
  /** The server can be reached again: "try again" is offered. */
  declare canRetry: boolean;
  /** The retry is on its way. */
  declare busy: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.actions = ['home'];
    this.canRetry = true;
    this.busy = false;
  }

  override render() {
    const failure = this.failure;
    const uncertain = failure.kind !== 'server' || failure.status >= 500;
    return html`
      <div class="problem sentence" role="alert" data-code=${failure.kind === 'server' ? failure.error.code : failure.kind}>
        ${both(failureText(failure))}
      </div>
      ${failure.kind === 'server' && failure.status >= 500
        ? html`<p class="hint">${both({ zh: '问题编号', en: 'Reference' })} ${failure.error.requestId}</p>`
        : nothing}
      ${uncertain ? html`<p class="hint">${both(SAFE_TO_RETRY)}</p>` : nothing}
      <div class="actions">
        ${this.actions.map((action) => html`
          <button type="button" class="${action} ${action === 'home' ? '' : 'primary'}" data-action=${action}
            ?disabled=${this.busy || (action === 'retry' && !this.canRetry)}
            aria-busy=${this.busy && action === 'retry' ? 'true' : 'false'}
            @click=${() => this.#choose(action)}>
            ${this.busy && action === 'retry' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${both(ACTION_TEXT[action])}</button>`)}
      </div>
    `;
  }

  #choose(action: RefusalAction): void {
    this.dispatchEvent(new CustomEvent<RefusalAction>('kiosk-action', { detail: action, bubbles: true, composed: true }));
  }
}

customElements.define('kiosk-refusal', KioskRefusal);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-refusal': KioskRefusal;
  }
}
