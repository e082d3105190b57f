/**
 * `<console-devices>`: the administrator's kiosks and displays — the list, pairing a new one with
 * the code its screen shows, renaming, and revoking (after a confirmation). Sends
 * `console-session-ended` when the server no longer knows the session.
 */
import { LitElement, css, html, nothing } from 'lit';
import { deviceList, deviceSummary, type DeviceSummary } from '../common/devices.ts';
import type { OutletSummary } from '../common/outlets.ts';
import type { ApiFailure, ApiResult } from '../ui/api.ts';
import { LocaleController, locale, t, type Text } from '../ui/i18n.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';
import { consoleRequest, failureText, sessionEnded } from './console-api.ts';

const KIND: Record<DeviceSummary['kind'], Text> = {
  kiosk: { zh: '自助取号机', en: 'Kiosk' },
  display: { zh: '叫号大屏', en: 'Display' },
};
const STATUS: Record<DeviceSummary['status'], Text> = {
  pairing: { zh: '待配对', en: 'Pairing' },
  active: { zh: '使用中', en: 'Active' },
  revoked: { zh: '已停用', en: 'Revoked' },
};

const dateTime = (value: string) =>
  new Intl.DateTimeFormat(locale(), { timeZone: 'Asia/Shanghai', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(value));

type Load = { status: 'loading' } | { status: 'loaded'; devices: DeviceSummary[] } | { status: 'failed'; failure: ApiFailure };

export class ConsoleDevices extends LitElement {
  static override properties = {
    csrfToken: { attribute: false },
    outlets: { attribute: false },
    load: { state: true },
    pairing: { state: true },
    notice: { state: true },
    problem: { state: true },
    renaming: { state: true },
    confirmingRevoke: { state: true },
  };

  static override styles = [
    theme,
    css`
      :host {
        display: grid;
        gap: 1.5rem;
      }
      h2,
      h3 {
        margin: 0 0 0.75rem;
      }
      h2 {
        font-size: 1.375rem;
      }
      h3 {
        font-size: 1.125rem;
      }
      section {
        padding: 1.25rem 1.5rem;
        border: 1px solid var(--lobby-border);
        border-radius: 8px;
        background: var(--lobby-bg);
      }
      form.pair {
        display: grid;
        grid-template-columns: repeat(3, minmax(10rem, 1fr)) auto;
        align-items: end;
        gap: 0.75rem;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      input,
      select {
        font: inherit;
        width: 100%;
        min-width: 0;
        min-height: 44px;
        padding: 0 0.6em;
        border: 1px solid var(--lobby-border);
        border-radius: 6px;
        background: var(--lobby-bg);
      }
      input[name='pairingCode'] {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        letter-spacing: 0.1em;
        text-transform: uppercase;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        padding: 0.5rem 0.6rem;
        border-bottom: 1px solid #d5dae0;
        text-align: start;
        vertical-align: middle;
      }
      th {
        font-size: 0.875rem;
        color: var(--lobby-muted);
      }
      form.rename {
        display: flex;
        gap: 0.5rem;
      }
      form.rename input {
        width: auto;
        flex: 1;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: flex-end;
      }
      button.danger {
        border-color: var(--lobby-danger);
        color: var(--lobby-danger);
      }
      button.danger.primary {
        color: var(--lobby-on-primary);
        background: var(--lobby-danger);
      }
      .revoked td {
        color: var(--lobby-muted);
      }
      .notice,
      .problem {
        margin: 0.75rem 0 0;
        padding: 0.6em 1em;
        border-left: 4px solid;
        font-weight: 600;
      }
      .notice {
        border-color: var(--lobby-ok);
        color: var(--lobby-ok);
      }
      .problem {
        border-color: var(--lobby-danger);
        color: var(--lobby-danger);
      }
    `,
  ];

  declare csrfToken: string;
  declare outlets: OutletSummary[];
  declare load: Load;
  declare pairing: boolean;
  declare notice: Text | undefined;
  declare problem: Text | undefined;
  /** The device whose name is being edited. */
  declare renaming: string | undefined;
  /** The device whose revocation awaits a confirmation. */
  declare confirmingRevoke: string | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.csrfToken = '';
    this.outlets = [];
    this.load = { status: 'loading' };
    this.pairing = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#reload();
  }

  override render() {
    return html`
      <section aria-labelledby="pair-title">
        <h2 id="pair-title">${t({ zh: '配对新设备', en: 'Pair a device' })}</h2>
        <form class="pair" @submit=${this.#pair}>
          <label>
            ${t({ zh: '配对码', en: 'Pairing code' })}
            <input name="pairingCode" required maxlength="12" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="ABCD-EFGH" />
          </label>
          <label>
            ${t({ zh: '网点', en: 'Outlet' })}
            <select name="outletId" required>
              ${this.outlets.map((outlet) => html`<option value=${outlet.id}>${t(outlet.name)}</option>`)}
            </select>
          </label>
          <label>
            ${t({ zh: '设备名称', en: 'Device name' })}
            <input name="name" required maxlength="60" placeholder=${t({ zh: '如：大厅东侧取号机', en: 'e.g. Kiosk by the east door' })} />
          </label>
          <button class="primary" type="submit" ?disabled=${this.pairing}>${t({ zh: '配对', en: 'Pair' })}</button>
        </form>
        ${this.notice ? html`<p class="notice" role="status">${t(this.notice)}</p>` : nothing}
        ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
      </section>
      <section aria-labelledby="devices-title">
        <h2 id="devices-title">${t({ zh: '设备', en: 'Devices' })}</h2>
        ${this.#renderList()}
      </section>
    `;
  }

  #renderList() {
    const load = this.load;
    if (load.status === 'loading') return html`<lobby-status kind="loading"></lobby-status>`;
    if (load.status === 'failed') return html`<lobby-status .failure=${load.failure} retryable @lobby-retry=${this.#reload}></lobby-status>`;
    if (load.devices.length === 0) return html`<lobby-status kind="empty" .text=${{ zh: '还没有设备', en: 'No devices yet' }}></lobby-status>`;
    return html`
      <table>
        <thead>
          <tr>
            <th scope="col">${t({ zh: '类型', en: 'Kind' })}</th>
            <th scope="col">${t({ zh: '名称', en: 'Name' })}</th>
            <th scope="col">${t({ zh: '网点', en: 'Outlet' })}</th>
            <th scope="col">${t({ zh: '状态', en: 'Status' })}</th>
            <th scope="col">${t({ zh: '最后在线', en: 'Last seen' })}</th>
            <th scope="col"><span hidden>${t({ zh: '操作', en: 'Actions' })}</span></th>
          </tr>
        </thead>
        <tbody>
          ${load.devices.map((device) => this.#renderRow(device))}
        </tbody>
      </table>
    `;
  }

  #renderRow(device: DeviceSummary) {
    const outlet = this.outlets.find((o) => o.id === device.outletId);
    const renaming = this.renaming === device.id;
    const confirming = this.confirmingRevoke === device.id;
    return html`
      <tr class=${device.status} data-device=${device.id}>
        <td>${t(KIND[device.kind])}</td>
        <td>
          ${renaming
            ? html`<form class="rename" @submit=${(e: SubmitEvent) => this.#rename(e, device)}>
                <input name="name" required maxlength="60" .value=${device.name} aria-label=${t({ zh: '新名称', en: 'New name' })} />
                <button class="primary" type="submit">${t({ zh: '保存', en: 'Save' })}</button>
                <button type="button" @click=${() => (this.renaming = undefined)}>${t({ zh: '取消', en: 'Cancel' })}</button>
              </form>`
            : device.name}
        </td>
        <td>${outlet ? t(outlet.name) : (device.outletId ?? '—')}</td>
        <td>${t(STATUS[device.status])}</td>
        <td>${device.lastSeenAt ? dateTime(device.lastSeenAt) : '—'}</td>
        <td>
          <div class="actions">
            ${confirming
              ? html`
                  <span role="alert">${t({ zh: `确定停用“${device.name}”？停用后需重新配对。`, en: `Revoke “${device.name}”? It will need pairing again.` })}</span>
                  <button class="danger primary" type="button" @click=${() => this.#revoke(device)}>${t({ zh: '确定停用', en: 'Revoke' })}</button>
                  <button type="button" @click=${() => (this.confirmingRevoke = undefined)}>${t({ zh: '取消', en: 'Cancel' })}</button>
                `
              : renaming
                ? nothing
                : html`
                    <button type="button" @click=${() => this.#startRename(device)}>${t({ zh: '重命名', en: 'Rename' })}</button>
                    ${device.status === 'active'
                      ? html`<button class="danger" type="button" @click=${() => this.#askRevoke(device)}>${t({ zh: '停用', en: 'Revoke' })}</button>`
                      : nothing}
                  `}
          </div>
        </td>
      </tr>
    `;
  }

  readonly #reload = async (): Promise<void> => {
    const result = await consoleRequest('/api/admin/devices', { parse: (body) => deviceList.parse(body) });
    if (!this.#handled(result)) return;
    this.load = result.ok ? { status: 'loaded', devices: result.data.devices } : { status: 'failed', failure: result };
  };

  async #pair(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.pairing = true;
    this.notice = undefined;
    this.problem = undefined;
    const result = await consoleRequest('/api/admin/devices/pair', {
      method: 'POST',
      csrfToken: this.csrfToken,
      body: { pairingCode: String(data.get('pairingCode') ?? ''), outletId: String(data.get('outletId') ?? ''), name: String(data.get('name') ?? '') },
      parse: (body) => deviceSummary.parse(body),
    });
    this.pairing = false;
    if (!this.#handled(result)) return;
    if (!result.ok) {
      this.problem = failureText(result);
      return;
    }
    form.reset();
    this.notice = { zh: `已配对：${result.data.name}`, en: `Paired: ${result.data.name}` };
    await this.#reload();
  }

  #startRename(device: DeviceSummary): void {
    this.confirmingRevoke = undefined;
    this.renaming = device.id;
  }

  async #rename(event: SubmitEvent, device: DeviceSummary): Promise<void> {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? '');
    const result = await consoleRequest(`/api/admin/devices/${device.id}/rename`, {
      method: 'POST', csrfToken: this.csrfToken, body: { name }, parse: (body) => deviceSummary.parse(body),
    });
    if (!this.#handled(result)) return;
    this.renaming = undefined;
    this.#report(result, { zh: `已重命名为：${name}`, en: `Renamed to: ${name}` });
    await this.#reload();
  }

  #askRevoke(device: DeviceSummary): void {
    this.renaming = undefined;
    this.confirmingRevoke = device.id;
  }

  async #revoke(device: DeviceSummary): Promise<void> {
    const result = await consoleRequest(`/api/admin/devices/${device.id}/revoke`, {
      method: 'POST', csrfToken: this.csrfToken, parse: (body) => deviceSummary.parse(body),
    });
    if (!this.#handled(result)) return;
    this.confirmingRevoke = undefined;
    this.#report(result, { zh: `已停用：${device.name}`, en: `Revoked: ${device.name}` });
    await this.#reload();
  }

  #report(result: ApiResult<unknown>, done: Text): void {
    this.notice = result.ok ? done : undefined;
    this.problem = result.ok ? undefined : failureText(result);
  }

  /** False when the session is gone: the app takes over. */
  #handled(result: ApiResult<unknown>): boolean {
    if (result.ok || !sessionEnded(result)) return true;
    this.dispatchEvent(new CustomEvent('console-session-ended', { bubbles: true, composed: true }));
    return false;
  }
}

customElements.define('console-devices', ConsoleDevices);

declare global {
  interface HTMLElementTagNameMap {
    'console-devices': ConsoleDevices;
  }
}
