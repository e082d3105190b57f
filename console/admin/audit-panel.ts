/**
 * `<console-audit>`: the audit log of staff actions and overrides (and of devices, citizens and the
 * system), newest first, searched by action prefix, who, what, outlet and time; more pages on request.
 * Read-only here as in the database. Supervisors see their own outlets' entries (the server's scope).
 */
import { LitElement, css, html, nothing } from 'lit';
import { auditPage, type AuditEntryView } from '../../common/admin.ts';
import type { OutletSummary } from '../../common/outlets.ts';
import type { StaffMe } from '../../common/staff.ts';
import { shanghaiInstant } from '../../common/time.ts';
import type { ApiFailure } from '../../ui/api.ts';
import { LocaleController, locale, t, type Text } from '../../ui/i18n.ts';
import '../../ui/status-view.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, failureText, withQuery } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { adminStyles } from './admin-styles.ts';

const ACTOR_KINDS: Record<AuditEntryView['actorKind'], Text> = {
  staff: { zh: '工作人员', en: 'Staff' },
  device: { zh: '设备', en: 'Device' },
  citizen: { zh: '市民', en: 'Citizen' },
  system: { zh: '系统', en: 'System' },
};
/** Prefixes worth offering as the action filter; anything else may be typed. */
const ACTION_PREFIXES = ['staff.', 'outlet.', 'service.', 'service_group.', 'capacity.', 'calendar.', 'counter.', 'settings.', 'device.', 'blacklist.', 'notice.', 'agent.', 'ticket.'];
const PAGE = 50;
const dateTime = (iso: string) => new Intl.DateTimeFormat(locale(), { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));

type Query = Record<string, string | undefined>;

export class ConsoleAudit extends LitElement {
  static override properties = {
    me: { attribute: false },
    outlets: { attribute: false },
    entries: { state: true },
    next: { state: true },
    loading: { state: true },
    failure: { state: true },
    searched: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    adminStyles,
    css`
      table {
        font-size: 0.875rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0 0.5rem;
        margin: 0;
      }
      dt {
        color: var(--lobby-muted);
      }
      dd {
        margin: 0;
        word-break: break-all;
      }
    `,
  ];

