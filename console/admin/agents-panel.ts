/**
 * `<console-agents>`: firms' agents by review status (pending first), each with the firm, the agent
 * (masked) and the power of attorney they uploaded — an image shown in the page, a PDF opened in a new
 * tab (the server serves it sandboxed, so it never runs as this site). Approve; reject or revoke with
 * the reason the citizen will read.
 */
import { LitElement, css, html, nothing } from 'lit';
import { z } from 'zod';
import { agentReviewList, REVIEW_STATUSES, type AgentForReview, type ReviewStatus } from '../../common/firms.ts';
import type { StaffMe } from '../../common/staff.ts';
import type { ApiFailure } from '../../ui/api.ts';
import { LocaleController, locale, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, failureText, withQuery } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';

const STATUS: Record<ReviewStatus, Text> = {
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};
const reviewed = z.object({ agentId: z.string(), status: z.enum(REVIEW_STATUSES) });
const dateTime = (iso: string) => new Intl.DateTimeFormat(locale(), { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);
const fileUrl = (agentId: string) => `/api/admin/agents/${agentId}/power-of-attorney`;

type Asking = { agentId: string; action: 'reject' | 'revoke' };

export class ConsoleAgents extends LitElement {
  static override properties = {
    me: { attribute: false },
    status: { state: true },
    load: { state: true },
    viewing: { state: true },
    asking: { state: true },
    busy: { state: true },
    notice: { state: true },
    failure: { state: true },
    reasonMissing: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    adminStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .filters button[aria-pressed='true'] {
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
      }
      article {
        display: grid;
        gap: 0.4rem;
        padding: 0.75rem 1rem;
        border: 1px solid #d5dae0;
        border-radius: 8px;
      }
      article h3 {
        margin: 0;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.2rem 1rem;
        margin: 0;
      }
      dt {
        color: var(--lobby-muted);
      }
      dd {
        margin: 0;
      }
      img.attorney {
        max-width: 100%;
        max-height: 32rem;
        border: 1px solid var(--lobby-border);
      }
      .list {
        display: grid;
        gap: 0.75rem;
      }
    `,
  ];

  declare me: StaffMe;
  declare status: ReviewStatus;
  declare load: Load<AgentForReview[]>;
  declare viewing: string | undefined;
  declare asking: Asking | undefined;
  declare busy: boolean;
  declare notice: Text | undefined;
  declare failure: ApiFailure | undefined;
  declare reasonMissing: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.status = 'pending';
    this.load = { status: 'loading' };
    this.busy = false;
    this.reasonMissing = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#reload();
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="agents-title">
        <h2 id="agents-title">${t({ zh: '单位经办人审核', en: 'Firms\' agents' })}</h2>
        <div class="filters" role="group" aria-label=${t({ zh: '审核状态', en: 'Review status' })}>
          ${REVIEW_STATUSES.map((status) => html`<button type="button" aria-pressed=${status === this.status ? 'true' : 'false'} ?disabled=${this.busy}
            @click=${() => this.#filter(status)}>${t(STATUS[status])}</button>`)}
        </div>
        ${this.notice ? html`<p class="notice" role="status">${t(this.notice)}</p>` : nothing}
        ${this.failure ? html`<p class="problem" role="alert">${t(failureText(this.failure))}</p>` : nothing}
        ${renderLoad(this.load, this.#reload, (agents) => html`<div class="list">${agents.map((a) => this.#renderAgent(a))}</div>`, {
          isEmpty: (agents) => agents.length === 0,
          empty: this.status === 'pending' ? { zh: '没有待审核的经办人', en: 'Nobody is waiting for review' } : { zh: '没有此状态的经办人', en: 'No agents in this status' },
        })}
      </section>
    `;
  }

  #renderAgent(a: AgentForReview) {
    const poa = a.powerOfAttorney;
    const asking = this.asking?.agentId === a.agentId ? this.asking : undefined;
    return html`<article data-agent=${a.agentId} aria-labelledby="firm-${a.agentId}">
      <h3 id="firm-${a.agentId}">${a.firm.name} <span class="badge">${t(STATUS[a.status])}</span></h3>
      <dl>
        <dt>${t({ zh: '统一社会信用代码', en: 'Credit code' })}</dt><dd class="mono">${a.firm.creditCode}</dd>
        <dt>${t({ zh: '经办人', en: 'Agent' })}</dt><dd>${a.citizen.name} · <span class="mono">${a.citizen.idNumber}</span> · <span class="mono">${a.citizen.phone}</span></dd>
        <dt>${t({ zh: '登记时间', en: 'Registered' })}</dt><dd>${dateTime(a.createdAt)}</dd>
        ${a.reviewReason ? html`<dt>${t({ zh: '审核意见', en: 'Reason given' })}</dt><dd>${a.reviewReason}</dd>` : nothing}
        <dt>${t({ zh: '委托书', en: 'Power of attorney' })}</dt>
        <dd>${poa
          ? html`${poa.mediaType === 'application/pdf' ? 'PDF' : t({ zh: '图片', en: 'Image' })} · ${size(poa.sizeBytes)} · ${t({ zh: '上传于', en: 'uploaded' })} ${dateTime(poa.uploadedAt)}
              ${poa.mediaType.startsWith('image/')
                ? html`<button type="button" @click=${() => (this.viewing = this.viewing === a.agentId ? undefined : a.agentId)}>
                    ${this.viewing === a.agentId ? t({ zh: '收起委托书', en: 'Hide' }) : t({ zh: '查看委托书', en: 'View' })}</button>`
                : html`<a class="button" href=${fileUrl(a.agentId)} target="_blank" rel="noopener noreferrer">${t({ zh: '在新窗口打开委托书', en: 'Open in a new tab' })}</a>`}`
          : html`<span class="problem">${t({ zh: '尚未上传', en: 'Not uploaded' })}</span>`}</dd>
      </dl>
      ${this.viewing === a.agentId && poa ? html`<img class="attorney" src=${fileUrl(a.agentId)} alt=${t({ zh: `${a.firm.name} 的委托书`, en: `Power of attorney of ${a.firm.name}` })} />` : nothing}
      ${asking ? this.#renderReason(a, asking) : this.#renderActions(a)}
    </article>`;
  }

  #renderActions(a: AgentForReview) {
    if (a.status === 'pending') {
      return html`<div class="actions">
        <button class="danger" type="button" ?disabled=${this.busy} @click=${() => this.#ask(a.agentId, 'reject')}>${t({ zh: '驳回', en: 'Reject' })}</button>
        <button class="primary" type="button" ?disabled=${this.busy || !a.powerOfAttorney} title=${a.powerOfAttorney ? '' : t({ zh: '尚未上传委托书', en: 'No power of attorney yet' })}
          @click=${() => this.#review(a, 'approve')}>${t({ zh: '审核通过', en: 'Approve' })}</button>
      </div>`;
    }
    if (a.status === 'approved') {
      return html`<div class="actions"><button class="danger" type="button" ?disabled=${this.busy} @click=${() => this.#ask(a.agentId, 'revoke')}>${t({ zh: '撤销资格', en: 'Revoke' })}</button></div>`;
    }
    return nothing;
  }

  #renderReason(a: AgentForReview, asking: Asking) {
    const label = asking.action === 'reject' ? { zh: '驳回原因（经办人可见）', en: 'Why rejected (the agent reads this)' } : { zh: '撤销原因（经办人可见）', en: 'Why revoked (the agent reads this)' };
    return html`<form @submit=${(e: SubmitEvent) => this.#submitReason(e, a, asking.action)}>
      <label class="field">${t(label)}
        <textarea name="reason" required maxlength="500" ?disabled=${this.busy} aria-invalid=${this.reasonMissing ? 'true' : 'false'}></textarea>
        ${this.reasonMissing ? html`<span class="field-error">${t({ zh: '请填写原因。', en: 'Give a reason.' })}</span>` : nothing}
      </label>
      <div class="actions">
        <button type="button" ?disabled=${this.busy} @click=${() => (this.asking = undefined)}>${t({ zh: '取消', en: 'Cancel' })}</button>
        <button class="danger primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
          ${asking.action === 'reject' ? t({ zh: '确定驳回', en: 'Reject' }) : t({ zh: '确定撤销', en: 'Revoke' })}</button>
      </div>
    </form>`;
  }

  readonly #reload = async (): Promise<void> => {
    const status = this.status;
    const result = await consoleRequest(withQuery('/api/admin/agents', { status }), { parse: (body) => agentReviewList.parse(body).agents });
    if (!stillSignedIn(this, result) || status !== this.status) return;
    this.load = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };

  #filter(status: ReviewStatus): void {
    this.status = status;
    this.load = { status: 'loading' };
    this.asking = undefined;
    this.viewing = undefined;
    void this.#reload();
  }

  #ask(agentId: string, action: Asking['action']): void {
    this.asking = { agentId, action };
    this.reasonMissing = false;
    this.notice = undefined;
    this.failure = undefined;
  }

  async #submitReason(event: SubmitEvent, a: AgentForReview, action: Asking['action']): Promise<void> {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget as HTMLFormElement).get('reason') ?? '').trim();
    this.reasonMissing = reason === '';
    if (this.reasonMissing) return;
    await this.#review(a, action, reason);
  }

  async #review(a: AgentForReview, action: 'approve' | 'reject' | 'revoke', reason?: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.notice = undefined;
    this.failure = undefined;
    const result = await consoleRequest(`/api/admin/agents/${a.agentId}/${action}`, {
      method: 'POST', csrfToken: this.me.csrfToken, ...(reason ? { body: { reason } } : {}), parse: (body) => reviewed.parse(body),
    });
    this.busy = false;
    if (!stillSignedIn(this, result)) return;
    if (!result.ok) {
      this.failure = result;
      return;
    }
    const done: Record<typeof action, Text> = {
      approve: { zh: `已通过：${a.firm.name} 的经办人 ${a.citizen.name}`, en: `Approved: ${a.citizen.name} for ${a.firm.name}` },
      reject: { zh: `已驳回：${a.firm.name} 的经办人 ${a.citizen.name}`, en: `Rejected: ${a.citizen.name} for ${a.firm.name}` },
      revoke: { zh: `已撤销：${a.firm.name} 的经办人 ${a.citizen.name}`, en: `Revoked: ${a.citizen.name} for ${a.firm.name}` },
    };
    this.asking = undefined;
    await this.#reload();
    this.notice = done[action];
  }
}

customElements.define('console-agents', ConsoleAgents);

declare global {
  interface HTMLElementTagNameMap {
    'console-agents': ConsoleAgents;
  }
}
