/**
 * `<console-live-report>`: each of the viewer's outlets now — counters open, waiting and being served
 * per service, the longest wait — as of the time it says, refreshed when asked (a report is read, not
 * watched; the lobby screens are the live view), with its CSV.
 */
import { LitElement, css, html } from 'lit';
import { liveReport, type LiveReport } from '../../common/reports.ts';
import { LocaleController, locale, t } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import './csv-button.ts';

const time = (iso: string) => new Intl.DateTimeFormat(locale(), { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));

export class ConsoleLiveReport extends LitElement {
  static override properties = { load: { state: true }, refreshing: { state: true } };

  static override styles = [
    theme,
    panelStyles,
    adminStyles,
    css`
      article {
        padding: 0.75rem 1rem;
        border: 1px solid #d5dae0;
        border-radius: 8px;
      }
      article h3 {
        margin-bottom: 0.25rem;
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        margin: 0 0 0.5rem;
      }
    `,
  ];

  declare load: Load<LiveReport>;
  declare refreshing: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.load = { status: 'loading' };
    this.refreshing = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#reload();
  }

  override render() {
    return html`${renderLoad(this.load, this.#reload, (report) => html`
      <div class="toolbar">
        <span>${t({ zh: `截至 ${time(report.at)}`, en: `As of ${time(report.at)}` })}</span>
        <button type="button" ?disabled=${this.refreshing} aria-busy=${this.refreshing ? 'true' : 'false'} @click=${this.#reload}>${t({ zh: '刷新', en: 'Refresh' })}</button>
        <console-csv-button path="/api/reports/live.csv" file-name="live.csv"></console-csv-button>
      </div>
      ${report.outlets.map((o) => html`<article aria-labelledby="live-${o.outletId}" data-outlet=${o.outletId}>
        <h3 id="live-${o.outletId}">${t(o.outlet)}</h3>
        <p class="summary">
          <span>${t({ zh: `开放窗口 ${o.countersOpen}`, en: `${o.countersOpen} counters open` })}</span>
          <span>${t({ zh: `等候 ${o.waiting} 人`, en: `${o.waiting} waiting` })}</span>
          <span>${t({ zh: `办理中 ${o.serving}`, en: `${o.serving} being served` })}</span>
          <span>${t({ zh: `最长等候 ${o.longestWaitMinutes} 分钟`, en: `Longest wait ${o.longestWaitMinutes} min` })}</span>
        </p>
        ${o.services.length === 0
          ? html`<p class="muted">${t({ zh: '现在没有人排队。', en: 'Nobody is queueing now.' })}</p>`
          : html`<table>
              <thead><tr>
                <th scope="col">${t({ zh: '业务', en: 'Service' })}</th>
                <th scope="col" class="number">${t({ zh: '等候', en: 'Waiting' })}</th>
                <th scope="col" class="number">${t({ zh: '办理中', en: 'Serving' })}</th>
                <th scope="col" class="number">${t({ zh: '最长等候（分）', en: 'Longest wait (min)' })}</th>
              </tr></thead>
              <tbody>${o.services.map((s) => html`<tr>
                <td>${t(s.service)}</td><td class="number">${s.waiting}</td><td class="number">${s.serving}</td><td class="number">${s.longestWaitMinutes}</td>
              </tr>`)}</tbody>
            </table>`}
      </article>`)}
    `, { isEmpty: (report) => report.outlets.length === 0, empty: { zh: '您没有所属网点', en: 'You have no outlets' } })}`;
  }

  readonly #reload = async (): Promise<void> => {
    if (this.refreshing) return;
    this.refreshing = true;
    const result = await consoleRequest('/api/reports/live', { parse: (body) => liveReport.parse(body) });
    this.refreshing = false;
    if (!stillSignedIn(this, result)) return;
    this.load = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };
}

customElements.define('console-live-report', ConsoleLiveReport);

declare global {
  interface HTMLElementTagNameMap {
    'console-live-report': ConsoleLiveReport;
  }
}
