/**
 * `<h5-service-step>`: the services a citizen can book, each with the materials to bring, so
 * everything missing is known before the visit. Sends `h5-pick` with the service.
 */
import { LitElement, css, html } from 'lit';
import type { ServiceSummary } from '../common/booking.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { fetchServices } from './booking-api.ts';
import { h5Styles } from './h5-styles.ts';
import { LoadController } from './load-controller.ts';

export class H5ServiceStep extends LitElement {
  static override styles = [
    theme,
    h5Styles,
    css`
      ul.materials {
        margin: 0;
        padding-left: 1.25em;
        font-size: 0.9375rem;
      }
    `,
  ];

  readonly #services = new LoadController(this, fetchServices);

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#services.reload();
  }

  override render() {
    return html`
      <h2>${t({ zh: '选择业务', en: 'Choose the service' })}</h2>
      ${this.#services.render((services) => services.length === 0
        ? html`<lobby-status kind="empty" .text=${{ zh: '暂无可预约的业务', en: 'No service can be booked just now' }}></lobby-status>`
        : html`<ul class="choices services">${services.map((service) => this.#service(service))}</ul>`)}
    `;
  }

  #service(service: ServiceSummary) {
    return html`<li>
      <button type="button" class="service" data-service=${service.id} @click=${() => this.#pick(service)}>
        <span class="choice-title">${t(service.name)}</span>
        <span class="muted">${t(service.description)}</span>
        ${service.requiredMaterials.length
          ? html`<span class="muted">${t({ zh: '需携带：', en: 'Bring:' })}</span>
              <ul class="materials">${service.requiredMaterials.map((m) => html`<li>${t(m)}</li>`)}</ul>`
          : ''}
      </button>
    </li>`;
  }

  #pick(service: ServiceSummary): void {
    this.dispatchEvent(new CustomEvent<ServiceSummary>('h5-pick', { detail: service }));
  }
}

customElements.define('h5-service-step', H5ServiceStep);

declare global {
  interface HTMLElementTagNameMap {
    'h5-service-step': H5ServiceStep;
  }
}
