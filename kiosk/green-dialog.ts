/**
 * `<kiosk-green-dialog>`: a lobby guide moves a ticket to the green channel (disability, active
 * service, pregnancy; age 70+ needs nobody, the ID number decides it). The guide picks the reason
 * and types their staff code on the keypad, shown as dots: the person beside them must not learn
 * it. Sends `kiosk-green-confirm` with `{ reason, staffCode }` and `kiosk-green-cancel`; the app
 * makes the request and passes back `busy` and any `failure` (a wrong code empties the field).
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { GREEN_REASON_TEXT, STAFF_GREEN_REASONS, type KioskGreenRequest } from '../common/kiosk.ts';
import { failureText, type ApiFailure } from '../ui/api.ts';
import { LocaleController } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { both } from './bilingual.ts';
import { applyKey, type KeypadKey } from './keypad.ts';
import './keypad.ts';
import { kioskStyles } from './kiosk-styles.ts';

type StaffReason = KioskGreenRequest['reason'];

const MIN_CODE = 4;
const MAX_CODE = 12;

export class KioskGreenDialog extends LitElement {
  static override properties = {
    ticketNumber: { attribute: 'ticket-number' },
    busy: { type: Boolean },
    failure: { attribute: false },
    reason: { state: true },
    code: { state: true },
  };

  static override styles = [
    theme,
    kioskStyles,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 10;
        display: grid;
        place-items: center;
        padding: 1em;
        background: rgb(0 0 0 / 0.6);
      }
      .dialog {
        display: grid;
        justify-items: center;
        gap: 0.6em;
        width: min(34em, 100%);
        max-height: 100%;
        overflow: auto;
        padding: 1em;
        border-radius: 12px;
        background: var(--lobby-bg);
        text-align: center;
      }
      .reasons {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 0.5em;
      }
      .reasons button[aria-pressed='true'] {
        color: var(--lobby-on-primary);
        background: var(--lobby-ok);
        border-color: var(--lobby-ok);
      }
      .code {
        min-width: 8em;
        min-height: 1.6em;
        padding: 0.2em 0.6em;
        border: 3px solid var(--lobby-border);
        border-radius: 8px;
        font-size: 1.6em;
        letter-spacing: 0.2em;
      }
    `,
  ];

  declare ticketNumber: string;
  declare busy: boolean;
  declare failure: ApiFailure | undefined;
  declare reason: StaffReason | undefined;
  declare code: string;

  constructor() {
    super();
    new LocaleController(this);
    this.busy = false;
    this.code = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Refused (a wrong code, most likely): the guide types it again from empty.
    if (changed.has('failure') && this.failure) this.code = '';
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('.reasons button')?.focus();
  }

  override render() {
    const ready = this.reason !== undefined && this.code.length >= MIN_CODE;
    return html`
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="green-title">
        <h2 id="green-title">${both({ zh: `绿色通道 · ${this.ticketNumber}`, en: `Green channel · ${this.ticketNumber}` })}</h2>
        <p class="hint">${both({ zh: '请引导员确认原因并输入员工码', en: 'A guide confirms the reason and enters their staff code' })}</p>
        <div class="reasons" role="group" aria-label="原因 Reason">
          ${STAFF_GREEN_REASONS.map((reason) => html`
            <button type="button" data-reason=${reason} aria-pressed=${this.reason === reason ? 'true' : 'false'} ?disabled=${this.busy}
              @click=${() => { this.reason = reason; }}>${both(GREEN_REASON_TEXT[reason])}</button>`)}
        </div>
        <output class="code" aria-label="员工码 Staff code">${'●'.repeat(this.code.length)}</output>
        ${this.failure ? html`<p class="problem" role="alert">${both(failureText(this.failure))}</p>` : nothing}
        <kiosk-keypad ?disabled=${this.busy} @kiosk-key=${this.#onKey}></kiosk-keypad>
        <div class="actions">
          <button type="button" class="cancel" ?disabled=${this.busy} @click=${this.#cancel}>${both({ zh: '取消', en: 'Cancel' })}</button>
          <button type="button" class="primary confirm" ?disabled=${!ready || this.busy} aria-busy=${this.busy ? 'true' : 'false'}
            @click=${this.#confirm}>
            ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${both({ zh: '确认', en: 'Confirm' })}
          </button>
        </div>
      </div>
    `;
  }

  readonly #onKey = (event: CustomEvent<KeypadKey>): void => {
    event.stopPropagation();
    if (event.detail === 'X') return;
    this.code = applyKey(this.code, event.detail, MAX_CODE);
  };

  #confirm(): void {
    if (!this.reason || this.code.length < MIN_CODE || this.busy) return;
    const detail: KioskGreenRequest = { reason: this.reason, staffCode: this.code };
    this.dispatchEvent(new CustomEvent<KioskGreenRequest>('kiosk-green-confirm', { detail, bubbles: true, composed: true }));
  }

  #cancel(): void {
    this.code = '';
    this.dispatchEvent(new CustomEvent('kiosk-green-cancel', { bubbles: true, composed: true }));
  }
}

customElements.define('kiosk-green-dialog', KioskGreenDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-green-dialog': KioskGreenDialog;
  }
}
