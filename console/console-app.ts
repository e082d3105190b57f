/**
 * `<console-app>`: where staff call numbers and run the office, on a desktop browser. Signed out, it
 * shows the sign-in form; signed in (the session survives a reload: it asks `GET /api/staff/session`), the
 * staff member's name, role and outlets, sign-out, and what the role may use: clerks and guides their
 * counters and queue only; supervisors that and a navigation to agents, blacklist, notices, reports and
 * the audit log; administrators the configuration instead of counter work. Where one is, is kept in
 * the address's hash (`#reports/history`), so a reload stays there.
 */
import { LitElement, css, html, nothing } from 'lit';
import { outletList, type OutletSummary } from '../common/outlets.ts';
import { staffSession, type StaffMe } from '../common/staff.ts';
import type { ApiFailure } from '../ui/api.ts';
import '../ui/connection-status.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import '../ui/locale-switch.ts';
import { HashRouteController } from '../ui/hash-route-controller.ts';
import { OnlineController } from '../ui/online-controller.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';
import { consoleRequest, failureText, sessionEnded } from './console-api.ts';
import { TABS, tabOf, tabsFor, type Tab } from './admin/sections.ts';
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
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        margin: 0;
        padding: 0;
        border-bottom: 2px solid var(--lobby-primary);
        list-style: none;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0 1.1rem;
        border: 1px solid var(--lobby-border);
        border-bottom: 0;
        border-radius: 8px 8px 0 0;
        color: var(--lobby-primary);
        background: var(--lobby-bg);
        font-weight: 600;
        text-decoration: none;
      }
      nav a[aria-current='page'] {
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
        border-color: var(--lobby-primary);
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
  readonly #route = new HashRouteController(this);
  /** The administration panels, fetched only for the roles that use them (clerks never load the charts). */
  #adminPanels: Promise<unknown> | undefined;

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
      case 'signed-in':
        return this.#renderSignedIn(session.me);
    }
  }

  #renderSignedIn(me: StaffMe) {
    const tabs = tabsFor(me.role);
    const current = tabOf(me.role, this.#route.path[0]);
    if (tabs.length > 1) this.#loadAdminPanels();
    return html`
      ${this.problem ? html`<p class="problem" role="alert">${t(this.problem)}</p>` : nothing}
      ${tabs.length > 1
        ? html`<nav aria-label=${t({ zh: '功能', en: 'Sections' })}>
            <ul>
              ${tabs.map((tab) => html`<li>
                <a href="#${tab}" aria-current=${tab === current ? 'page' : 'false'}>${t(TABS[tab])}</a>
              </li>`)}
            </ul>
          </nav>`
        : nothing}
      ${this.#renderTab(me, current)}
    `;
  }

  #renderTab(me: StaffMe, tab: Tab) {
    const ended = this.#sessionEnded;
    switch (tab) {
      case 'work': {
        const mine = me.outletIds.map((id) => this.outlets.find((o) => o.id === id)?.name ?? { zh: id, en: id });
        return html`
          <section class="outlets" aria-labelledby="outlets-title">
            <h2 id="outlets-title">${t({ zh: '我的网点', en: 'My outlets' })}</h2>
            <ul>
              ${mine.map((name) => html`<li>${t(name)}</li>`)}
            </ul>
          </section>
          <console-work .me=${me} .outlets=${this.outlets} @console-session-ended=${ended}></console-work>
        `;
      }
      case 'config':
        return html`<console-config .me=${me} .outlets=${this.outlets} .section=${this.#route.path[1]} @console-session-ended=${ended}></console-config>`;
      case 'agents':
        return html`<console-agents .me=${me} @console-session-ended=${ended}></console-agents>`;
      case 'blacklist':
        return html`<console-blacklist .me=${me} @console-session-ended=${ended}></console-blacklist>`;
      case 'notices':
        return html`<console-notices .me=${me} .outlets=${this.outlets} .draft=${this.#route.params} @console-session-ended=${ended}></console-notices>`;
      case 'reports':
        return html`<console-reports .me=${me} .outlets=${this.outlets} .view=${this.#route.path[1]} @console-session-ended=${ended}></console-reports>`;
      case 'audit':
        return html`<console-audit .me=${me} .outlets=${this.outlets} @console-session-ended=${ended}></console-audit>`;
    }
  }

  #loadAdminPanels(): void {
    this.#adminPanels ??= import('./admin/admin-panels.ts').catch(() => {
      // The chunk could not be fetched (the network went). Not retried from render, which would loop.
      this.problem = { zh: '无法加载管理功能，请检查网络后刷新页面。', en: 'The administration screens could not be loaded. Check the network and reload.' };
    });
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

  readonly #sessionEnded = (): void => {
    this.session = { status: 'signed-out' };
  };

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
