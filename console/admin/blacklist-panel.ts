/**
 * `<console-blacklist>`: the blacklist with why each entry exists (source, reason, who added it and
 * when, until when; who removed it), filtered by state and kind; add an entry, remove one (after a
 * confirmation; it stays as a record). Below, the citizens suspended for no-shows.
 */
import { LitElement, html, nothing } from 'lit';
import {
  blacklistEntry, blacklistList, BLACKLIST_KINDS, BLACKLIST_STATES, type BlacklistAdded, type BlacklistEntryView, type BlacklistList,
} from '../../common/admin.ts';
import type { StaffMe } from '../../common/staff.ts';
import type { ApiFailure } from '../../ui/api.ts';
import { LocaleController, locale, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, failureText, withQuery } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import './blacklist-add-form.ts';
import { KIND_NAMES } from './blacklist-add-form.ts';
import './suspensions-list.ts';

const SOURCES: Record<BlacklistEntryView['source'], Text> = {
  manual: { zh: '人工列入', en: 'Added by staff' },
  illegal_booking: { zh: '违规预约', en: 'Illegal booking' },
  no_show: { zh: '爽约', en: 'No-shows' },
};
const STATES: Record<BlacklistEntryView['state'] | 'all', Text> = {
  all: { zh: '全部', en: 'All' },
  active: { zh: '生效中', en: 'Active' },
  expired: { zh: '已到期', en: 'Expired' },
  removed: { zh: '已移除', en: 'Removed' },
};
const dateTime = (iso: string) => new Intl.DateTimeFormat(locale(), { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

export class ConsoleBlacklist extends LitElement {
  static override properties = {
    me: { attribute: false },
    state: { state: true },
    kind: { state: true },
    load: { state: true },
    confirming: { state: true },
    busy: { state: true },
    notice: { state: true },
    failure: { state: true },
  };

  static override styles = [theme, panelStyles, adminStyles];

  declare me: StaffMe;
  declare state: BlacklistEntryView['state'] | 'all';
  declare kind: BlacklistEntryView['kind'] | '';
  declare load: Load<BlacklistList>;
  declare confirming: string | undefined;
  declare busy: boolean;
  declare notice: Text | undefined;
  declare failure: ApiFailure | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.state = 'active';
    this.kind = '';
    this.load = { status: 'loading' };
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#reload();
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="blacklist-title">
        <h2 id="blacklist-title">${t({ zh: '黑名单', en: 'Blacklist' })}</h2>
        <div class="toolbar">
          <label class="field">${t({ zh: '状态', en: 'State' })}
            <select name="state" @change=${(e: Event) => this.#filter({ state: (e.target as HTMLSelectElement).value as ConsoleBlacklist['state'] })}>
              ${(['active', ...BLACKLIST_STATES.filter((s) => s !== 'active'), 'all'] as const).map((s) => html`<option value=${s} ?selected=${s === this.state}>${t(STATES[s])}</option>`)}
            </select>
          </label>
          <label class="field">${t({ zh: '类型', en: 'Kind' })}
            <select name="kind" @change=${(e: Event) => this.#filter({ kind: (e.target as HTMLSelectElement).value as ConsoleBlacklist['kind'] })}>
              <option value="" ?selected=${this.kind === ''}>${t({ zh: '全部', en: 'All' })}</option>
              ${BLACKLIST_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${t(KIND_NAMES[k])}</option>`)}
            </select>
          </label>
        </div>
        ${this.notice ? html`<p class="notice" role="status">${t(this.notice)}</p>` : nothing}
        ${this.failure ? html`<p class="problem" role="alert">${t(failureText(this.failure))}</p>` : nothing}
        ${renderLoad(this.load, this.#reload, (list) => this.#renderList(list), {
          isEmpty: (list) => list.entries.length === 0, empty: { zh: '没有符合条件的黑名单记录', en: 'No entries match' },
        })}
      </section>
      <console-blacklist-add .csrfToken=${this.me.csrfToken} @console-blacklist-added=${this.#added}></console-blacklist-add>
      <console-suspensions></console-suspensions>
    `;
  }

  #renderList(list: BlacklistList) {
    return html`<div class="table-wrap"><table>
      <thead><tr>
        <th scope="col">${t({ zh: '对象', en: 'Who' })}</th>
        <th scope="col">${t({ zh: '来源与原因', en: 'Source and reason' })}</th>
        <th scope="col">${t({ zh: '状态', en: 'State' })}</th>
        <th scope="col">${t({ zh: '列入', en: 'Added' })}</th>
        <th scope="col">${t({ zh: '有效期至', en: 'Until' })}</th>
        <th scope="col"><span hidden>${t({ zh: '操作', en: 'Actions' })}</span></th>
      </tr></thead>
      <tbody>${list.entries.map((e) => html`<tr class=${e.state === 'active' ? '' : 'inactive'} data-entry=${e.id}>
        <td><span class="badge">${t(KIND_NAMES[e.kind])}</span> <span class="mono">${e.display}</span></td>
        <td>${t(SOURCES[e.source])}：${e.reason}</td>
        <td>${t(STATES[e.state])}${e.removedAt ? html`<br /><span class="muted">${dateTime(e.removedAt)} ${e.removedBy?.displayName ?? ''}</span>` : nothing}</td>
        <td>${dateTime(e.createdAt)}<br /><span class="muted">${e.createdBy?.displayName ?? t({ zh: '系统', en: 'System' })}</span></td>
        <td>${e.expiresAt ? dateTime(e.expiresAt) : t({ zh: '长期', en: 'Until removed' })}</td>
        <td><div class="actions">${e.state !== 'active'
          ? nothing
          : this.confirming === e.id
            ? html`<span role="alert">${t({ zh: `确定将 ${e.display} 移出黑名单？`, en: `Take ${e.display} off the blacklist?` })}</span>
                <button class="danger primary" type="button" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'} @click=${() => this.#remove(e)}>${t({ zh: '确定移除', en: 'Remove' })}</button>
                <button type="button" ?disabled=${this.busy} @click=${() => (this.confirming = undefined)}>${t({ zh: '取消', en: 'Cancel' })}</button>`
            : html`<button class="danger" type="button" ?disabled=${this.busy} @click=${() => this.#ask(e.id)}>${t({ zh: '移除', en: 'Remove' })}</button>`}
        </div></td>
      </tr>`)}</tbody>
    </table></div>
    ${list.truncated ? html`<p class="hint">${t({ zh: '只显示最新的 500 条，请用筛选缩小范围。', en: 'Only the newest 500 are shown: filter to narrow down.' })}</p>` : nothing}`;
  }

  readonly #reload = async (): Promise<void> => {
    const query = { state: this.state, kind: this.kind || undefined };
    const result = await consoleRequest(withQuery('/api/admin/blacklist', query), { parse: (body) => blacklistList.parse(body) });
    if (!stillSignedIn(this, result) || query.state !== this.state || (query.kind ?? '') !== this.kind) return;
    this.load = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };

  #filter(patch: Partial<Pick<ConsoleBlacklist, 'state' | 'kind'>>): void {
    Object.assign(this, patch);
    this.load = { status: 'loading' };
    this.confirming = undefined;
    void this.#reload();
  }

  #ask(id: string): void {
    this.confirming = id;
    this.notice = undefined;
    this.failure = undefined;
  }

  async #added(event: CustomEvent<BlacklistAdded>): Promise<void> {
    const { entry, blockedBookings } = event.detail;
    this.failure = undefined;
    await this.#reload();
    this.notice = {
      zh: `已加入黑名单：${entry.display}${blockedBookings > 0 ? `；其 ${blockedBookings} 个有效预约将在签到时被拒绝` : ''}`,
      en: `On the blacklist: ${entry.display}${blockedBookings > 0 ? `; check-in will refuse its ${blockedBookings} active booking(s)` : ''}`,
    };
  }

  async #remove(entry: BlacklistEntryView): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const result = await consoleRequest(`/api/admin/blacklist/${entry.id}/remove`, { method: 'POST', csrfToken: this.me.csrfToken, parse: (body) => blacklistEntry.parse(body) });
    this.busy = false;
    if (!stillSignedIn(this, result)) return;
    if (!result.ok) {
      this.failure = result;
      return;
    }
    this.confirming = undefined;
    // The list is as the message says by the time the message shows.
    await this.#reload();
    this.notice = { zh: `已移出黑名单：${entry.display}`, en: `Taken off the blacklist: ${entry.display}` };
  }
}

customElements.define('console-blacklist', ConsoleBlacklist);

declare global {
  interface HTMLElementTagNameMap {
    'console-blacklist': ConsoleBlacklist;
  }
}
