/**
 * `<console-green-dialog>`: a guide or supervisor moves a waiting ticket to the green channel — the
 * reason (disability, active service, pregnancy; age decides itself at the kiosk) and an optional
 * note. The signed-in staff member is who confirms, so no staff code is asked. Sends
 * `console-green-confirm` with `{ reason, note? }` and `console-green-cancel`; the list makes the
 * request and passes back `busy` and any `problem`.
 */
import { LitElement, html, nothing } from 'lit';
import { GREEN_REASON_TEXT, STAFF_GREEN_REASONS } from '../common/kiosk.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { dialogStyles, panelStyles } from './console-styles.ts';
import type { StaffGreenReason } from './counter-api.ts';
import { ModalController } from './modal-controller.ts';

export interface GreenGrant {
  reason: StaffGreenReason;
  note?: string;
}

export class ConsoleGreenDialog extends LitElement {
  static override properties = {
    ticketNumber: { attribute: false },
    busy: { type: Boolean },
    problem: { attribute: false },
    reason: { state: true },
  };

  static override styles = [theme, panelStyles, dialogStyles];

  declare ticketNumber: string;
  declare busy: boolean;
  declare problem: Text | undefined;
  declare reason: StaffGreenReason | undefined;

  constructor() {
    super();
    new LocaleController(this);
    new ModalController(this);
    this.ticketNumber = '';
    this.busy = false;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  override render() {
    return html`
      <dialog aria-labelledby="green-title" @cancel=${this.#onCancel}>
        <form method="dialog" @submit=${this.#confirm}>
          <h2 id="green-title">${t({ zh: `${this.ticketNumber} 改为绿色通道`, en: `Green channel for ${this.ticketNumber}` })}</h2>
          <fieldset ?disabled=${this.busy}>
            <legend>${t({ zh: '原因', en: 'Reason' })}</legend>
            ${STAFF_GREEN_REASONS.map((reason) => html`
              <label class="choice">
                <input type="radio" name="reason" value=${reason} .checked=${this.reason === reason}
                  @change=${() => { this.reason = reason; }} />
                ${t(GREEN_REASON_TEXT[reason])}
              </label>`)}
          </fieldset>
          <label class="field">
            ${t({ zh: '备注（选填）', en: 'Note (optional)' })}
            <textarea name="note" maxlength="200" ?disabled=${this.busy}></textarea>
          </label>
          ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
          <div class="actions">
            <button type="button" ?disabled=${this.busy} @click=${this.#cancel}>${t({ zh: '取消', en: 'Cancel' })}</button>
            <button class="primary" type="submit" ?disabled=${!this.reason || this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
              ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${t({ zh: '确认', en: 'Confirm' })}
            </button>
          </div>
        </form>
      </dialog>
    `;
  }

  #confirm(event: SubmitEvent): void {
    // Stays open until the server agreed; the list removes it then.
    event.preventDefault();
    if (!this.reason || this.busy) return;
    const note = String(new FormData(event.currentTarget as HTMLFormElement).get('note') ?? '').trim();
    const grant: GreenGrant = note ? { reason: this.reason, note } : { reason: this.reason };
    this.dispatchEvent(new CustomEvent<GreenGrant>('console-green-confirm', { detail: grant, bubbles: true, composed: true }));
  }

  #onCancel(event: Event): void {
    event.preventDefault();
    if (!this.busy) this.#cancel();
  }

  #cancel(): void {
    this.dispatchEvent(new CustomEvent('console-green-cancel', { bubbles: true, composed: true }));
  }
}

customElements.define('console-green-dialog', ConsoleGreenDialog);

declare global {
  interface HTMLElementTagNameMap {
    'console-green-dialog': ConsoleGreenDialog;
  }
}
