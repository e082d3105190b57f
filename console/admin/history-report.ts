/**
 * `<console-history-report>`: the report by day, outlet and service over a period (at most 92 days)
 * and one or all of the viewer's outlets: the figures over everything selected, charts of the wait
 * and service time distributions, tickets by class, green-channel share and satisfaction, and the
 * table of rows — with its CSV, filtered the same way.
 */
import { LitElement, css, html, nothing } from 'lit';
import { historyReport, MAX_REPORT_DAYS, type DayRow, type HistoryReport } from '../../common/reports.ts';
import type { OutletSummary } from '../../common/outlets.ts';
import type { StaffMe } from '../../common/staff.ts';
import { addDays } from '../../common/time.ts';
import '../../ui/chart-view.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import '../../ui/status-view.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, fieldsOf, withQuery } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import type { Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import './csv-button.ts';
import { fieldProblemText, problemAt } from './field-problems.ts';
import { binLabel, classesChart, greenChart, histogramChart, ratingsChart, ticketClasses } from './report-charts.ts';
import { serverToday } from './server-today.ts';

interface Filters {
  from: string;
  to: string;
  outletId: string;
}

/** What is wrong with a period before the server is asked. */
function periodProblem(f: Filters): { field: 'from' | 'to'; text: Text } | undefined {
  if (!f.from) return { field: 'from', text: fieldProblemText('required') };
  if (!f.to) return { field: 'to', text: fieldProblemText('required') };
  if (f.to < f.from) return { field: 'to', text: fieldProblemText('before_from') };
  if (addDays(f.from, MAX_REPORT_DAYS - 1) < f.to) return { field: 'to', text: fieldProblemText(`more_than_${MAX_REPORT_DAYS}_days`) };
  return undefined;
}

const minutes = (value: number | null) => (value === null ? '—' : `${value}`);

export class ConsoleHistoryReport extends LitElement {
  static override properties = {
    me: { attribute: false },
    outlets: { attribute: false },
    filters: { state: true },
    load: { state: true },
    asked: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    adminStyles,
    css`
      .figures {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
        gap: 0.5rem;
        margin: 0;
      }
      .figures div {
        padding: 0.5rem 0.75rem;
        border: 1px solid #d5dae0;
        border-radius: 6px;
      }
      .figures dt {
        font-size: 0.8125rem;
        color: var(--lobby-muted);
      }
      .figures dd {
        margin: 0;
        font-size: 1.25rem;
        font-weight: 700;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr));
        gap: 1rem;
      }
      figure {
        margin: 0;
        padding: 0.5rem 0.75rem;
        border: 1px solid #d5dae0;
        border-radius: 6px;
      }
      figcaption {
        font-weight: 700;
        margin-bottom: 0.25rem;
      }
      details {
        font-size: 0.875rem;
      }
      table.rows {
        font-size: 0.875rem;
        white-space: nowrap;
      }
    `,
  ];

  declare me: StaffMe;
  declare outlets: OutletSummary[];
  declare filters: Filters;
  declare load: Load<HistoryReport> | undefined;
  /** The filters of the report on screen (and of its CSV). */
  declare asked: Filters | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.outlets = [];
    this.filters = { from: '', to: '', outletId: '' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Today's report straight away: what a supervisor opens this for most.
    void serverToday().then((today) => {
      if (this.filters.from) return;
      this.filters = { ...this.filters, from: today, to: today };
      void this.#run();
    });
  }

  override render() {
    const problem = periodProblem(this.filters);
    const server = this.load?.status === 'failed' ? fieldsOf(this.load.failure) : {};
    const fromProblem = problem?.field === 'from' ? problem.text : problemAt(server, 'from');
    const toProblem = problem?.field === 'to' ? problem.text : problemAt(server, 'to');
    const mine = this.me.role === 'admin' ? this.outlets : this.outlets.filter((o) => this.me.outletIds.includes(o.id));
    const busy = this.load?.status === 'loading';
    return html`
      <form class="toolbar" @submit=${this.#submit}>
        <label class="field">${t({ zh: '开始日期', en: 'From' })}
          <input name="from" type="date" required .value=${this.filters.from} aria-invalid=${fromProblem ? 'true' : 'false'}
            @input=${(e: Event) => (this.filters = { ...this.filters, from: (e.target as HTMLInputElement).value })} />
          ${fromProblem ? html`<span class="field-error">${t(fromProblem)}</span>` : nothing}
        </label>
        <label class="field">${t({ zh: '结束日期', en: 'To' })}
          <input name="to" type="date" required .value=${this.filters.to} min=${this.filters.from} aria-invalid=${toProblem ? 'true' : 'false'}
            @input=${(e: Event) => (this.filters = { ...this.filters, to: (e.target as HTMLInputElement).value })} />
          ${toProblem ? html`<span class="field-error">${t(toProblem)}</span>` : nothing}
        </label>
        <label class="field">${t({ zh: '网点', en: 'Outlet' })}
          <select name="outletId" @change=${(e: Event) => (this.filters = { ...this.filters, outletId: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${this.filters.outletId === ''}>${t({ zh: '全部（我的网点）', en: 'All (mine)' })}</option>
            ${mine.map((o) => html`<option value=${o.id} ?selected=${this.filters.outletId === o.id}>${t(o.name)}</option>`)}
          </select>
        </label>
        <button class="primary" type="submit" ?disabled=${busy || problem !== undefined} aria-busy=${busy ? 'true' : 'false'}>${t({ zh: '查询', en: 'Show' })}</button>
      </form>
      ${this.#renderResult()}
    `;
  }

  #renderResult() {
    const load = this.load;
    if (!load || load.status === 'loading') return html`<lobby-status kind="loading"></lobby-status>`;
    if (load.status === 'failed') return html`<lobby-status .failure=${load.failure} retryable @lobby-retry=${this.#run}></lobby-status>`;
    const report = load.data;
    const asked = this.asked!;
    const csv = withQuery('/api/reports/history.csv', { from: asked.from, to: asked.to, outletId: asked.outletId || undefined });
    return html`
      ${this.#renderFigures(report)}
      ${report.rows.length === 0
        ? html`<lobby-status kind="empty" .text=${{ zh: '该时段没有预约或取号记录', en: 'No bookings or tickets in this period' }}></lobby-status>`
        : html`${this.#renderCharts(report)}${this.#renderRows(report.rows)}`}
      <div class="actions"><console-csv-button path=${csv} file-name=${`history-${asked.from}-${asked.to}.csv`}
        .label=${{ zh: '下载明细 CSV', en: 'Download rows (CSV)' }}></console-csv-button></div>
    `;
  }

  #renderFigures({ totals }: HistoryReport) {
    const figure = (label: Text, value: string) => html`<div><dt>${t(label)}</dt><dd>${value}</dd></div>`;
    return html`<dl class="figures">
      ${figure({ zh: '取号数', en: 'Tickets' }, String(totals.tickets))}
      ${figure({ zh: '绿色通道占比', en: 'Green share' }, totals.greenShare === null ? '—' : `${totals.greenShare}%`)}
      ${figure({ zh: '平均等候（分）', en: 'Mean wait (min)' }, minutes(totals.wait.mean))}
      ${figure({ zh: '等候中位数 / P90', en: 'Wait median / P90' }, `${minutes(totals.wait.p50)} / ${minutes(totals.wait.p90)}`)}
      ${figure({ zh: '最长等候（分）', en: 'Longest wait (min)' }, minutes(totals.wait.max))}
      ${figure({ zh: '平均办理（分）', en: 'Mean service (min)' }, minutes(totals.service.mean))}
      ${figure({ zh: '办理中位数 / P90', en: 'Service median / P90' }, `${minutes(totals.service.p50)} / ${minutes(totals.service.p90)}`)}
      ${figure({ zh: '满意度（平均分）', en: 'Satisfaction (mean)' }, totals.ratingMean === null ? '—' : `${totals.ratingMean} / 5`)}
    </dl>`;
  }

  #renderCharts(report: HistoryReport) {
    const { totals, rows } = report;
    const described = (title: Text, parts: string[]) => ({ zh: `${title.zh}：${parts.join('，')}`, en: `${title.en}: ${parts.join(', ')}` });
    const binsText = (bins: typeof totals.waitHistogram) => bins.map((b) => `${binLabel(b)}: ${b.count}`);
    const waitTitle = { zh: '等候时间分布（分钟）', en: 'Wait times (minutes)' };
    const serviceTitle = { zh: '办理时间分布（分钟）', en: 'Service times (minutes)' };
    const classesTitle = { zh: '各类取号数', en: 'Tickets by class' };
    const greenTitle = { zh: '绿色通道占比', en: 'Green-channel share' };
    const ratingTitle = { zh: '满意度评价', en: 'Satisfaction' };
    const chart = (title: Text, label: Text, config: unknown, data: { label: string; count: number }[]) => html`<figure>
      <figcaption>${t(title)}</figcaption>
      <lobby-chart .config=${config} .label=${label}></lobby-chart>
      <details><summary>${t({ zh: '数据', en: 'Data' })}</summary>
        <table><tbody>${data.map((d) => html`<tr><th scope="row">${d.label}</th><td class="number">${d.count}</td></tr>`)}</tbody></table>
      </details>
    </figure>`;
    const classes = ticketClasses(rows);
    return html`<div class="charts">
      ${chart(waitTitle, described(waitTitle, binsText(totals.waitHistogram)), histogramChart(totals.waitHistogram, { zh: '等候', en: 'Wait' }),
        totals.waitHistogram.map((b) => ({ label: binLabel(b), count: b.count })))}
      ${chart(serviceTitle, described(serviceTitle, binsText(totals.serviceHistogram)), histogramChart(totals.serviceHistogram, { zh: '办理', en: 'Service' }),
        totals.serviceHistogram.map((b) => ({ label: binLabel(b), count: b.count })))}
      ${chart(classesTitle, described(classesTitle, classes.map((c) => `${t(c.label)}: ${c.count}`)), classesChart(rows),
        classes.map((c) => ({ label: t(c.label), count: c.count })))}
      ${chart(greenTitle, described(greenTitle, [`${totals.green} / ${totals.tickets}`]), greenChart(totals),
        [{ label: t({ zh: '绿色通道', en: 'Green' }), count: totals.green }, { label: t({ zh: '全部', en: 'All' }), count: totals.tickets }])}
      ${chart(ratingTitle, described(ratingTitle, totals.ratingCounts.map((n, i) => `${i + 1}★: ${n}`)), ratingsChart(totals.ratingCounts),
        totals.ratingCounts.map((n, i) => ({ label: `${i + 1}★`, count: n })))}
    </div>`;
  }

  #renderRows(rows: DayRow[]) {
    const head = (text: Text, number = true) => html`<th scope="col" class=${number ? 'number' : ''}>${t(text)}</th>`;
    return html`<div class="table-wrap"><table class="rows">
      <caption>${t({ zh: '按日、网点、业务', en: 'By day, outlet and service' })}</caption>
      <thead><tr>
        ${head({ zh: '日期', en: 'Date' }, false)}${head({ zh: '网点', en: 'Outlet' }, false)}${head({ zh: '业务', en: 'Service' }, false)}
        ${head({ zh: '预约', en: 'Booked' })}${head({ zh: '取消', en: 'Cancelled' })}${head({ zh: '签到', en: 'Checked in' })}${head({ zh: '爽约', en: 'No-shows' })}
        ${head({ zh: '取号', en: 'Tickets' })}${head({ zh: '预约号', en: 'Appt.' })}${head({ zh: '现场号', en: 'Walk-in' })}${head({ zh: '迟到号', en: 'Late' })}
        ${head({ zh: '绿色通道', en: 'Green' })}${head({ zh: '占比%', en: 'Green %' })}${head({ zh: '叫号', en: 'Calls' })}${head({ zh: '过号', en: 'Missed' })}
        ${head({ zh: '平均等候', en: 'Wait mean' })}${head({ zh: '等候P90', en: 'Wait P90' })}${head({ zh: '平均办理', en: 'Service mean' })}
        ${head({ zh: '评价数', en: 'Ratings' })}${head({ zh: '平均分', en: 'Mean grade' })}
      </tr></thead>
      <tbody>${rows.map((r) => html`<tr>
        <td>${r.date}</td><td>${r.outlet}</td><td>${r.service}</td>
        <td class="number">${r.booked}</td><td class="number">${r.cancelled}</td><td class="number">${r.checkedIn}</td><td class="number">${r.noShows}</td>
        <td class="number">${r.tickets}</td><td class="number">${r.appointment}</td><td class="number">${r.walkIn}</td><td class="number">${r.late}</td>
        <td class="number">${r.green}</td><td class="number">${r.greenShare ?? '—'}</td><td class="number">${r.calls}</td><td class="number">${r.missed}</td>
        <td class="number">${minutes(r.waitMean)}</td><td class="number">${minutes(r.waitP90)}</td><td class="number">${minutes(r.serviceMean)}</td>
        <td class="number">${r.ratings}</td><td class="number">${r.ratingMean ?? '—'}</td>
      </tr>`)}</tbody>
    </table></div>`;
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    void this.#run();
  }

  readonly #run = async (): Promise<void> => {
    const filters = { ...this.filters };
    if (periodProblem(filters) || this.load?.status === 'loading') return;
    this.load = { status: 'loading' };
    const result = await consoleRequest(withQuery('/api/reports/history', { from: filters.from, to: filters.to, outletId: filters.outletId || undefined }), {
      parse: (body) => historyReport.parse(body),
    });
    if (!stillSignedIn(this, result)) return;
    this.asked = filters;
    this.load = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };
}

customElements.define('console-history-report', ConsoleHistoryReport);

declare global {
  interface HTMLElementTagNameMap {
    'console-history-report': ConsoleHistoryReport;
  }
}
