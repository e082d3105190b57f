/**
 * `<console-notices>`: every notice — drafts, scheduled, published, withdrawn — with where it applies
 * and the days it covers; publish a draft now or at a set time (a closure or change of hours then tells
 * the bookings it affects), withdraw one (it leaves the H5 page and the displays at once). Supervisors
 * act on their own outlets' notices only, as the server allows.
 */
import { LitElement, css, html, nothing } from 'lit';
import { notice, noticeList, noticePublished, type NoticeView } from '../../common/notices.ts';
import type { OutletSummary } from '../../common/outlets.ts';
import type { StaffMe } from '../../common/staff.ts';
import { shanghaiInstant } from '../../common/time.ts';
import type { ApiFailure } from '../../ui/api.ts';
import { LocaleController, locale, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, failureText } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import './notice-form.ts';
import { NOTICE_KIND_NAMES } from './notice-form.ts';
import { serverNow } from './server-today.ts';

type Status = 'draft' | 'scheduled' | 'published' | 'withdrawn';
const STATUS: Record<Status, Text> = {
  draft: { zh: '草稿', en: 'Draft' },
  scheduled: { zh: '定时发布', en: 'Scheduled' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
const dateTime = (iso: string) => new Intl.DateTimeFormat(locale(), { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

function statusOf(n: NoticeView, now: number): Status {
  if (n.withdrawnAt) return 'withdrawn';
  if (!n.publishAt) return 'draft';
  return Date.parse(n.publishAt) > now ? 'scheduled' : 'published';
}

type Acting = { noticeId: string; action: 'schedule' | 'withdraw' };

export class ConsoleNotices extends LitElement {
  static override properties = {
    me: { attribute: false },
    outlets: { attribute: false },
    draft: { attribute: false },
    load: { state: true },
    now: { state: true },
    acting: { state: true },
    busy: { state: true },
    notice: { state: true },
    failure: { state: true },
    scheduleProblem: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    adminStyles,
    css`
      .body {
        white-space: pre-wrap;
        margin: 0.25rem 0 0;
      }
    `,
  ];

  declare me: StaffMe;
  declare outlets: OutletSummary[];
  /** The address's parameters: a notice draft a change's preview suggested. */
  declare draft: Record<string, string>;
  declare load: Load<NoticeView[]>;
  declare now: number;
  declare acting: Acting | undefined;
  declare busy: boolean;
  declare notice: Text | undefined;
  declare failure: ApiFailure | undefined;
  declare scheduleProblem: Text | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.outlets = [];
    this.draft = {};
    this.load = { status: 'loading' };
    this.now = Date.now();
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#reload();
  }

  override render() {
    return html`
      <console-notice-form .me=${this.me} .outlets=${this.outlets} .prefill=${this.draft} @console-notice-created=${this.#created}></console-notice-form>
      <section class="panel" aria-labelledby="notices-title">
        <h2 id="notices-title">${t({ zh: '公告', en: 'Notices' })}</h2>
        ${this.notice ? html`<p class="notice" role="status">${t(this.notice)}</p>` : nothing}
        ${this.failure ? html`<p class="problem" role="alert">${t(failureText(this.failure))}</p>` : nothing}
        ${renderLoad(this.load, this.#reload, (notices) => this.#renderList(notices), {
          isEmpty: (notices) => notices.length === 0, empty: { zh: '还没有公告', en: 'No notices yet' },
        })}
      </section>
    `;
  }

  #renderList(notices: NoticeView[]) {
    return html`<div class="table-wrap"><table>
      <thead><tr>
        <th scope="col">${t({ zh: '标题', en: 'Title' })}</th>
        <th scope="col">${t({ zh: '网点', en: 'Outlet' })}</th>
        <th scope="col">${t({ zh: '类型与日期', en: 'Kind and days' })}</th>
        <th scope="col">${t({ zh: '状态', en: 'Status' })}</th>
        <th scope="col"><span hidden>${t({ zh: '操作', en: 'Actions' })}</span></th>
      </tr></thead>
      <tbody>${notices.map((n) => this.#renderRow(n))}</tbody>
    </table></div>`;
  }

  #renderRow(n: NoticeView) {
    const status = statusOf(n, this.now);
    const outlet = n.outletId === null ? { zh: '全部网点', en: 'Every outlet' } : (this.outlets.find((o) => o.id === n.outletId)?.name ?? { zh: n.outletId, en: n.outletId });
    const days = n.effectiveFrom ? `${n.effectiveFrom}${n.effectiveTo && n.effectiveTo !== n.effectiveFrom ? ` – ${n.effectiveTo}` : ''}` : '';
    const hours = n.changedHours?.map((p) => `${p.open}–${p.close}`).join(' ');
    const mine = this.me.role === 'admin' || (n.outletId !== null && this.me.outletIds.includes(n.outletId));
    const acting = this.acting?.noticeId === n.id ? this.acting : undefined;
    return html`<tr class=${status === 'withdrawn' ? 'inactive' : ''} data-notice=${n.id}>
      <td><strong>${t(n.title.en ? n.title : { zh: n.title.zh, en: n.title.zh })}</strong>
        <p class="body">${t(n.body.en ? n.body : { zh: n.body.zh, en: n.body.zh })}</p></td>
      <td>${t(outlet)}</td>
      <td>${t(NOTICE_KIND_NAMES[n.kind])}${days ? html`<br />${days}` : nothing}${hours ? html`<br />${hours}` : nothing}</td>
      <td>${t(STATUS[status])}
        ${n.publishAt && status !== 'draft' ? html`<br /><span class="muted">${dateTime(n.publishAt)}</span>` : nothing}
        ${n.withdrawnAt ? html`<br /><span class="muted">${dateTime(n.withdrawnAt)}</span>` : nothing}</td>
      <td>${mine ? (acting ? this.#renderActing(n, acting) : this.#renderActions(n, status)) : html`<span class="muted">${t({ zh: '仅可查看', en: 'Read only' })}</span>`}</td>
    </tr>`;
  }

  #renderActions(n: NoticeView, status: Status) {
    return html`<div class="actions">
      ${status === 'draft'
        ? html`<button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.#publish(n)}>${t({ zh: '立即发布', en: 'Publish now' })}</button>
            <button type="button" ?disabled=${this.busy} @click=${() => this.#act(n.id, 'schedule')}>${t({ zh: '定时发布', en: 'Schedule' })}</button>`
        : nothing}
      ${status !== 'withdrawn'
        ? html`<button class="danger" type="button" ?disabled=${this.busy} @click=${() => this.#act(n.id, 'withdraw')}>${t({ zh: '撤回', en: 'Withdraw' })}</button>`
        : nothing}
    </div>`;
  }

  #renderActing(n: NoticeView, acting: Acting) {
    if (acting.action === 'withdraw') {
      return html`<div class="actions">
        <span role="alert">${t({ zh: '撤回后公告立即从手机页面和大屏上消失。确定撤回？', en: 'It leaves the phone page and the displays at once. Withdraw?' })}</span>
        <button class="danger primary" type="button" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'} @click=${() => this.#withdraw(n)}>${t({ zh: '确定撤回', en: 'Withdraw' })}</button>
        <button type="button" ?disabled=${this.busy} @click=${() => (this.acting = undefined)}>${t({ zh: '取消', en: 'Cancel' })}</button>
      </div>`;
    }
    return html`<form class="actions" @submit=${(e: SubmitEvent) => this.#schedule(e, n)}>
      <label class="field">${t({ zh: '发布时间（北京时间）', en: 'Publish at (Beijing time)' })}
        <input name="at" type="datetime-local" required ?disabled=${this.busy} aria-invalid=${this.scheduleProblem ? 'true' : 'false'} />
        ${this.scheduleProblem ? html`<span class="field-error">${t(this.scheduleProblem)}</span>` : nothing}
      </label>
      <button class="primary" type="submit" ?disabled=${this.busy}>${t({ zh: '定时发布', en: 'Schedule' })}</button>
      <button type="button" ?disabled=${this.busy} @click=${() => (this.acting = undefined)}>${t({ zh: '取消', en: 'Cancel' })}</button>
    </form>`;
  }

  readonly #reload = async (): Promise<void> => {
    const [result, now] = await Promise.all([consoleRequest('/api/admin/notices', { parse: (body) => noticeList.parse(body).notices }), serverNow()]);
    if (!stillSignedIn(this, result)) return;
    this.now = now.getTime();
    this.load = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };

  #act(noticeId: string, action: Acting['action']): void {
    this.acting = { noticeId, action };
    this.notice = undefined;
    this.failure = undefined;
    this.scheduleProblem = undefined;
  }

  async #created(event: CustomEvent<NoticeView>): Promise<void> {
    this.failure = undefined;
    await this.#reload();
    this.notice = { zh: `已保存草稿：${event.detail.title.zh}`, en: `Draft saved: ${event.detail.title.en || event.detail.title.zh}` };
  }

  async #publish(n: NoticeView, publishAt?: string): Promise<void> {
    const result = await this.#send(`/api/admin/notices/${n.id}/publish`, publishAt ? { publishAt } : {}, (body) => noticePublished.parse(body));
    if (!result) return;
    const told = result.affectedBookings > 0
      ? { zh: `；已通知 ${result.affectedBookings} 个受影响的预约`, en: `; ${result.affectedBookings} affected booking(s) told` }
      : { zh: '', en: '' };
    this.notice = publishAt
      ? { zh: `已定时发布：${n.title.zh}（${dateTime(publishAt)}）${told.zh}`, en: `Scheduled: ${n.title.en || n.title.zh} (${dateTime(publishAt)})${told.en}` }
      : { zh: `已发布：${n.title.zh}${told.zh}`, en: `Published: ${n.title.en || n.title.zh}${told.en}` };
  }

  async #schedule(event: SubmitEvent, n: NoticeView): Promise<void> {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget as HTMLFormElement).get('at') ?? '');
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
      this.scheduleProblem = { zh: '请选择发布时间。', en: 'Choose when to publish.' };
      return;
    }
    // Typed as Beijing time whatever zone this PC is set to.
    const at = shanghaiInstant(value.slice(0, 10), value.slice(11, 16));
    if (at.getTime() <= (await serverNow()).getTime()) {
      this.scheduleProblem = { zh: '定时发布的时间须晚于现在；立即发布请用“立即发布”。', en: 'A scheduled time is in the future; use “Publish now” for now.' };
      return;
    }
    this.scheduleProblem = undefined;
    await this.#publish(n, at.toISOString());
  }

  async #withdraw(n: NoticeView): Promise<void> {
    if (await this.#send(`/api/admin/notices/${n.id}/withdraw`, {}, (body) => notice.parse(body))) {
      this.notice = { zh: `已撤回：${n.title.zh}`, en: `Withdrawn: ${n.title.en || n.title.zh}` };
    }
  }

  async #send<T>(path: string, body: unknown, parse: (body: unknown) => T): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.notice = undefined;
    this.failure = undefined;
    const result = await consoleRequest(path, { method: 'POST', csrfToken: this.me.csrfToken, body, parse });
    this.busy = false;
    if (!stillSignedIn(this, result)) return undefined;
    if (!result.ok) {
      this.failure = result;
      return undefined;
    }
    this.acting = undefined;
    await this.#reload();
    return result.data;
  }
}

customElements.define('console-notices', ConsoleNotices);

declare global {
  interface HTMLElementTagNameMap {
    'console-notices': ConsoleNotices;
  }
}
