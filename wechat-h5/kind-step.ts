/**
 * `<h5-kind-step>`: personal (本人业务) or agency (代办) booking. Agency lists the firms the citizen is
 * an approved agent of; applications still in review (or refused) are shown, disabled, with why.
 * Links to the firm-agent screen to apply. Sends `h5-pick` with `{ kind, agency }`.
 */
import { LitElement, html } from 'lit';
import type { Agency } from '../common/firms.ts';
import type { ApiFailure } from '../ui/api.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { fetchAgencies } from './booking-api.ts';
import { failureText } from './citizen-api.ts';
import { h5Styles } from './h5-styles.ts';
import { LoadController } from './load-controller.ts';
import { routeHref } from './route.ts';

export interface KindPick {
  kind: 'personal' | 'agency';
  agency: Agency | undefined;
}

const REVIEW_TEXT: Record<Agency['status'], Text> = {
  pending: { zh: '审核中，通过后才能代办预约', en: 'In review: you can book for this firm once approved' },
  approved: { zh: '已审核通过', en: 'Approved' },
  rejected: { zh: '未通过审核', en: 'Not approved' },
  revoked: { zh: '经办人资格已撤销', en: 'Authority revoked' },
};

export class H5KindStep extends LitElement {
  static override styles = [theme, h5Styles];

  readonly #agencies = new LoadController(this, fetchAgencies);

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#agencies.reload();
  }

  override render() {
    return html`
      <h2>${t({ zh: '选择办理方式', en: 'Who is the business for?' })}</h2>
      <ul class="choices">
        <li>
          <button type="button" class="kind-personal" @click=${() => this.#pick({ kind: 'personal', agency: undefined })}>
            <span class="choice-title">${t({ zh: '本人业务', en: 'My own business' })}</span>
            <span class="muted">${t({ zh: '用本人身份证预约，一人一号。', en: 'Booked with your own ID: one person, one number.' })}</span>
          </button>
        </li>
      </ul>
      <h3>${t({ zh: '代办业务（单位经办人）', en: 'On a firm\'s behalf (its agent)' })}</h3>
      <p class="muted">${t({
        zh: '单位、4S店、车商等业务须由单位经办人代办预约；以个人名义预约单位业务属于违规预约。',
        en: 'Firms, car dealers and shops must book through their agent; booking a firm\'s business as personal is not allowed.',
      })}</p>
      ${this.#renderAgencies()}
      <a class="button firms" href=${routeHref({ name: 'firms' })}>${t({ zh: '登记单位 · 上传委托书', en: 'Apply for a firm · upload its letter' })}</a>
    `;
  }

  #renderAgencies() {
    const state = this.#agencies.state;
    // Without the agents' list the choice is shown, disabled, with the reason.
    if (state.status === 'failed') return this.#disabledAgency(this.#unavailable(state.failure));
    return this.#agencies.render((agencies) => {
      if (agencies.length === 0) {
        return this.#disabledAgency({
          zh: '您还不是任何单位的经办人。请由单位登记并上传加盖公章的委托书，审核通过后即可代办。',
          en: 'You are not an agent of any firm yet. Apply with the firm\'s power of attorney; once approved, you can book for it.',
        });
      }
      return html`<ul class="choices agencies">
        ${agencies.map((agency) => html`<li>
          <button type="button" class="agency" ?disabled=${agency.status !== 'approved'} @click=${() => this.#pick({ kind: 'agency', agency })}>
            <span class="choice-title">${agency.firm.name}</span>
            <span class="muted">${agency.firm.creditCode}</span>
            <span class="muted review">${t(REVIEW_TEXT[agency.status])}${agency.reviewReason ? `：${agency.reviewReason}` : ''}</span>
          </button>
        </li>`)}
      </ul>`;
    });
  }

  #disabledAgency(reason: Text) {
    return html`<ul class="choices">
      <li>
        <button type="button" class="kind-agency" disabled aria-describedby="agency-reason">
          <span class="choice-title">${t({ zh: '代办业务', en: 'On a firm\'s behalf' })}</span>
          <span class="muted" id="agency-reason">${t(reason)}</span>
        </button>
      </li>
    </ul>`;
  }

  #unavailable(failure: ApiFailure): Text {
    if (failure.kind === 'server' && failure.status === 404) {
      return { zh: '代办预约暂未开放。', en: 'Booking on a firm\'s behalf is not open yet.' };
    }
    return failureText(failure);
  }

  #pick(detail: KindPick): void {
    this.dispatchEvent(new CustomEvent<KindPick>('h5-pick', { detail }));
  }
}

customElements.define('h5-kind-step', H5KindStep);

declare global {
  interface HTMLElementTagNameMap {
    'h5-kind-step': H5KindStep;
  }
}
