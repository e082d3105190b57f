/**
 * `<lobby-status>`: the one way every page says "loading", "nothing here", "something failed" or
 * "no connection".
 *
 *   <lobby-status kind="empty" .text=${{ zh: '暂无网点', en: 'No outlets yet' }}></lobby-status>
 *   <lobby-status .failure=${result} retryable @lobby-retry=${reload}></lobby-status>
 *
 * Given a `failure`, the kind (offline or error) and the sentence follow from it. `bilingual`
 * shows both languages at once, for public screens nobody switches.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { ApiFailure } from './api.ts';
import { LocaleController, t, type Text } from './i18n.ts';
import { theme } from './theme.ts';

export type StatusKind = 'loading' | 'empty' | 'error' | 'offline';

const DEFAULT_TEXT: Record<StatusKind, Text> = {
  loading: { zh: '正在加载……', en: 'Loading…' },
  empty: { zh: '暂无内容', en: 'Nothing here yet' },
  error: { zh: '系统暂时无法服务，请稍后再试。', en: 'The service is briefly unavailable. Please try again shortly.' },
  offline: { zh: '网络连接已断开，正在重新连接……', en: 'No connection. Reconnecting…' },
};

export class LobbyStatus extends LitElement {
  static override properties = {
    kind: {},
    text: { attribute: false },
    failure: { attribute: false },
    retryable: { type: Boolean },
    bilingual: { type: Boolean },
  };

  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      .status {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.5em;
        padding: 1.5em 1em;
        text-align: center;
      }
      .message {
        margin: 0;
        font-size: 1.125em;
      }
      .en {
        display: block;
        font-size: 0.75em;
        font-weight: normal;
      }
      .reference {
        margin: 0;
        font-size: 0.875em;
        color: var(--lobby-muted);
      }
      .error .message,
      .offline .message {
        color: var(--lobby-danger);
        font-weight: 600;
      }
      .spinner {
        width: 1.5em;
        height: 1.5em;
        border: 0.2em solid currentColor;
        border-right-color: transparent;
        border-radius: 50%;
        animation: spin 0.9s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
    `,
  ];

  declare kind: StatusKind;
  declare text: Text | undefined;
  declare failure: ApiFailure | undefined;
  declare retryable: boolean;
  declare bilingual: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.kind = 'loading';
    this.retryable = false;
    this.bilingual = false;
  }

  override render() {
    const kind = this.#effectiveKind();
    const failure = this.failure;
    const text =
      this.text ??
      (failure?.kind === 'server' ? { zh: failure.error.message, en: failure.error.messageEn } : DEFAULT_TEXT[kind]);
    const urgent = kind === 'error' || kind === 'offline';
    return html`
      <div class="status ${kind}" role=${urgent ? 'alert' : 'status'}>
        ${kind === 'loading' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
        <p class="message">
          ${this.bilingual ? html`<span lang="zh-CN">${text.zh}</span><span class="en" lang="en">${text.en}</span>` : t(text)}
        </p>
        ${failure?.kind === 'server'
          ? html`<p class="reference">${t({ zh: '问题编号', en: 'Reference' })}: ${failure.error.requestId}</p>`
          : nothing}
        ${this.retryable && urgent
          ? html`<button type="button" @click=${this.#retry}>${t({ zh: '重试', en: 'Try again' })}</button>`
          : nothing}
      </div>
    `;
  }

  #effectiveKind(): StatusKind {
    if (!this.failure) return this.kind;
    return this.failure.kind === 'offline' ? 'offline' : 'error';
  }

  #retry(): void {
    this.dispatchEvent(new CustomEvent('lobby-retry', { bubbles: true, composed: true }));
  }
}

customElements.define('lobby-status', LobbyStatus);

declare global {
  interface HTMLElementTagNameMap {
    'lobby-status': LobbyStatus;
  }
}
