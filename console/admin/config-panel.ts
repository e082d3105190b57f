/**
 * `<console-config>`: the administrator's configuration, one section at a time (`#config/calendar`),
 * chosen from a side menu: outlets and hours, services, service groups, capacity, calendar, counters,
 * staff, devices, settings.
 */
import { LitElement, css, html } from 'lit';
import type { OutletSummary } from '../../common/outlets.ts';
import type { StaffMe } from '../../common/staff.ts';
import { LocaleController, t } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import '../devices-panel.ts';
import './calendar-panel.ts';
import './capacity-panel.ts';
import './counters-panel.ts';
import './outlets-panel.ts';
import { CONFIG_SECTIONS, configSectionOf, type ConfigSection } from './sections.ts';
import './service-groups-panel.ts';
import './services-panel.ts';
import './settings-panel.ts';
import './staff-panel.ts';

export class ConsoleConfig extends LitElement {
  static override properties = { me: { attribute: false }, outlets: { attribute: false }, section: { attribute: false } };

  static override styles = [
    theme,
    css`
      :host {
        display: grid;
        grid-template-columns: 12rem minmax(0, 1fr);
        gap: 1.25rem;
        align-items: start;
      }
      nav ul {
        display: grid;
        gap: 0.25rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      nav a {
        display: block;
        padding: 0.5rem 0.75rem;
        border-radius: 6px;
        color: var(--lobby-primary);
        font-weight: 600;
        text-decoration: none;
      }
      nav a:hover {
        background: #eaf1fb;
      }
      nav a[aria-current='page'] {
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
      }
      @media (max-width: 56rem) {
        :host {
          grid-template-columns: minmax(0, 1fr);
        }
        nav ul {
          display: flex;
          flex-wrap: wrap;
        }
      }
    `,
  ];

  declare me: StaffMe;
  declare outlets: OutletSummary[];
  declare section: string | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.outlets = [];
  }

  override render() {
    const current = configSectionOf(this.section);
    return html`
      <nav aria-label=${t({ zh: '配置项目', en: 'Configuration sections' })}>
        <ul>
          ${(Object.keys(CONFIG_SECTIONS) as ConfigSection[]).map((section) => html`<li>
            <a href="#config/${section}" aria-current=${section === current ? 'page' : 'false'}>${t(CONFIG_SECTIONS[section])}</a>
          </li>`)}
        </ul>
      </nav>
      <div class="section">${this.#renderSection(current)}</div>
    `;
  }

  #renderSection(section: ConfigSection) {
    const csrf = this.me.csrfToken;
    switch (section) {
      case 'outlets':
        return html`<console-outlets-panel .csrfToken=${csrf}></console-outlets-panel>`;
      case 'services':
        return html`<console-services-panel .csrfToken=${csrf}></console-services-panel>`;
      case 'groups':
        return html`<console-service-groups-panel .csrfToken=${csrf}></console-service-groups-panel>`;
      case 'capacity':
        return html`<console-capacity-panel .csrfToken=${csrf}></console-capacity-panel>`;
      case 'calendar':
        return html`<console-calendar-panel .csrfToken=${csrf}></console-calendar-panel>`;
      case 'counters':
        return html`<console-counters-panel .csrfToken=${csrf}></console-counters-panel>`;
      case 'staff':
        return html`<console-staff-panel .csrfToken=${csrf} .me=${this.me}></console-staff-panel>`;
      case 'devices':
        return html`<console-devices .csrfToken=${csrf} .outlets=${this.outlets}></console-devices>`;
      case 'settings':
        return html`<console-settings-panel .csrfToken=${csrf}></console-settings-panel>`;
    }
  }
}

customElements.define('console-config', ConsoleConfig);

declare global {
  interface HTMLElementTagNameMap {
    'console-config': ConsoleConfig;
  }
}
