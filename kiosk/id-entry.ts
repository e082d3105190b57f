/**
 * `<kiosk-id-entry>`: asks for the ID card. A reader types the number (the app hands it over with
 * `take()`); without one, the on-screen keypad does, into a field that shows what is typed. At 18
 * characters the number is checked at once (format, birth date, check character), and only a number
 * that passes leaves: `kiosk-id` with the accepted ID (full value for the request, mask for the screen).
 *
 *   <kiosk-id-entry .note=${text} ?busy=${busy} @kiosk-id=${(e: CustomEvent<AcceptedId>) => ...}>
 */
import { LitElement, css, html, nothing } from 'lit';
import { normalizeIdNumber } from '../common/id-number.ts';
import { LocaleController, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { both } from './bilingual.ts';
import { checkIdNumber, type AcceptedId } from './id-check.ts';
import { applyKey, type KeypadKey } from './keypad.ts';
import './keypad.ts';
import { entryLayout, kioskStyles } from './kiosk-styles.ts';

const ID_LENGTH = 18;

export class KioskIdEntry extends LitElement {
  static override properties = {
    note: { attribute: false },
    busy: { type: Boolean },
    blocked: { attribute: false },
    value: { state: true },
    problem: { state: true },
  };

  static override styles = [
    theme,
    kioskStyles,
    css`
      :host {
        display: grid;
        justify-items: center;
        gap: 0.6em;
        text-align: center;
      }
      .field {
        min-width: 14em;
        padding: 0.3em 0.6em;
        border: 3px solid var(--lobby-border);
        border-radius: 8px;
        font-size: 1.4em;
        font-variant-numeric: tabular-nums;
        letter-spacing: 0.06em;
        background: var(--lobby-bg);
      }
      .field.bad {
        border-color: var(--lobby-danger);
      }
      .note {
        font-weight: 700;
      }
    `,
    entryLayout,
  ];

  /** What this ID is for (the chosen walk-in service, an appointment already scanned). */
  declare note: Text | undefined;
  /** A request with this ID is on its way. */
  declare busy: boolean;
  /** Why nothing can be sent now (offline); the keypad still works, "OK" does not. */
  declare blocked: Text | undefined;
  declare value: string;
  declare problem: Text | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.busy = false;
    this.value = '';
  }

  /** A line from the card reader: shown in the field and submitted as if typed and confirmed. */
  take(raw: string): void {
    this.value = normalizeIdNumber(raw).slice(0, 32);
    this.#submit();
  }

  override render() {
    const typed = this.value;
    const ready = typed.length === ID_LENGTH && !this.problem;
    return html`
      <h2>${both({ zh: '请在读卡区刷身份证', en: 'Place your ID card on the reader' })}</h2>
      <p class="hint">${both({ zh: '没有读卡？请用屏幕键盘输入身份证号码', en: 'No card reader? Type the ID number on the on-screen keypad' })}</p>
      ${this.note ? html`<p class="note">${both(this.note)}</p>` : nothing}
      <output class="field ${this.problem ? 'bad' : ''}" aria-label="身份证号码 ID number" aria-live="polite">
        ${group(typed.padEnd(ID_LENGTH, '_'))}
      </output>
      ${this.problem ? html`<p class="problem" role="alert">${both(this.problem)}</p>` : nothing}
      <kiosk-keypad with-x ?disabled=${this.busy} @kiosk-key=${this.#onKey}></kiosk-keypad>
      <div class="actions">
        <button type="button" class="primary confirm" ?disabled=${!ready || this.busy || this.blocked !== undefined}
          aria-busy=${this.busy ? 'true' : 'false'} @click=${this.#submit}>
          ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
          ${both(this.busy ? { zh: '正在取号……', en: 'Issuing…' } : { zh: '确定', en: 'OK' })}
        </button>
      </div>
    `;
  }

  readonly #onKey = (event: CustomEvent<KeypadKey>): void => {
    event.stopPropagation();
    this.value = applyKey(this.value, event.detail, ID_LENGTH);
    // Said as soon as the number is complete, not only on "OK".
    this.problem = this.value.length === ID_LENGTH ? this.#check()?.problem : undefined;
  };

  #check(): { problem: Text } | undefined {
    const result = checkIdNumber(this.value);
    return result.ok ? undefined : { problem: result.problem };
  }

  #submit(): void {
    if (this.busy) return;
    const result = checkIdNumber(this.value);
    if (!result.ok) {
      this.problem = result.problem;
      return;
    }
    this.problem = undefined;
    this.dispatchEvent(new CustomEvent<AcceptedId>('kiosk-id', { detail: result.id, bubbles: true, composed: true }));
  }
}

/** `360602 19850615 001X`: area, birth date, sequence and check, as printed on the card. */
function group(value: string): string {
  return [value.slice(0, 6), value.slice(6, 14), value.slice(14)].filter(Boolean).join(' ');
}

customElements.define('kiosk-id-entry', KioskIdEntry);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-id-entry': KioskIdEntry;
  }
}
