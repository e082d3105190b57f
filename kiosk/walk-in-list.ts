/**
 * `<kiosk-walk-in-list>`: the services this outlet takes walk-ins for, as big buttons grouped by
 * counter group, each with how many wait and about how long. Sends `kiosk-service` with the choice.
 */
import { LitElement, css, html } from 'lit';
import type { WalkInOptions } from '../common/kiosk.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { both } from './bilingual.ts';
import { kioskStyles } from './kiosk-styles.ts';

export type WalkInService = WalkInOptions['services'][number];

export class KioskWalkInList extends LitElement {
  static override properties = { services: { attribute: false }, disabled: { type: Boolean } };

  static override styles = [
    theme,
    kioskStyles,
    css`
      :host {
        display: grid;
        gap: 0.8em;
        width: 100%;
      }
      h2 {
        text-align: center;
      }
      section {
        display: grid;
        gap: 0.4em;
      }
      h3 {
        margin: 0;
        font-size: 1em;
        color: var(--lobby-muted);
      }
      ul {
        display: grid;
        /* Two columns on a portrait kiosk: a whole office's services without scrolling far. */
        grid-template-columns: repeat(auto-fill, minmax(13em, 1fr));
        gap: 0.5em;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      button.service {
        display: grid;
        align-content: start;
        gap: 0.3em;
        width: 100%;
        height: 100%;
        padding: 0.5em 0.8em;
        text-align: start;
        color: var(--lobby-text);
        border-color: var(--lobby-border);
      }
      .name {
        font-size: 1.15em;
      }
      .queue {
        font-weight: normal;
      }
      .queue .first,
      .queue .other {
        display: inline;
        margin-inline-end: 0.5em;
      }
      .prefix {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  declare services: WalkInService[];
  /** A ticket is on its way (the card was read first, so the choice issues it), or none can be issued now. */
  declare disabled: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.services = [];
    this.disabled = false;
  }

  override render() {
    const groups = new Map<string, WalkInService[]>();
    for (const service of this.services) {
      const key = service.group.zh;
      groups.set(key, [...(groups.get(key) ?? []), service]);
    }
    return html`
      <h2>${both({ zh: '请选择要办理的业务', en: 'Choose your service' })}</h2>
      ${this.services.length === 0
        ? html`<p class="hint">${both({ zh: '暂无可现场取号的业务', en: 'No service takes walk-ins just now' })}</p>`
        : [...groups.values()].map((list) => html`
            <section>
              <h3>${both(list[0]!.group)}</h3>
              <ul>${list.map((s) => html`<li>${this.#renderService(s)}</li>`)}</ul>
            </section>
          `)}
    `;
  }

  #renderService(service: WalkInService) {
    return html`
      <button type="button" class="service" data-service=${service.id} ?disabled=${this.disabled} @click=${() => this.#choose(service)}>
        <span class="name">${both(service.name)}</span>
        <span class="queue">
          <span class="first">${t({ zh: `等候 ${service.waiting} 人`, en: `${service.waiting} waiting` })}</span>
          <span class="other">${t({ zh: `约 ${service.estimatedWaitMinutes} 分钟 · ${service.prefix} 字头`, en: `about ${service.estimatedWaitMinutes} min · ${service.prefix} numbers` })}</span>
        </span>
      </button>
    `;
  }

  #choose(service: WalkInService): void {
    if (this.disabled) return;
    this.dispatchEvent(new CustomEvent<WalkInService>('kiosk-service', { detail: service, bubbles: true, composed: true }));
  }
}

customElements.define('kiosk-walk-in-list', KioskWalkInList);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-walk-in-list': KioskWalkInList;
  }
}
