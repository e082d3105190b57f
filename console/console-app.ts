/**
 * `<console-app>`: where staff call numbers and run the office, on a desktop browser. Signed out, it
 * shows the sign-in form; signed in (the session survives a reload: it asks `GET /api/staff/session`), the
 * staff member's name, role and outlets, sign-out; for administrators the devices, for everyone else the
 * counters and the queue of their outlets.
 */
import { LitElement, css, html, nothing } from 'lit';
import { outletList, type OutletSummary } from '../common/outlets.ts';
import { staffSession, type StaffMe } from '../common/staff.ts';
import type { ApiFailure } from '../ui/api.ts';
import '../ui/connection-status.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import '../ui/locale-switch.ts';
import { OnlineController } from '../ui/online-controller.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';
import { consoleRequest, failureText, sessionEnded } from './console-api.ts';
import './devices-panel.ts';
import './sign-in-form.ts';
import './work-panel.ts';

const ROLES: Record<StaffMe['role'], Text> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  supervisor: { zh: '值班长', en: 'Supervisor' },
  clerk: { zh: '窗口人员', en: 'Counter clerk' },
  guide: { zh: '大厅引导员', en: 'Lobby guide' },
};

type Session =
  | { status: 'checking' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: StaffMe }
  /** Whether anyone is signed in could not be asked. */
  | { status: 'unknown'; failure: ApiFailure };

export class ConsoleApp extends LitElement {
  static override properties = { session: { state: true }, outlets: { state: true }, problem: { state: true } };

  static override styles = [
    theme,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr auto;
        min-height: 100%;
        background: var(--lobby-surface);
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
        padding: 0.5rem 1.5rem;
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
      }
      header button {
        color: var(--lobby-on-primary);
        border-color: var(--lobby-on-primary);
        background: transparent;
      }
      h1 {
        margin: 0;
        font-size: 1.25rem;
      }
      .en {
        margin-inline-start: 0.5em;
        font-size: 0.8em;
        font-weight: normal;
      }
      .who {
        display: flex;
        align-items: center;
        gap: 1rem;
        margin-inline-start: auto;
      }
      .who p {
        margin: 0;
        text-align: end;
        line-height: 1.3;
      }
      .role {
        display: block;
        font-size: 0.875rem;
      }
      main {
        display: grid;
        align-content: start;
        justify-items: center;
        padding: 2rem 1rem;
      }
      main.signed-in {
        justify-items: stretch;
        gap: 1.5rem;
        max-width: 72rem;
        width: 100%;
        margin: 0 auto;
        padding: 1.5rem;
      }
      .outlets {
        margin: 0;
        padding: 1rem 1.5rem;
        border: 1px solid var(--lobby-border);
        border-radius: 8px;
        background: var(--lobby-bg);
      }
      .outlets h2 {
        margin: 0 0 0.5rem;
        font-size: 1.125rem;
      }
      .outlets ul {
        margin: 0;
        padding-inline-start: 1.25rem;
      }
      .problem {
        margin: 0;
        color: var(--lobby-danger);
        font-weight: 600;
      }
      footer {
        padding: 0.5rem 1.5rem;
        font-size: 0.875rem;
      }
    `,
  ];

  declare session: Session;
  declare outlets: OutletSummary[];
  declare problem: Text | undefined;

  readonly #online = new OnlineController(this);

  constructor() {
    super();
    new LocaleController(this);
    this.session = { status: 'checking' };
    this.outlets = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#checkSession();
    void this.#loadOutlets();
  }

  override render() {
    const session = this.session;
    return html`
      <header>
        <h1>工作台 <span class="en" lang="en">Lobby Console</span></h1>
        ${session.status === 'signed-in' ? this.#renderWho(session.me) : nothing}
        <lobby-locale-switch></lobby-locale-switch>
      </header>
      <main class=${session.status === 'signed-in' ? 'signed-in' : ''}>${this.#renderMain()}</main>
      <footer>
        <lobby-connection show-database .state=${this.#online.state} @lobby-retry=${this.#retry}></lobby-connection>
      </footer>
    `;
  }

  #renderWho(me: StaffMe) {
    return html`
      <div class="who">
        <p>
          <span class="name">${me.displayName}</span> (${me.username})
          <span class="role">${t(ROLES[me.role])}</span>
        </p>
        <button type="button" @click=${this.#signOut}>${t({ zh: '退出登录', en: 'Sign out' })}</button>
      </div>
    `;
  }

  #renderMain() {
    const session = this.session;
    switch (session.status) {
      case 'checking':
        return html`<lobby-status kind="loading"></lobby-status>`;
      case 'unknown':
        return html`<lobby-status .failure=${session.failure} retryable @lobby-retry=${this.#checkSession}></lobby-status>`;
      case 'signed-out':
        return html`<console-sign-in @console-signed-in=${this.#signedIn}></console-sign-in>`;
      case 'signed-in': {
        const me = session.me;
        const mine = me.outletIds.map((id) => this.outlets.find((o) => o.id === id)?.name ?? { zh: id, en: id });
        return html`
          ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
          <section class="outlets" aria-labelledby="outlets-title">
            <h2 id="outlets-title">${t({ zh: '我的网点', en: 'My outlets' })}</h2>
            <ul>
              ${mine.map((name) => html`<li>${t(name)}</li>`)}
            </ul>
          </section>
          ${me.role === 'admin'
            ? html`<console-devices
                .csrfToken=${me.csrfToken}
                .outlets=${this.outlets}
                @console-session-ended=${this.#sessionEnded}
              ></console-devices>`
            : html`<console-work .me=${me} .outlets=${this.outlets} @console-session-ended=${this.#sessionEnded}></console-work>`}
        `;
      }
    }
  }

  readonly #checkSession = async (): Promise<void> => {
    this.session = { status: 'checking' };
    const result = await consoleRequest('/api/staff/session', { parse: (body) => staffSession.parse(body) });
    if (!result.ok) this.session = { status: 'unknown', failure: result };
    else this.session = result.data.staff ? { status: 'signed-in', me: result.data.staff } : { status: 'signed-out' };
  };

  async #loadOutlets(): Promise<void> {
    const result = await consoleRequest('/api/outlets', { parse: (body) => outletList.parse(body) });
    if (result.ok) this.outlets = result.data.outlets;
  }

  #signedIn(event: CustomEvent<StaffMe>): void {
    this.problem = undefined;
    this.session = { status: 'signed-in', me: event.detail };
    if (this.outlets.length === 0) void this.#loadOutlets();
  }

  #sessionEnded(): void {
    this.session = { status: 'signed-out' };
  }

  async #signOut(): Promise<void> {
    if (this.session.status !== 'signed-in') return;
    const result = await consoleRequest('/api/staff/logout', {
      method: 'POST', csrfToken: this.session.me.csrfToken, parse: () => undefined,
    });
    // Gone already is as good as signed out.
    if (result.ok || sessionEnded(result)) {
      this.problem = undefined;
      this.session = { status: 'signed-out' };
    } else {
      this.problem = failureText(result);
    }
  }

  #retry(): void {
    void this.#online.check();
  }
}

customElements.define('console-app', ConsoleApp);

declare global {
  interface HTMLElementTagNameMap {
    'console-app': ConsoleApp;
  }
}
