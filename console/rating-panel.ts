/**
 * `<console-rating-panel>`: 好差评 after a finished ticket — five grades, and a reason required
 * for the two lowest (the server refuses a low grade without one, so the button waits for it).
 * The clerk can turn the screen to the citizen: the panel then covers the screen in both languages
 * with large buttons, and takes the keyboard away from the counter's shortcuts. Sends
 * `console-rating-done` (rated, already rated, or skipped) with a sentence for the clerk.
 */
import { LitElement, css, html, nothing } from 'lit';
import { RATING_GRADES, RATING_TEXT, type StaffTicket } from '../common/counters.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { failureText } from './console-api.ts';
import { panelStyles } from './console-styles.ts';
import { postRating } from './counter-api.ts';
import { ModalController } from './modal-controller.ts';
import { Presses } from './press.ts';
import { stillSignedIn } from './session-guard.ts';

type Grade = (typeof RATING_GRADES)[number];

/** Best first: the citizen reads from the left. */
const GRADES: readonly Grade[] = [...RATING_GRADES].reverse();

export class ConsoleRatingPanel extends LitElement {
  static override properties = {
    ticket: { attribute: false },
    csrfToken: { attribute: false },
    grade: { state: true },
    reason: { state: true },
    busy: { state: true },
    problem: { state: true },
    facing: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .grades {
        display: grid;
        grid-template-columns: repeat(5, 1fr);
        gap: 0.5rem;
        margin: 0.5rem 0;
      }
      .grades button {
        display: grid;
        place-items: center;
        padding: 0.4em;
        line-height: 1.3;
      }
      .grades button[aria-pressed='true'] {
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
      }
      .stars {
        letter-spacing: 0.05em;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      textarea {
        font: inherit;
        min-height: 4em;
        padding: 0.5em 0.75em;
        border: 1px solid var(--lobby-border);
        border-radius: 6px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: 0.75rem;
        margin-top: 0.75rem;
      }
      .en {
        display: block;
        font-size: 0.7em;
        font-weight: normal;
      }
      /* Turned to the citizen: the whole screen, big buttons, both languages. */
      .facing {
        position: fixed;
        inset: 0;
        z-index: 20;
        display: grid;
        align-content: center;
        gap: 1.5rem;
        padding: 3rem;
        background: var(--lobby-bg);
        font-size: 1.5rem;
        text-align: center;
      }
      .facing .grades button {
        min-height: 8rem;
        font-size: 1.5rem;
      }
      .facing h2 {
        font-size: 2.25rem;
      }
      .facing .back {
        position: absolute;
        top: 1rem;
        right: 1rem;
        font-size: 1rem;
      }
    `,
  ];

  declare ticket: StaffTicket;
  declare csrfToken: string;
  declare grade: Grade | undefined;
  declare reason: string;
  declare busy: boolean;
  declare problem: Text | undefined;
  declare facing: boolean;

  readonly #presses = new Presses();

  constructor() {
    super();
    new LocaleController(this);
    new ModalController(this, () => this.facing);
    this.csrfToken = '';
    this.reason = '';
    this.busy = false;
    this.facing = false;
  }

  override render() {
    const facing = this.facing;
    // Facing the citizen, who may read either language: both at once.
    const say = (text: Text) => (facing ? html`${text.zh}<span class="en" lang="en">${text.en}</span>` : t(text));
    const needsReason = this.grade !== undefined && this.grade <= 2;
    const ready = this.grade !== undefined && (!needsReason || this.reason.trim().length > 0);
    return html`
      <section class=${facing ? 'panel facing' : 'panel'} aria-labelledby="rating-title" role=${facing ? 'dialog' : 'region'} aria-modal=${facing ? 'true' : 'false'}>
        ${facing ? html`<button class="back" type="button" @click=${() => { this.facing = false; }}>${t({ zh: '转回窗口', en: 'Back to the clerk' })}</button>` : nothing}
        <h2 id="rating-title">${say({ zh: `请为本次服务评价（${this.ticket.number}）`, en: `Please rate this service (${this.ticket.number})` })}</h2>
        <div class="grades" role="group" aria-label=${t({ zh: '评价等级', en: 'Grade' })}>
          ${GRADES.map((grade) => html`
            <button type="button" data-grade=${grade} aria-pressed=${this.grade === grade ? 'true' : 'false'} ?disabled=${this.busy}
              @click=${() => { this.grade = grade; this.problem = undefined; }}>
              <span class="stars" aria-hidden="true">${'★'.repeat(grade)}</span>
              <span>${say(RATING_TEXT[grade])}</span>
            </button>`)}
        </div>
        ${needsReason
          ? html`<label>
              ${say({ zh: '请告诉我们不满意的原因（必填）', en: 'Please tell us what went wrong (required)' })}
              <textarea name="reason" maxlength="500" required .value=${this.reason} ?disabled=${this.busy}
                @input=${(e: InputEvent) => { this.reason = (e.target as HTMLTextAreaElement).value; }}></textarea>
            </label>`
          : nothing}
        ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
        <div class="actions">
          ${facing
            ? nothing
            : html`
                <button type="button" ?disabled=${this.busy} @click=${this.#skip}>${t({ zh: '跳过', en: 'Skip' })}</button>
                <button type="button" ?disabled=${this.busy} @click=${() => { this.facing = true; }}>${t({ zh: '转向群众评价', en: 'Turn to the citizen' })}</button>
              `}
          <button class="primary" type="button" ?disabled=${!ready || this.busy} aria-busy=${this.busy ? 'true' : 'false'} @click=${this.#submit}>
            ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${say({ zh: '提交评价', en: 'Submit' })}
          </button>
        </div>
      </section>
    `;
  }

  async #submit(): Promise<void> {
    const grade = this.grade;
    if (grade === undefined || this.busy) return;
    // The reason box shows only for the two lowest grades: nothing unseen is sent with a higher one.
    const reason = grade <= 2 ? this.reason.trim() : '';
    const what = `rating:${this.ticket.id}`;
    this.busy = true;
    this.problem = undefined;
    const result = await postRating(this.ticket.id, reason ? { grade, reason } : { grade }, this.#presses.keyFor(what), this.csrfToken);
    this.#presses.settle(what, result);
    this.busy = false;
    if (!stillSignedIn(this, result)) return;
    if (result.ok) return this.#done({ zh: `${this.ticket.number} 的评价已记录，谢谢。`, en: `Rating for ${this.ticket.number} saved. Thank you.` });
    // Rated already (from the phone, or by a retried press): nothing is left to do here.
    if (result.kind === 'server' && result.error.code === 'rating_exists') return this.#done(failureText(result));
    this.problem = failureText(result);
  }

  #skip(): void {
    this.#done(undefined);
  }

  #done(notice: Text | undefined): void {
    this.facing = false;
    this.dispatchEvent(new CustomEvent<Text | undefined>('console-rating-done', { detail: notice, bubbles: true, composed: true }));
  }
}

customElements.define('console-rating-panel', ConsoleRatingPanel);

declare global {
  interface HTMLElementTagNameMap {
    'console-rating-panel': ConsoleRatingPanel;
  }
}
