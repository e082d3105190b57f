/**
 * `<console-reports>`: the reports of administrators and supervisors (their own outlets'), one view
 * at a time (`#reports/history`): the live state of each outlet, the history with its charts, and the
 * scalper report.
 */
import { LitElement, css, html } from 'lit';
import type { OutletSummary } from '../../common/outlets.ts';
import type { StaffMe } from '../../common/staff.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { panelStyles } from '../console-styles.ts';
import './history-report.ts';
import './live-report.ts';
import './scalper-report.ts';

const VIEWS = {
  live: { zh: '实时', en: 'Live' },
  history: { zh: '历史统计', en: 'History' },
  scalpers: { zh: '黄牛排查', en: 'Scalpers' },
} as const satisfies Record<string, Text>;
type View = keyof typeof VIEWS;

export class ConsoleReports extends LitElement {
  static override properties = { me: { attribute: false }, outlets: { attribute: false }, view: { attribute: false } };

  static override styles = [
    theme,
    panelStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      nav ul {
        display: flex;
        gap: 0.5rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      nav a {
        display: inline-block;
        padding: 0.4rem 0.9rem;
        border: 1px solid var(--lobby-primary);
        border-radius: 999px;
        color: var(--lobby-primary);
        font-weight: 600;
        text-decoration: none;
      }
      nav a[aria-current='page'] {
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
      }
      .panel {
        display: grid;
        gap: 1rem;
      }
    `,
  ];

  declare me: StaffMe;
  declare outlets: OutletSummary[];
  declare view: string | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.outlets = [];
  }

  override render() {
    const current: View = (Object.keys(VIEWS) as View[]).find((v) => v === this.view) ?? 'live';
    return html`
      <nav aria-label=${t({ zh: '报表', en: 'Reports' })}>
        <ul>${(Object.keys(VIEWS) as View[]).map((v) => html`<li><a href="#reports/${v}" aria-current=${v === current ? 'page' : 'false'}>${t(VIEWS[v])}</a></li>`)}</ul>
      </nav>
      <section class="panel" aria-labelledby="report-title">
        <h2 id="report-title">${t(VIEWS[current])}</h2>
        ${current === 'live'
          ? html`<console-live-report></console-live-report>`
          : current === 'history'
            ? html`<console-history-report .me=${this.me} .outlets=${this.outlets}></console-history-report>`
            : html`<console-scalper-report></console-scalper-report>`}
      </section>
    `;
  }
}

customElements.define('console-reports', ConsoleReports);

declare global {
  interface HTMLElementTagNameMap {
    'console-reports': ConsoleReports;
  }
}
