/**
 * `<kiosk-appointment-entry>`: after the ID card, the appointment: its 12-digit number on the keypad,
 * or the voucher's QR code held to the scanner (the app hands the scan over with `take()`), or to
 * the camera where the browser can read QR codes. Sends `kiosk-appointment` with either
 * `{ appointmentNo }` or `{ voucherToken }`; `kiosk-change-id` to take another card.
 */
import { LitElement, css, html, nothing } from 'lit';
import { LocaleController, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { both } from './bilingual.ts';
import './camera-scan.ts';
import { cameraScanAvailable } from './camera-scan.ts';
import type { AcceptedId } from './id-check.ts';
import { applyKey, type KeypadKey } from './keypad.ts';
import './keypad.ts';
import { entryLayout, kioskStyles } from './kiosk-styles.ts';
import type { Scan } from './scan.ts';

export type AppointmentRef = { appointmentNo: string } | { voucherToken: string };

const LENGTH = 12;
const NOT_A_NUMBER: Text = { zh: '预约号为12位数字，请核对后重新输入。', en: 'An appointment number has 12 digits. Check it and type it again.' };

export class KioskAppointmentEntry extends LitElement {
  static override properties = {
    idNumber: { attribute: false },
    busy: { type: Boolean },
    blocked: { attribute: false },
    value: { state: true },
    problem: { state: true },
    scanning: { state: true },
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
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: center;
        gap: 0.2em 0.8em;
      }
      .masked-id {
        font-size: 1.2em;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        letter-spacing: 0.04em;
      }
      .field {
        min-width: 9em;
        padding: 0.25em 0.6em;
        border: 3px solid var(--lobby-border);
        border-radius: 8px;
        font-size: 1.8em;
        font-variant-numeric: tabular-nums;
        letter-spacing: 0.08em;
      }
      .field.bad {
        border-color: var(--lobby-danger);
      }
    `,
    entryLayout,
  ];

  declare idNumber: AcceptedId;
  declare busy: boolean;
  /** Why no ticket can be issued now (offline): shown by the app, "OK" stays disabled. */
  declare blocked: Text | undefined;
  declare value: string;
  declare problem: Text | undefined;
  declare scanning: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.busy = false;
    this.value = '';
    this.scanning = false;
  }

  /** An appointment number or voucher read by the scanner (or the camera): submitted at once. */
  take(scan: Exclude<Scan, { kind: 'id' }>): void {
    if (this.busy) return;
    this.scanning = false;
    switch (scan.kind) {
      case 'appointment':
        this.value = scan.value;
        return this.#submit();
      case 'voucher':
        this.problem = undefined;
        return this.#send({ voucherToken: scan.value });
      case 'partial':
        this.value = scan.value.replace(/\D/g, '').slice(0, LENGTH);
        this.problem = NOT_A_NUMBER;
    }
  }

  override render() {
    const ready = this.value.length === LENGTH;
    return html`
      <div class="who">
        <span>${both({ zh: '身份证', en: 'ID card' })}</span>
        <span class="masked-id">${this.idNumber.masked}</span>
        <button type="button" class="change-id" ?disabled=${this.busy} @click=${this.#changeId}>
          ${both({ zh: '换一张身份证', en: 'Another ID card' })}
        </button>
      </div>
      <h2>${both({ zh: '请扫描预约二维码或输入预约号', en: 'Scan the voucher QR code or type the appointment number' })}</h2>
      ${this.scanning
        ? html`<kiosk-camera-scan @kiosk-camera-close=${() => { this.scanning = false; }}></kiosk-camera-scan>`
        : nothing}
      <output class="field ${this.problem ? 'bad' : ''}" aria-label="预约号 Appointment number" aria-live="polite">
        ${group(this.value.padEnd(LENGTH, '_'))}
      </output>
      ${this.problem ? html`<p class="problem" role="alert">${both(this.problem)}</p>` : nothing}
      <kiosk-keypad ?disabled=${this.busy} @kiosk-key=${this.#onKey}></kiosk-keypad>
      <div class="actions">
        ${cameraScanAvailable() && !this.scanning
          ? html`<button type="button" class="camera" ?disabled=${this.busy} @click=${() => { this.scanning = true; }}>
              ${both({ zh: '用摄像头扫码', en: 'Scan with the camera' })}</button>`
          : nothing}
        <button type="button" class="primary confirm" ?disabled=${!ready || this.busy || this.blocked !== undefined}
          aria-busy=${this.busy ? 'true' : 'false'} @click=${this.#submit}>
          ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
          ${both(this.busy ? { zh: '正在取号……', en: 'Issuing…' } : { zh: '签到取号', en: 'Check in' })}
        </button>
      </div>
    `;
  }

  readonly #onKey = (event: CustomEvent<KeypadKey>): void => {
    event.stopPropagation();
    if (event.detail === 'X') return;
    this.value = applyKey(this.value, event.detail, LENGTH);
    this.problem = undefined;
  };

  #submit(): void {
    if (this.value.length !== LENGTH) {
      this.problem = NOT_A_NUMBER;
      return;
    }
    this.#send({ appointmentNo: this.value });
  }

  #send(ref: AppointmentRef): void {
    if (this.busy) return;
    this.dispatchEvent(new CustomEvent<AppointmentRef>('kiosk-appointment', { detail: ref, bubbles: true, composed: true }));
  }

  #changeId(): void {
    this.dispatchEvent(new CustomEvent('kiosk-change-id', { bubbles: true, composed: true }));
  }
}

/** `1234 5678 9012`: easier to compare with the voucher in groups of four. */
function group(value: string): string {
  return value.replace(/(.{4})(?=.)/g, '$1 ');
}

customElements.define('kiosk-appointment-entry', KioskAppointmentEntry);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-appointment-entry': KioskAppointmentEntry;
  }
}
