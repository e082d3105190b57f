/**
 * `<console-csv-button>`: downloads one report table as CSV (UTF-8 with BOM, so Excel reads the
 * Chinese), with the same filters as the table on screen. Busy while it downloads; says why it failed.
 *
 *   <console-csv-button path="/api/reports/history.csv?from=…" file-name="history.csv" .label=${…}></console-csv-button>
 */
import { LitElement, css, html, nothing } from 'lit';
import type { ApiFailure } from '../../ui/api.ts';
import { downloadFile } from '../../ui/download.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { failureText } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';

export class ConsoleCsvButton extends LitElement {
  static override properties = {
    path: {},
    fileName: { attribute: 'file-name' },
    label: { attribute: false },
    busy: { state: true },
    failure: { state: true },
  };

  static override styles = [
    theme,
    panelStyles,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      button {
        min-height: 36px;
        border-width: 1px;
        font-size: 0.9375rem;
      }
      .problem {
        margin: 0;
      }
    `,
  ];

  declare path: string;
  declare fileName: string;
  declare label: Text | undefined;
  declare busy: boolean;
  declare failure: ApiFailure | undefined;

  constructor() {
    super();
    new LocaleController(this);
    this.path = '';
    this.fileName = 'report.csv';
    this.busy = false;
  }

  override render() {
    const label = this.label ?? { zh: '下载 CSV', en: 'Download CSV' };
    return html`
      <button type="button" ?disabled=${this.busy || !this.path} aria-busy=${this.busy ? 'true' : 'false'} @click=${this.#download}>
        ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${t(label)}
      </button>
      ${this.failure ? html`<span class="problem" role="alert">${t(failureText(this.failure))}</span>` : nothing}
    `;
  }

  async #download(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failure = undefined;
    const result = await downloadFile(this.path, this.fileName);
    this.busy = false;
    if (!stillSignedIn(this, result)) return;
    if (!result.ok) this.failure = result;
  }
}

customElements.define('console-csv-button', ConsoleCsvButton);

declare global {
  interface HTMLElementTagNameMap {
    'console-csv-button': ConsoleCsvButton;
  }
}
