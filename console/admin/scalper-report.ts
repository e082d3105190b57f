/**
 * `<console-scalper-report>`: signs of scalping (黄牛) in a period — one phone registered for several
 * ID numbers, one network address booking for many people, booking and cancelling again and again,
 * firms' agents booking as private persons — each list with its CSV. People appear masked.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { MAX_REPORT_DAYS, scalperReport, type ScalperReport } from '../../common/reports.ts';
import { addDays } from '../../common/time.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import '../../ui/status-view.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, withQuery } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import type { Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import './csv-button.ts';
import { fieldProblemText } from './field-problems.ts';
import { serverToday } from './server-today.ts';

type Period = { from: string; to: string };

function periodProblem(p: Period): Text | undefined {
  if (!p.from || !p.to) return fieldProblemText('required');
  if (p.to < p.from) return fieldProblemText('before_from');
  if (addDays(p.from, MAX_REPORT_DAYS - 1) < p.to) return fieldProblemText(`more_than_${MAX_REPORT_DAYS}_days`);
  return undefined;
}

export class ConsoleScalperReport extends LitElement {
  static override properties = { period: { state: true }, load: { state: true }, asked: { state: true } };

  static override styles = [theme, panelStyles, adminStyles];

  declare period: Period;
  declare load: Load<ScalperReport> | undefined;
  declare asked: Period | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.period = { from: '', to: '' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The last 30 days: churn and shared phones show over weeks, not in a day.
    void serverToday().then((today) => {
      if (this.period.from) return;
      this.period = { from: addDays(today, -29), to: today };
      void this.#run();
    });
  }

  override render() {
    const problem = periodProblem(this.period);
    const busy = this.load?.status === 'loading';
    return html`
      <form class="toolbar" @submit=${(e: SubmitEvent) => { e.preventDefault(); void this.#run(); }}>
        <label class="field">${t({ zh: '开始日期', en: 'From' })}
          <input name="from" type="date" required .value=${this.period.from} @input=${(e: Event) => (this.period = { ...this.period, from: (e.target as HTMLInputElement).value })} />
        </label>
        <label class="field">${t({ zh: '结束日期', en: 'To' })}
          <input name="to" type="date" required .value=${this.period.to} min=${this.period.from} aria-invalid=${problem ? 'true' : 'false'}
            @input=${(e: Event) => (this.period = { ...this.period, to: (e.target as HTMLInputElement).value })} />
          ${problem && this.period.from ? html`<span class="field-error">${t(problem)}</span>` : nothing}
        </label>
        <button class="primary" type="submit" ?disabled=${busy || problem !== undefined}>${t({ zh: '查询', en: 'Show' })}</button>
      </form>
      ${this.#renderResult()}
    `;
  }

  #renderResult() {
    const load = this.load;
    if (!load || load.status === 'loading') return html`<lobby-status kind="loading"></lobby-status>`;
    if (load.status === 'failed') return html`<lobby-status .failure=${load.failure} retryable @lobby-retry=${this.#run}></lobby-status>`;
    const r = load.data;
    return html`
      ${this.#list('shared-phones', { zh: '一个手机号注册多个身份证', en: 'One phone, several ID numbers' }, r.sharedPhones.length,
        [{ zh: '手机号', en: 'Phone' }, { zh: '身份证数', en: 'ID numbers' }, { zh: '预约数', en: 'Bookings' }],
        r.sharedPhones.map((x) => html`<tr><td class="mono">${x.phone}</td><td class="number">${x.idNumbers}</td><td class="number">${x.bookings}</td></tr>`))}
      ${this.#list('shared-addresses', { zh: '同一网络地址为多人预约', en: 'One network address booking for many people' }, r.sharedAddresses.length,
        [{ zh: '网络地址（散列）', en: 'Address (hashed)' }, { zh: '人数', en: 'People' }, { zh: '预约数', en: 'Bookings' }],
        r.sharedAddresses.map((x) => html`<tr><td class="mono">${x.address}</td><td class="number">${x.people}</td><td class="number">${x.bookings}</td></tr>`))}
      ${this.#list('churn', { zh: '反复预约又取消', en: 'Booking and cancelling again and again' }, r.churn.length,
        [{ zh: '身份证号', en: 'ID number' }, { zh: '姓名', en: 'Name' }, { zh: '预约数', en: 'Bookings' }, { zh: '取消数', en: 'Cancelled' }],
        r.churn.map((x) => html`<tr><td class="mono">${x.idNumber}</td><td>${x.name}</td><td class="number">${x.bookings}</td><td class="number">${x.cancelled}</td></tr>`))}
      ${this.#list('agents-booking-personally', { zh: '单位经办人以个人名义预约', en: 'Firms\' agents booking as private persons' }, r.agentsBookingPersonally.length,
        [{ zh: '身份证号', en: 'ID number' }, { zh: '姓名', en: 'Name' }, { zh: '单位', en: 'Firm' }, { zh: '个人预约数', en: 'Personal bookings' }],
        r.agentsBookingPersonally.map((x) => html`<tr><td class="mono">${x.idNumber}</td><td>${x.name}</td><td>${x.firm}</td><td class="number">${x.personalBookings}</td></tr>`))}
    `;
  }

  #list(table: string, title: Text, count: number, headers: Text[], rows: TemplateResult[]) {
    const asked = this.asked!;
    const csv = withQuery('/api/reports/scalpers.csv', { from: asked.from, to: asked.to, table });
    return html`<section class="panel" aria-labelledby="scalpers-${table}" data-table=${table}>
      <h3 id="scalpers-${table}">${t(title)}（${count}）</h3>
      ${count === 0
        ? html`<lobby-status kind="empty" .text=${{ zh: '没有发现', en: 'None found' }}></lobby-status>`
        : html`<div class="table-wrap"><table>
            <thead><tr>${headers.map((h, i) => html`<th scope="col" class=${i === 0 ? '' : 'number'}>${t(h)}</th>`)}</tr></thead>
            <tbody>${rows}</tbody>
          </table></div>`}
      <div class="actions"><console-csv-button path=${csv} file-name=${`scalpers-${table}.csv`}></console-csv-button></div>
    </section>`;
  }

  readonly #run = async (): Promise<void> => {
    const period = { ...this.period };
    if (periodProblem(period) || this.load?.status === 'loading') return;
    this.load = { status: 'loading' };
    const result = await consoleRequest(withQuery('/api/reports/scalpers', period), { parse: (body) => scalperReport.parse(body) });
    if (!stillSignedIn(this, result)) return;
    this.asked = period;
    this.load = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };
}

customElements.define('console-scalper-report', ConsoleScalperReport);

declare global {
  interface HTMLElementTagNameMap {
    'console-scalper-report': ConsoleScalperReport;
  }
}
