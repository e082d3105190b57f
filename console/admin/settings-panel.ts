/**
 * `<console-settings-panel>`: every *(setting)* of DOMAIN.md with what it means, the value in force,
 * its default and bounds, and who changed it last. Changes (and resets to the default) go together
 * through a preview that says whom they touch now — citizens over a lowered limit, bookings past a
 * shorter window — before the administrator confirms.
 */
import { LitElement, css, html, nothing } from 'lit';
import { settingsChanged, settingsList, type SettingsChanged, type SettingView, type UpdateSettingsRequest } from '../../common/admin.ts';
import { LocaleController, locale, t } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest, fieldsOf, withQuery } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';
import { ChangeController } from './change-controller.ts';
import { fieldProblemText } from './field-problems.ts';
import './impact-preview.ts';
import { kindOf, parseRaw, rawOf, shown } from './setting-value.ts';

const dateTime = (iso: string) => new Intl.DateTimeFormat(locale(), { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

export class ConsoleSettingsPanel extends LitElement {
  static override properties = { csrfToken: { attribute: false }, load: { state: true }, raw: { state: true }, resets: { state: true } };

  static override styles = [
    theme,
    panelStyles,
    adminStyles,
    css`
      td input[type='number'] {
        width: 7rem;
      }
      td input[type='time'] {
        width: 7.5rem;
      }
      .window {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.3rem;
      }
      .key {
        display: block;
        font-size: 0.75rem;
        color: var(--lobby-muted);
      }
      .changed td {
        background: #fff8ec;
      }
    `,
  ];

  declare csrfToken: string;
  declare load: Load<SettingView[]>;
  /** Typed text per key, where it differs from what was loaded. */
  declare raw: Record<string, string>;
  /** Keys to put back to their default. */
  declare resets: string[];

  readonly #change = new ChangeController<SettingsChanged>(this, (answer) => {
    this.load = { status: 'loaded', data: answer.settings };
    this.raw = {};
    this.resets = [];
  });

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.load = { status: 'loading' };
    this.raw = {};
    this.resets = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#reload();
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="settings-title">
        <h2 id="settings-title">${t({ zh: '参数设置', en: 'Settings' })}</h2>
        ${renderLoad(this.load, this.#reload, (settings) => this.#renderForm(settings), {
          isEmpty: (settings) => settings.length === 0, empty: { zh: '没有可设置的参数', en: 'No settings' },
        })}
      </section>
    `;
  }

  #renderForm(settings: SettingView[]) {
    const locked = this.#change.pending;
    const server = this.#change.state.status === 'failed' ? fieldsOf(this.#change.state.failure) : {};
    const request = this.#request(settings);
    const empty = request.ok && Object.keys(request.values).length === 0 && request.reset.length === 0;
    return html`<form @submit=${(e: SubmitEvent) => this.#preview(e, request.ok ? request : undefined)}>
      <div class="table-wrap"><table>
        <thead><tr>
          <th scope="col">${t({ zh: '参数', en: 'Setting' })}</th>
          <th scope="col">${t({ zh: '当前值', en: 'Value' })}</th>
          <th scope="col">${t({ zh: '默认值', en: 'Default' })}</th>
          <th scope="col">${t({ zh: '范围', en: 'Bounds' })}</th>
          <th scope="col">${t({ zh: '最后修改', en: 'Last changed' })}</th>
        </tr></thead>
        <tbody>${settings.map((s) => this.#renderRow(s, locked, server[`values.${s.key}`]))}</tbody>
      </table></div>
      <div class="actions">
        <button type="button" ?disabled=${locked || empty} @click=${this.#discard}>${t({ zh: '放弃更改', en: 'Discard changes' })}</button>
        <button class="primary" type="submit" ?disabled=${locked || empty || !request.ok}>${t({ zh: '预览并保存', en: 'Preview and save' })}</button>
      </div>
    </form>
    <console-impact-preview .state=${this.#change.state} @console-confirm=${() => this.#change.confirm()} @console-cancel=${() => this.#change.reset()}>
      ${this.#change.state.status === 'previewed' || this.#change.state.status === 'saving'
        ? html`${this.#change.state.answer.effects.length === 0
            ? html`<p>${t({ zh: '没有市民或经办人因此立即受到影响。', en: 'Nobody is touched by this right now.' })}</p>`
            : html`<ul class="effects">${this.#change.state.answer.effects.map((e) => html`<li>${t(e.sentence)}</li>`)}</ul>`}`
        : nothing}
    </console-impact-preview>`;
  }

  #renderRow(s: SettingView, locked: boolean, serverCode: string | undefined) {
    const raw = this.raw[s.key] ?? rawOf(s);
    const parsed = parseRaw(s, raw);
    const problem = !parsed.ok ? parsed.problem : serverCode ? fieldProblemText(serverCode) : undefined;
    const resetting = this.resets.includes(s.key);
    const changed = resetting || (this.raw[s.key] !== undefined && this.raw[s.key] !== rawOf(s));
    const label = t(s.description);
    return html`<tr class=${changed ? 'changed' : ''} data-setting=${s.key}>
      <td>${label}<span class="key mono">${s.key}</span></td>
      <td>
        ${this.#renderInput(s, raw, label, locked || resetting, problem !== undefined)}
        ${problem ? html`<p class="field-error">${t(problem)}</p>` : nothing}
        ${s.overridden
          ? html`<label class="check"><input type="checkbox" .checked=${resetting} ?disabled=${locked}
              @change=${(e: Event) => this.#toggleReset(s.key, (e.target as HTMLInputElement).checked)} />${t({ zh: '恢复默认', en: 'Back to default' })}</label>`
          : nothing}
      </td>
      <td>${t(shown(s.default))}</td>
      <td>${s.limits ? `${s.limits.min ?? '−∞'} – ${s.limits.max ?? '∞'}${s.limits.integer ? t({ zh: '（整数）', en: ' (whole)' }) : ''}` : '—'}</td>
      <td>${s.overridden && s.updatedAt ? `${dateTime(s.updatedAt)}` : t({ zh: '（默认）', en: '(default)' })}</td>
    </tr>`;
  }

  #renderInput(s: SettingView, raw: string, label: string, disabled: boolean, invalid: boolean) {
    const set = (value: string) => this.#set(s.key, value);
    switch (kindOf(s)) {
      case 'number':
        return html`<input type="number" name=${s.key} aria-label=${label} .value=${raw} ?disabled=${disabled} aria-invalid=${invalid ? 'true' : 'false'}
          min=${s.limits?.min ?? nothing} max=${s.limits?.max ?? nothing} step=${s.limits?.integer ? '1' : 'any'}
          @input=${(e: Event) => set((e.target as HTMLInputElement).value)} />`;
      case 'window': {
        const [from = '', to = ''] = raw ? raw.split('-') : [];
        return html`<span class="window">
          <label class="check"><input type="checkbox" .checked=${raw !== ''} ?disabled=${disabled}
            @change=${(e: Event) => set((e.target as HTMLInputElement).checked ? '23:00-01:00' : '')} />${t({ zh: '设置', en: 'Set' })}</label>
          ${raw !== ''
            ? html`<input type="time" name=${`${s.key}.from`} aria-label=${t({ zh: `${label} 开始`, en: `${label} from` })} .value=${from} ?disabled=${disabled}
                @input=${(e: Event) => set(`${(e.target as HTMLInputElement).value}-${to}`)} />–<input type="time" name=${`${s.key}.to`}
                aria-label=${t({ zh: `${label} 结束`, en: `${label} to` })} .value=${to} ?disabled=${disabled}
                @input=${(e: Event) => set(`${from}-${(e.target as HTMLInputElement).value}`)} />`
            : html`<span class="muted">${t({ zh: '不设', en: 'None' })}</span>`}
        </span>`;
      }
      case 'json':
        return html`<textarea name=${s.key} aria-label=${label} .value=${raw} ?disabled=${disabled} aria-invalid=${invalid ? 'true' : 'false'}
          @input=${(e: Event) => set((e.target as HTMLTextAreaElement).value)}></textarea>`;
    }
  }

  /** What the form asks for, or not yet (a value that does not parse). */
  #request(settings: SettingView[]): ({ ok: true } & Required<UpdateSettingsRequest>) | { ok: false } {
    const values: Record<string, unknown> = {};
    for (const s of settings) {
      const raw = this.raw[s.key];
      if (raw === undefined || raw === rawOf(s) || this.resets.includes(s.key)) continue;
      const parsed = parseRaw(s, raw);
      if (!parsed.ok) return { ok: false };
      values[s.key] = parsed.value;
    }
    return { ok: true, values, reset: [...this.resets] };
  }

  readonly #reload = async (): Promise<void> => {
    const result = await consoleRequest('/api/admin/settings', { parse: (body) => settingsList.parse(body).settings });
    if (!stillSignedIn(this, result)) return;
    this.load = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };

  #set(key: string, raw: string): void {
    this.raw = { ...this.raw, [key]: raw };
    this.#change.reset();
  }

  #toggleReset(key: string, on: boolean): void {
    this.resets = on ? [...this.resets, key] : this.resets.filter((k) => k !== key);
    this.#change.reset();
  }

  readonly #discard = (): void => {
    this.raw = {};
    this.resets = [];
    this.#change.reset();
  };

  async #preview(event: SubmitEvent, request: Required<UpdateSettingsRequest> | undefined): Promise<void> {
    event.preventDefault();
    if (!request) return;
    await this.#change.preview((dryRun) => consoleRequest(withQuery('/api/admin/settings', { dryRun }), {
      method: 'PATCH', csrfToken: this.csrfToken, body: request, parse: (body) => settingsChanged.parse(body),
    }));
  }
}

customElements.define('console-settings-panel', ConsoleSettingsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'console-settings-panel': ConsoleSettingsPanel;
  }
}
