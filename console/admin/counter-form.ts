/**
 * `<console-counter-form>`: a counter's number (announced: "请 A012 号到 3 号窗口"), name and the
 * services it handles, chosen among those its outlet offers. Used to add a counter and to change one;
 * sends `console-counter-submit` with the values, the panel does the request.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { AdminCounter, AdminService } from '../../common/admin.ts';
import { LocaleController, t } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { adminStyles } from './admin-styles.ts';
import { fieldProblemText, problemAt } from './field-problems.ts';

export interface CounterValues {
  number: number;
  name: { zh: string; en: string };
  serviceIds: string[];
}

export class ConsoleCounterForm extends LitElement {
  static override properties = {
    counter: { attribute: false },
    services: { attribute: false },
    fields: { attribute: false },
    busy: { type: Boolean },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      fieldset {
        margin: 0.5rem 0;
        padding: 0.5rem 0.75rem;
        border: 1px solid #d5dae0;
        border-radius: 6px;
      }
      legend {
        font-weight: 600;
      }
      .services {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 1.25rem;
      }
    `,
  ];

  /** Absent: a new counter. */
  declare counter: AdminCounter | undefined;
  declare services: AdminService[];
  declare fields: Record<string, string>;
  declare busy: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.services = [];
    this.fields = {};
    this.busy = false;
  }

  override render() {
    const counter = this.counter;
    const numberProblem = problemAt(this.fields, 'number');
    const servicesProblem = problemAt(this.fields, 'serviceIds');
    return html`<form @submit=${this.#submit}>
      <div class="form-grid">
        <label class="field">${t({ zh: '窗口号', en: 'Number' })}
          <input name="number" type="number" min="1" max="999" step="1" required .value=${counter ? String(counter.number) : ''} ?disabled=${this.busy}
            aria-invalid=${numberProblem ? 'true' : 'false'} />
          ${numberProblem ? html`<span class="field-error">${t(numberProblem)}</span>` : nothing}
        </label>
        <label class="field">${t({ zh: '名称（中文）', en: 'Name (Chinese)' })}
          <input name="zh" required maxlength="40" .value=${counter?.name.zh ?? ''} ?disabled=${this.busy} placeholder=${t({ zh: '如：3号窗口', en: 'e.g. 3号窗口' })} />
        </label>
        <label class="field">${t({ zh: '名称（英文）', en: 'Name (English)' })}
          <input name="en" maxlength="80" lang="en" .value=${counter?.name.en ?? ''} ?disabled=${this.busy} placeholder="Counter 3" />
        </label>
      </div>
      <fieldset>
        <legend>${t({ zh: '办理业务', en: 'Services handled' })}</legend>
        <div class="services">
          ${this.services.map((s) => html`<label class="check"><input type="checkbox" name="serviceIds" value=${s.id}
            .checked=${counter?.serviceIds.includes(s.id) ?? false} ?disabled=${this.busy} />${t(s.name)}</label>`)}
        </div>
        ${servicesProblem ? html`<p class="field-error">${t(servicesProblem)}</p>` : nothing}
        ${Object.entries(this.fields).filter(([path]) => path.startsWith('serviceIds.')).map(([, code]) => html`<p class="field-error">${t(fieldProblemText(code))}</p>`)}
      </fieldset>
      <div class="actions">
        ${counter ? html`<button type="button" ?disabled=${this.busy} @click=${this.#cancel}>${t({ zh: '取消', en: 'Cancel' })}</button>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
          ${counter ? t({ zh: '保存', en: 'Save' }) : t({ zh: '新增窗口', en: 'Add counter' })}
        </button>
      </div>
    </form>`;
  }

  /** Clears the form after a counter was added with it. */
  clear(): void {
    this.renderRoot.querySelector('form')?.reset();
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const values: CounterValues = {
      number: Number(data.get('number')),
      name: { zh: String(data.get('zh') ?? '').trim(), en: String(data.get('en') ?? '').trim() },
      serviceIds: data.getAll('serviceIds').map(String),
    };
    this.dispatchEvent(new CustomEvent<CounterValues>('console-counter-submit', { detail: values }));
  }

  #cancel(): void {
    this.dispatchEvent(new CustomEvent('console-cancel'));
  }
}

customElements.define('console-counter-form', ConsoleCounterForm);

declare global {
  interface HTMLElementTagNameMap {
    'console-counter-form': ConsoleCounterForm;
  }
}
