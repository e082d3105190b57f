/**
 * `<console-hours-editor>`: an outlet's opening hours, a row per weekday with up to four periods (a
 * day without any is closed). Says at once what is wrong with a period (the same rule the server
 * applies, from common/admin.ts) and sends `console-hours-change` with the new hours on every edit.
 */
import { LitElement, css, html, nothing } from 'lit';
import { ISO_WEEKDAYS, type OpeningHoursInput, type OpenPeriod } from '../../common/admin.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { adminStyles } from './admin-styles.ts';
import { fieldProblemText } from './field-problems.ts';

type Weekday = (typeof ISO_WEEKDAYS)[number];

export const WEEKDAY_NAMES: Record<Weekday, Text> = {
  '1': { zh: '周一', en: 'Mon' }, '2': { zh: '周二', en: 'Tue' }, '3': { zh: '周三', en: 'Wed' }, '4': { zh: '周四', en: 'Thu' },
  '5': { zh: '周五', en: 'Fri' }, '6': { zh: '周六', en: 'Sat' }, '7': { zh: '周日', en: 'Sun' },
};

const MAX_PERIODS = 4;

/** A period to start editing from: an hour after the day's last one, or a morning on a closed day. */
function nextPeriod(last: OpenPeriod | undefined): OpenPeriod {
  if (!last) return { open: '08:30', close: '12:00' };
  const hour = Number(last.close.slice(0, 2)) + 1;
  return { open: last.close, close: hour > 23 ? '23:59' : `${String(hour).padStart(2, '0')}${last.close.slice(2)}` };
}

export class ConsoleHoursEditor extends LitElement {
  static override properties = { hours: { attribute: false }, problems: { attribute: false }, disabled: { type: Boolean } };

  static override styles = [
    theme,
    adminStyles,
    css`
      .day {
        display: grid;
        grid-template-columns: 4rem minmax(0, 1fr);
        gap: 0.5rem;
        align-items: start;
        padding: 0.4rem 0;
        border-bottom: 1px solid #e3e7ec;
      }
      .day-name {
        padding-top: 0.5rem;
        font-weight: 700;
      }
      .periods {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      .period {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.3rem;
      }
      .period .field-error {
        flex-basis: 100%;
      }
      .closed {
        color: var(--lobby-muted);
      }
    `,
  ];

  declare hours: OpeningHoursInput;
  /** Field paths (`openingHours.2.1`) to problem codes. */
  declare problems: Record<string, string>;
  declare disabled: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.hours = {};
    this.problems = {};
    this.disabled = false;
  }

  override render() {
    return html`${ISO_WEEKDAYS.map((weekday) => this.#renderDay(weekday))}`;
  }

  #renderDay(weekday: Weekday) {
    const periods = this.hours[weekday] ?? [];
    const name = WEEKDAY_NAMES[weekday];
    return html`
      <div class="day" role="group" aria-label=${t(name)}>
        <span class="day-name">${t(name)}</span>
        <div class="periods">
          ${periods.length === 0 ? html`<span class="closed">${t({ zh: '休息', en: 'Closed' })}</span>` : nothing}
          ${periods.map((period, index) => this.#renderPeriod(weekday, period, index))}
          ${periods.length < MAX_PERIODS
            ? html`<button type="button" ?disabled=${this.disabled} @click=${() => this.#add(weekday)}
                aria-label=${t({ zh: `${name.zh} 增加时段`, en: `${name.en}: add a period` })}>＋ ${t({ zh: '时段', en: 'Period' })}</button>`
            : nothing}
        </div>
      </div>
    `;
  }

  #renderPeriod(weekday: Weekday, period: OpenPeriod, index: number) {
    const name = WEEKDAY_NAMES[weekday];
    const code = this.problems[`openingHours.${weekday}.${index}`];
    const label = (end: Text) => t({ zh: `${name.zh} 第${index + 1}段 ${end.zh}`, en: `${name.en} period ${index + 1} ${end.en}` });
    const errorId = `error-${weekday}-${index}`;
    return html`
      <span class="period">
        <input type="time" step="300" required .value=${period.open} ?disabled=${this.disabled} aria-invalid=${code ? 'true' : 'false'}
          aria-describedby=${code ? errorId : nothing} aria-label=${label({ zh: '开始', en: 'opens' })}
          @change=${(e: Event) => this.#set(weekday, index, { ...period, open: (e.target as HTMLInputElement).value })} />
        –
        <input type="time" step="300" required .value=${period.close} ?disabled=${this.disabled} aria-invalid=${code ? 'true' : 'false'}
          aria-describedby=${code ? errorId : nothing} aria-label=${label({ zh: '结束', en: 'closes' })}
          @change=${(e: Event) => this.#set(weekday, index, { ...period, close: (e.target as HTMLInputElement).value })} />
        <button type="button" ?disabled=${this.disabled} @click=${() => this.#remove(weekday, index)}
          aria-label=${label({ zh: '删除', en: 'remove' })}>✕</button>
        ${code ? html`<span class="field-error" id=${errorId}>${t(fieldProblemText(code))}</span>` : nothing}
      </span>
    `;
  }

  #add(weekday: Weekday): void {
    const periods = this.hours[weekday] ?? [];
    this.#emit({ ...this.hours, [weekday]: [...periods, nextPeriod(periods.at(-1))] });
  }

  #remove(weekday: Weekday, index: number): void {
    const periods = (this.hours[weekday] ?? []).filter((_, i) => i !== index);
    const next: OpeningHoursInput = { ...this.hours };
    if (periods.length === 0) delete next[weekday];
    else next[weekday] = periods;
    this.#emit(next);
  }

  #set(weekday: Weekday, index: number, period: OpenPeriod): void {
    const periods = [...(this.hours[weekday] ?? [])];
    periods[index] = period;
    this.#emit({ ...this.hours, [weekday]: periods });
  }

  #emit(hours: OpeningHoursInput): void {
    this.dispatchEvent(new CustomEvent<OpeningHoursInput>('console-hours-change', { detail: hours }));
  }
}

customElements.define('console-hours-editor', ConsoleHoursEditor);

declare global {
  interface HTMLElementTagNameMap {
    'console-hours-editor': ConsoleHoursEditor;
  }
}
