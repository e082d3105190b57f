/**
 * `<console-blacklist-add>`: put an ID number, a mobile number or a firm (credit code) on the
 * blacklist, with a reason and an optional last day. The number is checked as it is typed with the
 * same checksums the server applies (common/), and the server checks again. Sends
 * `console-blacklist-added` with the answer (which counts the bookings the entry now blocks).
 */
import { LitElement, html, nothing } from 'lit';
import { blacklistAdded, BLACKLIST_KINDS, type BlacklistAdded, type BlacklistEntryView } from '../../common/admin.ts';
import { isValidCreditCode } from '../../common/credit-code.ts';
import { parseIdNumber } from '../../common/id-number.ts';
import { isValidMobile } from '../../common/phone.ts';
import { addDays, shanghaiInstant } from '../../common/time.ts';
import type { ApiFailure } from '../../ui/api.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, failureText, fieldsOf } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { adminStyles } from './admin-styles.ts';
import { fieldProblemText, problemAt } from './field-problems.ts';
import { serverToday } from './server-today.ts';

type Kind = BlacklistEntryView['kind'];

export const KIND_NAMES: Record<Kind, Text> = {
  id_number: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '手机号', en: 'Mobile number' },
  firm: { zh: '单位（统一社会信用代码）', en: 'Firm (credit code)' },
};

/** What is wrong with `value` as a `kind`, or nothing. */
export function valueProblem(kind: Kind, value: string, today: string): Text | undefined {
  if (!value.trim()) return fieldProblemText('required');
  switch (kind) {
    case 'id_number': {
      const parsed = parseIdNumber(value, today);
      return parsed.ok ? undefined : fieldProblemText(`id_number_${parsed.problem}`);
    }
    case 'phone':
      return isValidMobile(value) ? undefined : fieldProblemText('phone_invalid');
    case 'firm':
      return isValidCreditCode(value) ? undefined : fieldProblemText('credit_code_invalid');
  }
}

export class ConsoleBlacklistAdd extends LitElement {
  static override properties = {
    csrfToken: { attribute: false },
    kind: { state: true },
    value: { state: true },
    touched: { state: true },
    reasonMissing: { state: true },
    busy: { state: true },
    failure: { state: true },
    today: { state: true },
  };

  static override styles = [theme, panelStyles, adminStyles];

  declare csrfToken: string;
  declare kind: Kind;
  declare value: string;
  /** Problems are said once the field was left or the form sent, not on the first keystroke. */
  declare touched: boolean;
  declare reasonMissing: boolean;
  declare busy: boolean;
  declare failure: ApiFailure | undefined;
  declare today: string;

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.kind = 'id_number';
    this.value = '';
    this.touched = false;
    this.reasonMissing = false;
    this.busy = false;
    this.today = new Date().toISOString().slice(0, 10);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void serverToday().then((today) => (this.today = today));
  }

  override render() {
    const server = this.failure ? fieldsOf(this.failure) : {};
    const valueProblemText = (this.touched ? valueProblem(this.kind, this.value, this.today) : undefined) ?? problemAt(server, 'value');
    const expiresProblem = problemAt(server, 'expiresAt');
    return html`
      <section class="panel" aria-labelledby="blacklist-add-title">
        <h3 id="blacklist-add-title">${t({ zh: '加入黑名单', en: 'Add to the blacklist' })}</h3>
        <form novalidate @submit=${this.#submit}>
          <div class="form-grid">
            <label class="field">${t({ zh: '类型', en: 'Kind' })}
              <select name="kind" ?disabled=${this.busy} @change=${(e: Event) => { this.kind = (e.target as HTMLSelectElement).value as Kind; this.touched = false; }}>
                ${BLACKLIST_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${t(KIND_NAMES[kind])}</option>`)}
              </select>
            </label>
            <label class="field">${t(KIND_NAMES[this.kind])}
              <input name="value" autocomplete="off" spellcheck="false" maxlength="40" .value=${this.value} ?disabled=${this.busy}
                inputmode=${this.kind === 'phone' ? 'tel' : 'text'} aria-invalid=${valueProblemText ? 'true' : 'false'}
                @input=${(e: Event) => (this.value = (e.target as HTMLInputElement).value)} @blur=${() => (this.touched = this.value !== '')} />
              ${valueProblemText ? html`<span class="field-error">${t(valueProblemText)}</span>` : nothing}
            </label>
            <label class="field">${t({ zh: '来源', en: 'Source' })}
              <select name="source" ?disabled=${this.busy}>
                <option value="manual">${t({ zh: '人工列入', en: 'Added by staff' })}</option>
                <option value="illegal_booking">${t({ zh: '违规预约（代办冒充本人等）', en: 'Illegal booking' })}</option>
              </select>
            </label>
            <label class="field">${t({ zh: '有效期至（含当日；不填为长期）', en: 'Last day (empty: until removed)' })}
              <input name="until" type="date" min=${this.today} ?disabled=${this.busy} aria-invalid=${expiresProblem ? 'true' : 'false'} />
              ${expiresProblem ? html`<span class="field-error">${t(expiresProblem)}</span>` : nothing}
            </label>
          </div>
          <label class="field">${t({ zh: '原因', en: 'Reason' })}
            <textarea name="reason" maxlength="200" ?disabled=${this.busy} aria-invalid=${this.reasonMissing ? 'true' : 'false'}></textarea>
            ${this.reasonMissing ? html`<span class="field-error">${t({ zh: '请填写列入原因。', en: 'Give the reason.' })}</span>` : nothing}
          </label>
          ${this.failure ? html`<p class="problem" role="alert">${t(failureText(this.failure))}</p>` : nothing}
          <div class="actions">
            <button class="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${t({ zh: '加入黑名单', en: 'Add' })}</button>
          </div>
        </form>
      </section>
    `;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const reason = String(data.get('reason') ?? '').trim();
    const until = String(data.get('until') ?? '');
    this.touched = true;
    this.reasonMissing = reason === '';
    this.failure = undefined;
    if (valueProblem(this.kind, this.value, this.today) || this.reasonMissing) return;
    this.busy = true;
    const result = await consoleRequest('/api/admin/blacklist', {
      method: 'POST', csrfToken: this.csrfToken,
      body: {
        kind: this.kind, value: this.value.trim(), reason,
        source: data.get('source') === 'illegal_booking' ? 'illegal_booking' : 'manual',
        // The last day counts whole: the entry ends at the next midnight in Beijing.
        expiresAt: until ? shanghaiInstant(addDays(until, 1), '00:00').toISOString() : null,
      },
      parse: (body) => blacklistAdded.parse(body),
    });
    this.busy = false;
    if (!stillSignedIn(this, result)) return;
    if (!result.ok) {
      this.failure = result;
      return;
    }
    form.reset();
    this.value = '';
    this.touched = false;
    this.dispatchEvent(new CustomEvent<BlacklistAdded>('console-blacklist-added', { detail: result.data }));
  }
}

customElements.define('console-blacklist-add', ConsoleBlacklistAdd);

declare global {
  interface HTMLElementTagNameMap {
    'console-blacklist-add': ConsoleBlacklistAdd;
  }
}
