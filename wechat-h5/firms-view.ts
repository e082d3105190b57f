/**
 * `<h5-firms>` (单位代办): the firms the citizen acts for or applied to, each with how staff reviewed
 * it and why; applying to register or join a firm; and uploading the sealed power of attorney that
 * staff review before the agent may book for the firm. Reached from the home and from the agency
 * choice of the booking flow.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { Agency } from '../common/firms.ts';
import type { ApiFailure } from '../ui/api.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import './attorney-upload.ts';
import { formatBytes } from './attorney-upload.ts';
import { applyAsAgent, fetchAgencies } from './booking-api.ts';
import { failureText, sessionEnded } from './citizen-api.ts';
import './firm-form.ts';
import { h5Styles } from './h5-styles.ts';
import { LoadController } from './load-controller.ts';
import { routeHref } from './route.ts';

const REVIEW_BADGE: Record<Agency['status'], Text> = {
  pending: { zh: '审核中', en: 'In review' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Not approved' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

const MEDIA_NAME: Record<string, string> = { 'image/jpeg': 'JPG', 'image/png': 'PNG', 'application/pdf': 'PDF' };

export class H5Firms extends LitElement {
  static override properties = { csrfToken: {}, justApplied: { state: true }, reapplying: { state: true }, reapplyFailure: { state: true } };
  static override styles = [
    theme,
    h5Styles,
    css`
      ul.agencies {
        display: grid;
        gap: 0.75rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .badge.approved {
        background: var(--lobby-ok);
      }
      .badge.rejected {
        background: var(--lobby-danger);
      }
      .badge.revoked {
        background: var(--lobby-muted);
      }
      summary {
        /* 48px to touch, and the disclosure triangle kept (a flex summary loses it). */
        padding: 0.75rem 0;
        color: var(--lobby-primary);
        font-weight: 600;
        cursor: pointer;
      }
      .reason {
        color: var(--lobby-danger);
        font-weight: 600;
      }
    `,
  ];

  declare csrfToken: string;
  /** The application just made, whose upload is brought into view. */
  declare justApplied: string | undefined;
  /** The refused application being sent back to review, and why that failed if it did. */
  declare reapplying: string | undefined;
  declare reapplyFailure: { agentId: string; failure: ApiFailure } | undefined;

  readonly #agencies = new LoadController(this, fetchAgencies);

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#agencies.reload();
  }

  override render() {
    return html`
      <a class="button back" href=${routeHref({ name: 'home' })}>${t({ zh: '‹ 首页', en: '‹ Home' })}</a>
      <h2>${t({ zh: '单位代办', en: 'Firm agent' })}</h2>
      <p class="muted">${t({
        zh: '为单位（4S店、车商等）代办预约，须先登记为该单位的经办人并上传加盖单位公章的委托书，经车管所工作人员审核通过后才能代办。',
        en: 'To book for a firm (a dealer, a shop…), apply as its agent and upload its power of attorney with the official seal; you can book for it once staff have approved it.',
      })}</p>
      <h3>${t({ zh: '我的代办单位', en: 'My firms' })}</h3>
      ${this.#agencies.render((agencies) => agencies.length === 0
        ? html`<lobby-status kind="empty" class="no-agencies" .text=${{ zh: '您还不是任何单位的经办人。', en: 'You are not an agent of any firm yet.' }}></lobby-status>`
        : html`<ul class="agencies">${agencies.map((agency) => this.#agency(agency))}</ul>`)}
      <h5-firm-form csrfToken=${this.csrfToken} @h5-applied=${this.#onApplied}></h5-firm-form>
    `;
  }

  #agency(agency: Agency) {
    const letter = agency.powerOfAttorney;
    return html`<li class="card agency" data-agent=${agency.agentId} data-status=${agency.status}>
      <span class="choice-title">${agency.firm.name}</span>
      <span class="muted">${t({ zh: '统一社会信用代码', en: 'Credit code' })} ${agency.firm.creditCode}</span>
      <span><span class="badge review ${agency.status}">${t(REVIEW_BADGE[agency.status])}</span></span>
      ${agency.reviewReason ? html`<p class="reason">${t({ zh: '原因：', en: 'Reason: ' })}${agency.reviewReason}</p>` : nothing}
      ${letter
        ? html`<p class="muted letter">${t({ zh: '委托书已上传：', en: 'Power of attorney uploaded: ' })}${MEDIA_NAME[letter.mediaType] ?? letter.mediaType} · ${formatBytes(letter.sizeBytes)}</p>`
        : nothing}
      ${this.#note(agency)}
      ${agency.status === 'pending' ? this.#upload(agency) : nothing}
      ${agency.status === 'rejected' ? this.#reapply(agency) : nothing}
      ${agency.status === 'approved' ? html`<a class="button primary book" href=${routeHref({ name: 'book' })}>${t({ zh: '为该单位预约', en: 'Book for this firm' })}</a>` : nothing}
    </li>`;
  }

  /** The letter's upload; once one is on file, folded away behind "replace" (allowed until it is reviewed). */
  #upload(agency: Agency) {
    const upload = html`<h5-attorney-upload agentId=${agency.agentId} csrfToken=${this.csrfToken} @h5-uploaded=${() => void this.#agencies.reload()}></h5-attorney-upload>`;
    if (!agency.powerOfAttorney) return upload;
    return html`<details class="replace">
      <summary>${t({ zh: '更换委托书', en: 'Replace the letter' })}</summary>
      ${upload}
    </details>`;
  }

  #note(agency: Agency) {
    const note = ((): Text => {
      switch (agency.status) {
        case 'pending':
          return agency.powerOfAttorney
            ? { zh: '委托书已提交，正在等待车管所工作人员审核；审核通过后，您才能为该单位代办预约。', en: 'Submitted. Staff will review the power of attorney; you can book for this firm once they approve it.' }
            : { zh: '请上传加盖单位公章的委托书，工作人员收到后才能审核。', en: 'Upload the power of attorney with the firm\'s seal so that staff can review it.' };
        case 'approved':
          return { zh: '您可以为该单位代办预约。', en: 'You can book on this firm\'s behalf.' };
        case 'rejected':
          return { zh: '可按原因准备好委托书后重新提交申请，再上传新的委托书。', en: 'Prepare the letter as the reason says, apply again, then upload the new letter.' };
        case 'revoked':
          return { zh: '您在该单位的经办人资格已被撤销，如有疑问请到窗口咨询。', en: 'Your authority for this firm has been revoked. Ask at a counter if this is wrong.' };
      }
    })();
    return html`<p class="note" role=${agency.agentId === this.justApplied ? 'status' : nothing}>${t(note)}</p>`;
  }

  /** Applying again sends a refused application back to review (the server's rule); the new letter follows. */
  #reapply(agency: Agency) {
    const failure = this.reapplyFailure?.agentId === agency.agentId ? this.reapplyFailure.failure : undefined;
    return html`
      ${failure ? html`<p class="problem" role="alert">${t(failureText(failure))}</p>` : nothing}
      <button type="button" class="reapply" ?disabled=${this.reapplying !== undefined} @click=${() => void this.#sendReapply(agency)}>
        ${this.reapplying === agency.agentId ? t({ zh: '正在提交……', en: 'Submitting…' }) : t({ zh: '重新提交申请', en: 'Apply again' })}
      </button>
    `;
  }

  async #sendReapply(agency: Agency): Promise<void> {
    this.reapplying = agency.agentId;
    this.reapplyFailure = undefined;
    const result = await applyAsAgent({ firmName: agency.firm.name, creditCode: agency.firm.creditCode }, this.csrfToken);
    this.reapplying = undefined;
    if (result.ok) {
      this.justApplied = agency.agentId;
      await this.#agencies.reload();
      return;
    }
    if (sessionEnded(result)) this.dispatchEvent(new CustomEvent('h5-session-ended', { bubbles: true, composed: true }));
    else this.reapplyFailure = { agentId: agency.agentId, failure: result };
  }

  async #onApplied(event: CustomEvent<Agency>): Promise<void> {
    this.justApplied = event.detail.agentId;
    await this.#agencies.reload();
    await this.updateComplete;
    const card = this.renderRoot.querySelector<HTMLElement>(`li.agency[data-agent="${event.detail.agentId}"]`);
    card?.scrollIntoView({ block: 'start' });
  }
}

customElements.define('h5-firms', H5Firms);

declare global {
  interface HTMLElementTagNameMap {
    'h5-firms': H5Firms;
  }
}
