/**
 * `<lobby-connection>`: shows an `OnlineController`'s state — a quiet line while all is well,
 * `<lobby-status>` (with a retry button) when it is not.
 *
 *   <lobby-connection .state=${this.online.state} @lobby-retry=${() => this.online.check()}>
 */
import { LitElement, css, html } from 'lit';
import { LocaleController, t } from './i18n.ts';
import type { Connection } from './online-controller.ts';
import './status-view.ts';
import { theme } from './theme.ts';

const CONNECTING = { zh: '正在连接服务器……', en: 'Connecting to the server…' };
const CONNECTED = { zh: '已连接', en: 'Connected' };
const DATABASE_NAMES = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;

export class LobbyConnection extends LitElement {
  static override properties = {
    state: { attribute: false },
    showDatabase: { type: Boolean, attribute: 'show-database' },
    unattended: { type: Boolean },
  };

  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      .online {
        margin: 0;
        color: var(--lobby-ok);
      }
      .online::before {
        content: '';
        display: inline-block;
        width: 0.6em;
        height: 0.6em;
        margin-inline-end: 0.4em;
        border-radius: 50%;
        background: currentColor;
      }
    `,
  ];

  declare state: Connection;
  /** For staff: says which database the server runs on (PGlite means a single-node install). */
  declare showDatabase: boolean;
  /** A screen nobody operates: both languages at once, and no buttons. */
  declare unattended: boolean;

  constructor() {
    super();
    new LocaleController(this);
    this.state = { status: 'checking' };
    this.showDatabase = false;
    this.unattended = false;
  }

  override render() {
    const state = this.state;
    const unattended = this.unattended;
    switch (state.status) {
      case 'checking':
        return html`<lobby-status kind="loading" .text=${CONNECTING} ?bilingual=${unattended}></lobby-status>`;
      case 'online': {
        const database = this.showDatabase ? ` · ${DATABASE_NAMES[state.health.database]}` : '';
        const text = unattended ? `${CONNECTED.zh} ${CONNECTED.en}` : t(CONNECTED);
        return html`<p class="online" role="status">${text}${database}</p>`;
      }
      case 'offline':
        return html`<lobby-status kind="offline" ?bilingual=${unattended} ?retryable=${!unattended}></lobby-status>`;
      case 'unavailable':
        return html`<lobby-status
          .failure=${state.failure}
          ?bilingual=${unattended}
          ?retryable=${!unattended}
        ></lobby-status>`;
    }
  }
}

customElements.define('lobby-connection', LobbyConnection);

declare global {
  interface HTMLElementTagNameMap {
    'lobby-connection': LobbyConnection;
  }
}
