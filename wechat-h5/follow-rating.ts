/**
 * `<h5-follow-rating>`: 好差评 from the phone, once the ticket's business is finished — five grades,
 * and for the two lowest a reason, which the office needs to act on. Fires `h5-rated` when the
 * server has it (or already had it).
 */
import { LitElement, css, html, nothing } from 'lit';
import { RATING_GRADES, RATING_TEXT } from '../common/counters.ts';
import { failureText } from '../ui/api.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { rateFollowedTicket } from './follow-api.ts';
import { formStyles } from './form-styles.ts';
import { h5Styles } from './h5-styles.ts';

/** Best first, as people read a rating scale. */
const GRADES = [...RATING_GRADES].reverse();
const REASON_NEEDED = { zh: '请说明不满意的原因，我们会改进。', en: 'Please tell us what went wrong, so we can put it right.' };

export class H5FollowRating extends LitElement {
  static override properties = {
    token: {},
    grade: { state: true },
    reason: { state: true },
    busy: { state: true },
    problem: { state: true },
  };

  static override styles = [
    theme,
    h5Styles,
    formStyles,
    css`
      fieldset {
        display: grid;
        gap: 0.5rem;
        margin: 0;
        padding: 0;
        border: 0;
      }
      legend {
        margin-bottom: 0.5rem;
        font-weight: 600;
      }
      .grade {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: 48px;
        padding: 0 1rem;
        border: 2px solid var(--lobby-border);
        border-radius: 8px;
        font-weight: normal;
        cursor: pointer;
      }
      .grade:has(input:checked) {
        border-color: var(--lobby-primary);
        background: #e8f0fb;
        font-weight: 600;
      }
      .grade input {
        width: 1.25rem;
        height: 1.25rem;
        margin: 0;
      }
      .stars {
        color: #c98a00;
        letter-spacing: 0.05em;
      }
      textarea {
        width: 100%;
        min-height: 6rem;
        padding: 0.5em 0.75em;
        font: inherit;
        font-size: max(1rem, 16px);
        border: 1px solid var(--lobby-border);
        border-radius: 6px;
      }
      textarea[aria-invalid='true'] {
        border: 2px solid var(--lobby-danger);
      }
    `,
  ];

  declare token: string;
  declare grade: number | undefined;
  declare reason: string;
  declare busy: boolean;
  declare problem: string | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.token = '';
    this.grade = undefined;
    this.reason = '';
    this.busy = false;
    this.problem = undefined;
  }

  override render() {
    const needsReason = this.grade !== undefined && this.grade <= 2;
    const reasonMissing = needsReason && this.problem === t(REASON_NEEDED);
    return html`
      <form class="card" @submit=${this.#submit} novalidate>
        <fieldset>
          <legend>${t({ zh: '请为本次服务评价', en: 'How was the service?' })}</legend>
          ${GRADES.map((grade) => html`
            <label class="grade">
              <input type="radio" name="grade" .value=${String(grade)} .checked=${this.grade === grade} @change=${() => this.#choose(grade)} />
              <span class="stars" aria-hidden="true">${'★'.repeat(grade)}${'☆'.repeat(5 - grade)}</span>
              <span>${t(RATING_TEXT[grade])}</span>
            </label>
          `)}
        </fieldset>
        ${needsReason
          ? html`
              <div class="field">
                <label for="reason">${t({ zh: '不满意的原因（必填）', en: 'What went wrong (required)' })}</label>
                <textarea id="reason" maxlength="500" aria-invalid=${reasonMissing ? 'true' : 'false'} aria-describedby="reason-error"
                  .value=${this.reason} @input=${this.#typed}></textarea>
                ${reasonMissing ? html`<p class="error" id="reason-error" role="alert">${this.problem}</p>` : nothing}
              </div>
            `
          : nothing}
        ${this.problem && !reasonMissing ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
        <button type="submit" class="primary" ?disabled=${this.busy || this.grade === undefined}>
          ${this.busy ? t({ zh: '正在提交……', en: 'Sending…' }) : t({ zh: '提交评价', en: 'Send rating' })}
        </button>
      </form>
    `;
  }

  #choose(grade: number): void {
    this.grade = grade;
    this.problem = undefined;
  }

  #typed(event: InputEvent): void {
    this.reason = (event.target as HTMLTextAreaElement).value;
    if (this.reason.trim()) this.problem = undefined;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const grade = this.grade;
    if (grade === undefined || this.busy) return;
    const reason = this.reason.trim();
    if (grade <= 2 && !reason) {
      this.problem = t(REASON_NEEDED);
      await this.updateComplete;
      this.renderRoot.querySelector('textarea')?.focus();
      return;
    }
    this.busy = true;
    this.problem = undefined;
    const result = await rateFollowedTicket(this.token, reason ? { grade, reason } : { grade });
    this.busy = false;
    if (result.ok || (result.kind === 'server' && result.error.code === 'rating_exists')) {
      this.dispatchEvent(new CustomEvent('h5-rated', { bubbles: true, composed: true, detail: { grade } }));
      return;
    }
    this.problem = t(failureText(result));
  }
}

customElements.define('h5-follow-rating', H5FollowRating);

declare global {
  interface HTMLElementTagNameMap {
    'h5-follow-rating': H5FollowRating;
  }
}
