/**
 * `<h5-outlet-step>`: the outlets that handle the chosen service — address, opening hours and how
 * to get there in words (no map: WeChat's browser and old phones need none). Sends `h5-pick`.
 */
import { LitElement, html, type PropertyValues } from 'lit';
import type { OutletDetail, ServiceSummary } from '../common/booking.ts';
import { openingHoursLines } from '../common/booking-ui.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { fetchServiceOutlets } from './booking-api.ts';
import { h5Styles } from './h5-styles.ts';
import { LoadController } from './load-controller.ts';

export class H5OutletStep extends LitElement {
  static override properties = { service: { attribute: false } };
  static override styles = [theme, h5Styles];

  declare service: ServiceSummary;

  readonly #outlets = new LoadController(this, () => fetchServiceOutlets(this.service.id));

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('service')) void this.#outlets.reload();
  }

  override render() {
    return html`
      <h2>${t({ zh: '选择办理点', en: 'Choose where' })}</h2>
      <p class="muted">${t({ zh: `办理“${this.service.name.zh}”的地点`, en: `Outlets that handle "${this.service.name.en}"` })}</p>
      ${this.#outlets.render((outlets) => outlets.length === 0
        ? html`<lobby-status kind="empty" .text=${{ zh: '暂无办理该业务的地点', en: 'No outlet handles this service just now' }}></lobby-status>`
        : html`<ul class="choices outlets">${outlets.map((outlet) => this.#outlet(outlet))}</ul>`)}
    `;
  }

  #outlet(outlet: OutletDetail) {
    return html`<li>
      <button type="button" class="outlet" data-outlet=${outlet.id} @click=${() => this.#pick(outlet)}>
        <span class="choice-title">${t(outlet.name)}</span>
        <span>${t(outlet.address)}</span>
        ${openingHoursLines(outlet.openingHours).map((line) => html`<span class="muted">${t(line)}</span>`)}
        ${outlet.route.zh ? html`<span class="muted">${t({ zh: '路线：', en: 'Getting there: ' })}${t(outlet.route)}</span>` : ''}
        ${outlet.phone ? html`<span class="muted">${t({ zh: '电话：', en: 'Phone: ' })}${outlet.phone}</span>` : ''}
      </button>
    </li>`;
  }

  #pick(outlet: OutletDetail): void {
    this.dispatchEvent(new CustomEvent<OutletDetail>('h5-pick', { detail: outlet }));
  }
}

customElements.define('h5-outlet-step', H5OutletStep);

declare global {
  interface HTMLElementTagNameMap {
    'h5-outlet-step': H5OutletStep;
  }
}
