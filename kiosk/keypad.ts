/**
 * `<kiosk-keypad>`: the on-screen number pad, for people without a card reader's help (and for
 * the guide's staff code). Sends `kiosk-key` with the key: a digit, `X` (with `with-x`: the last
 * character of an ID number can be X), `delete` or `clear`.
 *
 *   <kiosk-keypad with-x @kiosk-key=${(e: CustomEvent<KeypadKey>) => ...}></kiosk-keypad>
 */
import { LitElement, css, html } from 'lit';
import { LocaleController } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { both } from './bilingual.ts';
import { kioskStyles } from './kiosk-styles.ts';

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'X' | 'delete' | 'clear';

const DIGIT_ROWS = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']] as const;

/** Applies a key to what is typed so far, up to `maxLength` characters. */
export function applyKey(value: string, key: KeypadKey, maxLength: number): string {
  if (key === 'delete') return value.slice(0, -1);
  if (key === 'clear') return '';
  return value.length < maxLength ? value + key : value;
}

export class KioskKeypad extends LitElement {
  static override properties = {
    withX: { type: Boolean, attribute: 'with-x' },
    disabled: { type: Boolean },
  };

  static override styles = [
    theme,
    kioskStyles,
    css`
      .pad {
        display: grid;
        grid-template-columns: repeat(3, minmax(calc(var(--lobby-touch, 48px) * 1.5), 1fr));
        gap: 0.35em;
        max-width: 16em;
        margin: 0 auto;
      }
      button {
        min-height: calc(var(--lobby-touch, 48px) * 1.15);
        padding: 0.1em;
        font-size: 1.5em;
        font-variant-numeric: tabular-nums;
        color: var(--lobby-text);
        border-color: var(--lobby-border);
        background: var(--lobby-bg);
      }
      button:active:not(:disabled) {
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
      }
      button.edit {
        font-size: 1em;
      }
      button.wide {
        grid-column: 1 / -1;
      }
    `,
  ];

  declare withX: boolean;
  declare disabled: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.withX = false;
    this.disabled = false;
  }

  override render() {
    const key = (k: KeypadKey) =>
      html`<button type="button" ?disabled=${this.disabled} @click=${() => this.#press(k)}>${k}</button>`;
    const clear = html`<button type="button" class="edit clear ${this.withX ? 'wide' : ''}" ?disabled=${this.disabled}
      @click=${() => this.#press('clear')}>${both({ zh: '清空', en: 'Clear' })}</button>`;
    return html`
      <div class="pad" role="group">
        ${DIGIT_ROWS.map((row) => row.map(key))}
        ${this.withX ? key('X') : clear}
        ${key('0')}
        <button type="button" class="edit delete" ?disabled=${this.disabled} @click=${() => this.#press('delete')}>
          ${both({ zh: '删除', en: 'Delete' })}
        </button>
        ${this.withX ? clear : ''}
      </div>
    `;
  }

  #press(key: KeypadKey): void {
    this.dispatchEvent(new CustomEvent<KeypadKey>('kiosk-key', { detail: key, bubbles: true, composed: true }));
  }
}

customElements.define('kiosk-keypad', KioskKeypad);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-keypad': KioskKeypad;
  }
}
