/**
 * `<h5-details-step>`: the business details — the plate number when there is one (optional) and a
 * short note. Everything entered must be true; the counter checks it. Sends `h5-pick` with the
 * details that were filled in (`{ plate: '赣L12345' }`).
 */
import { LitElement, css, html } from 'lit';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { h5Styles } from './h5-styles.ts';
import { formStyles } from './form-styles.ts';

export class H5DetailsStep extends LitElement {
  static override properties = { details: { attribute: false } };

  static override styles = [
    theme,
    h5Styles,
    formStyles,
    css`
      /* Here the label wraps its input. */
      label {
        display: grid;
        gap: 0.25rem;
      }
    `,
  ];

  declare details: Record<string, string>;

  constructor() {
    super();
    new LocaleController(this);
    this.details = {};
  }

  override render() {
    return html`
      <h2>${t({ zh: '填写业务信息', en: 'Business details' })}</h2>
      <p class="muted">${t({ zh: '请如实填写，信息不实的预约将在窗口被拒绝办理。', en: 'Everything entered must be true: a false booking is refused at the counter.' })}</p>
      <form novalidate @submit=${this.#submit}>
        <label>${t({ zh: '号牌号码（选填）', en: 'Plate number (optional)' })}
          <input name="plate" autocapitalize="characters" autocomplete="off" spellcheck="false" maxlength="10" .value=${this.details.plate ?? ''} />
        </label>
        <label>${t({ zh: '备注（选填）', en: 'Note (optional)' })}
          <input name="note" autocomplete="off" maxlength="100" .value=${this.details.note ?? ''} />
        </label>
        <button class="primary" type="submit">${t({ zh: '下一步', en: 'Next' })}</button>
      </form>
    `;
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const details: Record<string, string> = {};
    const plate = String(form.get('plate') ?? '').replace(/\s+/g, '').toUpperCase();
    const note = String(form.get('note') ?? '').trim();
    if (plate) details.plate = plate;
    if (note) details.note = note;
    this.dispatchEvent(new CustomEvent<Record<string, string>>('h5-pick', { detail: details }));
  }
}

customElements.define('h5-details-step', H5DetailsStep);

declare global {
  interface HTMLElementTagNameMap {
    'h5-details-step': H5DetailsStep;
  }
}
