/**
 * `<console-transfer-dialog>`: the clerk sends the ticket in hand to another service's queue (the
 * citizen came to the wrong counter). Lists the outlet's services but the one the ticket is in.
 * Sends `console-transfer-confirm` with the service id and `console-transfer-cancel`; the counter
 * panel makes the request and passes back `busy` and any `problem`.
 */
import { LitElement, html, nothing } from 'lit';
import type { OutletQueue } from '../common/counters.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { dialogStyles, panelStyles } from './console-styles.ts';
import { ModalController } from './modal-controller.ts';

export class ConsoleTransferDialog extends LitElement {
  static override properties = {
    ticketNumber: { attribute: false },
    fromServiceId: { attribute: false },
    services: { attribute: false },
    busy: { type: Boolean },
    problem: { attribute: false },
    chosen: { state: true },
  };

  static override styles = [theme, panelStyles, dialogStyles];

  declare ticketNumber: string;
  declare fromServiceId: string;
  declare services: OutletQueue['services'];
  declare busy: boolean;
  declare problem: Text | undefined;
  declare chosen: string | undefined;

  constructor() {
    super();
    new LocaleController(this);
    new ModalController(this);
    this.ticketNumber = '';
    this.fromServiceId = '';
    this.services = [];
    this.busy = false;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  override render() {
    const targets = this.services.filter((s) => s.id !== this.fromServiceId);
    return html`
      <dialog aria-labelledby="transfer-title" @cancel=${this.#onCancel}>
        <form method="dialog" @submit=${this.#confirm}>
          <h2 id="transfer-title">${t({ zh: `转移 ${this.ticketNumber} 到其他业务`, en: `Transfer ${this.ticketNumber} to another service` })}</h2>
          <fieldset ?disabled=${this.busy}>
            <legend>${t({ zh: '转入业务', en: 'Service' })}</legend>
            ${targets.map((service) => html`
              <label class="choice">
                <input type="radio" name="service" value=${service.id} .checked=${this.chosen === service.id}
                  @change=${() => { this.chosen = service.id; }} />
                ${t(service.name)}
              </label>`)}
          </fieldset>
          ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
          <div class="actions">
            <button type="button" ?disabled=${this.busy} @click=${this.#cancel}>${t({ zh: '取消', en: 'Cancel' })}</button>
            <button class="primary" type="submit" ?disabled=${!this.chosen || this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
              ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${t({ zh: '确认转移', en: 'Transfer' })}
            </button>
          </div>
        </form>
      </dialog>
    `;
  }

  #confirm(event: SubmitEvent): void {
    // The dialog stays open until the transfer is done; the panel removes it then.
    event.preventDefault();
    if (!this.chosen || this.busy) return;
    this.dispatchEvent(new CustomEvent<string>('console-transfer-confirm', { detail: this.chosen, bubbles: true, composed: true }));
  }

  #onCancel(event: Event): void {
    event.preventDefault();
    if (!this.busy) this.#cancel();
  }

  #cancel(): void {
    this.dispatchEvent(new CustomEvent('console-transfer-cancel', { bubbles: true, composed: true }));
  }
}

customElements.define('console-transfer-dialog', ConsoleTransferDialog);

declare global {
  interface HTMLElementTagNameMap {
    'console-transfer-dialog': ConsoleTransferDialog;
  }
}