  declare me: StaffMe;
  declare outlets: OutletSummary[];
  declare entries: AuditEntryView[];
  declare next: number | null;
  declare loading: boolean;
  declare failure: ApiFailure | undefined;
  /** The query of the entries on screen; further pages continue it. */
  declare searched: Query | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.outlets = [];
    this.entries = [];
    this.next = null;
    this.loading = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.searched) void this.#search({});
  }

  override render() {
    const mine = this.me.role === 'admin' ? this.outlets : this.outlets.filter((o) => this.me.outletIds.includes(o.id));
    return html`
      <section class="panel" aria-labelledby="audit-title">
        <h2 id="audit-title">${t({ zh: '审计日志', en: 'Audit log' })}</h2>
        <form class="form-grid" role="search" @submit=${this.#submit}>
          <label class="field">${t({ zh: '操作（前缀）', en: 'Action (prefix)' })}
            <input name="action" list="audit-actions" maxlength="64" placeholder="blacklist." autocomplete="off" />
            <datalist id="audit-actions">${ACTION_PREFIXES.map((p) => html`<option value=${p}></option>`)}</datalist>
          </label>
          <label class="field">${t({ zh: '操作者类型', en: 'Actor kind' })}
            <select name="actorKind"><option value="">${t({ zh: '全部', en: 'All' })}</option>
              ${(Object.keys(ACTOR_KINDS) as AuditEntryView['actorKind'][]).map((k) => html`<option value=${k}>${t(ACTOR_KINDS[k])}</option>`)}</select>
          </label>
          <label class="field">${t({ zh: '操作者编号', en: 'Actor id' })}<input name="actorId" maxlength="64" autocomplete="off" /></label>
          <label class="field">${t({ zh: '对象类型', en: 'Target kind' })}<input name="targetKind" maxlength="32" autocomplete="off" placeholder="ticket" /></label>
          <label class="field">${t({ zh: '对象编号', en: 'Target id' })}<input name="targetId" maxlength="64" autocomplete="off" /></label>
          <label class="field">${t({ zh: '网点', en: 'Outlet' })}
            <select name="outletId"><option value="">${t({ zh: '全部', en: 'All' })}</option>
              ${mine.map((o) => html`<option value=${o.id}>${t(o.name)}</option>`)}</select>
          </label>
          <label class="field">${t({ zh: '起（北京时间）', en: 'From (Beijing time)' })}<input name="from" type="datetime-local" /></label>
          <label class="field">${t({ zh: '止（北京时间）', en: 'To (Beijing time)' })}<input name="to" type="datetime-local" /></label>
          <div class="actions"><button class="primary" type="submit" ?disabled=${this.loading} aria-busy=${this.loading ? 'true' : 'false'}>${t({ zh: '搜索', en: 'Search' })}</button></div>
        </form>
      </section>
      <section class="panel" aria-labelledby="audit-results">
        <h3 id="audit-results">${t({ zh: '结果', en: 'Results' })}</h3>
        ${this.#renderEntries()}
      </section>
    `;
  }

  #renderEntries() {
    if (this.failure && this.entries.length === 0) return html`<lobby-status .failure=${this.failure} retryable @lobby-retry=${() => this.#search(this.searched ?? {})}></lobby-status>`;
    if (this.loading && this.entries.length === 0) return html`<lobby-status kind="loading"></lobby-status>`;
    if (this.entries.length === 0) return html`<lobby-status kind="empty" .text=${{ zh: '没有符合条件的记录', en: 'No entries match' }}></lobby-status>`;
    const outletName = (id: string | null) => (id ? t(this.outlets.find((o) => o.id === id)?.name ?? { zh: id, en: id }) : '—');
    return html`<div class="table-wrap"><table>
        <thead><tr>
          <th scope="col">${t({ zh: '时间', en: 'When' })}</th>
          <th scope="col">${t({ zh: '操作者', en: 'Who' })}</th>
          <th scope="col">${t({ zh: '操作', en: 'Action' })}</th>
          <th scope="col">${t({ zh: '对象', en: 'Target' })}</th>
          <th scope="col">${t({ zh: '网点', en: 'Outlet' })}</th>
          <th scope="col">${t({ zh: '详情', en: 'Details' })}</th>
        </tr></thead>
        <tbody>${this.entries.map((e) => html`<tr data-entry=${e.id}>
          <td>${dateTime(e.at)}</td>
          <td>${t(ACTOR_KINDS[e.actorKind])}${e.actorName ? html`<br />${e.actorName}` : e.actorId ? html`<br /><span class="mono">${e.actorId.slice(0, 8)}</span>` : nothing}</td>
          <td class="mono">${e.action}</td>
          <td>${e.targetKind ?? '—'}${e.targetId ? html`<br /><span class="mono">${e.targetId}</span>` : nothing}</td>
          <td>${outletName(e.outletId)}</td>
          <td>${Object.keys(e.details).length === 0 ? '—' : html`<dl>${Object.entries(e.details).map(([k, v]) => html`<dt>${k}</dt><dd>${typeof v === 'string' ? v : JSON.stringify(v)}</dd>`)}</dl>`}</td>
        </tr>`)}</tbody>
      </table></div>
      ${this.failure ? html`<p class="problem" role="alert">${t(failureText(this.failure))}</p>` : nothing}
      <div class="actions">
        ${this.next !== null
          ? html`<button type="button" ?disabled=${this.loading} aria-busy=${this.loading ? 'true' : 'false'} @click=${this.#more}>${t({ zh: '加载更多', en: 'More' })}</button>`
          : html`<span class="muted">${t({ zh: '已到最早的记录', en: 'That is the earliest' })}</span>`}
      </div>`;
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    // Typed as Beijing time whatever zone this PC is set to.
    const instant = (name: string) => {
      const value = text(name);
      return value ? shanghaiInstant(value.slice(0, 10), value.slice(11, 16)).toISOString() : undefined;
    };
    void this.#search({
      action: text('action'), actorKind: text('actorKind'), actorId: text('actorId'), targetKind: text('targetKind'),
      targetId: text('targetId'), outletId: text('outletId'), from: instant('from'), to: instant('to'),
    });
  }

  async #search(query: Query): Promise<void> {
    if (this.loading) return;
    this.searched = query;
    this.entries = [];
    this.next = null;
    await this.#page(undefined);
  }

  readonly #more = (): void => {
    if (this.next !== null) void this.#page(this.next);
  };

  async #page(before: number | undefined): Promise<void> {
    const query = this.searched ?? {};
    this.loading = true;
    this.failure = undefined;
    const result = await consoleRequest(withQuery('/api/admin/audit', { ...query, before, limit: PAGE }), { parse: (body) => auditPage.parse(body) });
    this.loading = false;
    if (!stillSignedIn(this, result) || query !== this.searched) return;
    if (!result.ok) {
      this.failure = result;
      return;
    }
    this.entries = [...this.entries, ...result.data.entries];
    this.next = result.data.next;
  }
}

customElements.define('console-audit', ConsoleAudit);

declare global {
  interface HTMLElementTagNameMap {
    'console-audit': ConsoleAudit;
  }
}
