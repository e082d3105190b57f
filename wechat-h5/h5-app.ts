/**
 * `<h5-app>`: booking from a phone, opened inside WeChat. Laid out for a 375px-wide screen first;
 * wider screens get the same column, centred. Asks the server who is here, then shows one of:
 * sign in with WeChat → register with real name → the citizen's screens: home (notices), booking,
 * my bookings, a voucher, rescheduling, acting for firms — which one is kept in the address's fragment (route.ts).
 */
import { LitElement, css, html } from 'lit';
import type { CitizenMe } from '../common/citizens.ts';
import type { ErrorCode } from '../common/errors.ts';
import type { ApiFailure } from '../ui/api.ts';
import '../ui/connection-status.ts';
import { LocaleController } from '../ui/i18n.ts';
import '../ui/locale-switch.ts';
import { OnlineController } from '../ui/online-controller.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';
import { fetchSession, isErrorCode } from './citizen-api.ts';
import './booking-flow.ts';
import './bookings-view.ts';
import './firms-view.ts';
import './home-view.ts';
import './register-form.ts';
import './reschedule-flow.ts';
import { RouteController } from './route.ts';
import './sign-in-view.ts';
import './ticket-follow.ts';
import './voucher-view.ts';

type View =
  | { kind: 'loading' }
  | { kind: 'failed'; failure: ApiFailure }
  | { kind: 'signed-out'; authError: ErrorCode | undefined }
  | { kind: 'register'; me: CitizenMe }
  | { kind: 'home'; me: CitizenMe };

export class H5App extends LitElement {
  static override properties = { view: { state: true } };

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        max-width: 40rem;
        min-height: 100%;
        margin: 0 auto;
        font-size: 1rem;
        background: var(--lobby-bg);
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
        padding: 0.75rem 1rem;
        padding-top: max(0.75rem, env(safe-area-inset-top));
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
      }
      h1 {
        margin: 0;
        font-size: 1.375rem;
        line-height: 1.2;
      }
      .en {
        display: block;
        font-size: 0.8rem;
        font-weight: normal;
      }
      main {
        flex: 1;
        padding: 1rem;
      }
      footer {
        padding: 0.5rem 1rem;
        padding-bottom: max(0.5rem, env(safe-area-inset-bottom));
        font-size: 0.875rem;
      }
    `,
  ];

  declare view: View;

  readonly #online = new OnlineController(this);
  readonly #route = new RouteController(this);

  constructor() {
    super();
    new LocaleController(this);
    this.view = { kind: 'loading' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load(this.#takeAuthError());
  }

  override render() {
    return html`
      <header>
        ${this.#route.route.name === 'ticket'
          ? html`<h1>排队进度 <span class="en" lang="en">My ticket</span></h1>`
          : html`<h1>预约办事 <span class="en" lang="en">Book a visit</span></h1>`}
        <lobby-locale-switch></lobby-locale-switch>
      </header>
      <main
        aria-busy=${this.view.kind === 'loading' && this.#route.route.name !== 'ticket' ? 'true' : 'false'}
        @h5-registered=${this.#onRegistered}
        @h5-signed-out=${this.#onSignedOut}
        @h5-session-ended=${this.#onSessionEnded}
      >
        ${this.#renderView()}
      </main>
      <footer>
        <lobby-connection .state=${this.#online.state} @lobby-retry=${this.#retryConnection}></lobby-connection>
      </footer>
    `;
  }

  #renderView() {
    // A ticket's page is public by its token: shown whoever is (or is not) signed in.
    const route = this.#route.route;
    if (route.name === 'ticket') return html`<h5-ticket-follow .token=${route.token}></h5-ticket-follow>`;
    const view = this.view;
    switch (view.kind) {
      case 'loading':
        return html`<lobby-status kind="loading"></lobby-status>`;
      case 'failed':
        return html`<lobby-status .failure=${view.failure} retryable @lobby-retry=${() => this.#load(undefined)}></lobby-status>`;
      case 'signed-out':
        return html`<h5-sign-in .authError=${view.authError}></h5-sign-in>`;
      case 'register':
        return html`<h5-register-form .csrfToken=${view.me.csrfToken}></h5-register-form>`;
      case 'home':
        return this.#renderScreen(view.me);
    }
  }

  #renderScreen(me: CitizenMe) {
    const route = this.#route.route;
    switch (route.name) {
      case 'home':
      case 'ticket':
        return html`<h5-home .me=${me}></h5-home>`;
      case 'book':
        return html`<h5-booking-flow csrfToken=${me.csrfToken}></h5-booking-flow>`;
      case 'bookings':
        return html`<h5-bookings></h5-bookings>`;
      case 'firms':
        return html`<h5-firms csrfToken=${me.csrfToken}></h5-firms>`;
      case 'voucher':
        return html`<h5-voucher bookingId=${route.id} csrfToken=${me.csrfToken}></h5-voucher>`;
      case 'reschedule':
        return html`<h5-reschedule bookingId=${route.id} csrfToken=${me.csrfToken}></h5-reschedule>`;
    }
  }

  /** `?authError=<code>` after a failed WeChat authorization: shown once, then gone from the address. */
  #takeAuthError(): ErrorCode | undefined {
    const url = new URL(window.location.href);
    const code = url.searchParams.get('authError');
    if (code === null) return undefined;
    url.searchParams.delete('authError');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return isErrorCode(code) ? code : 'wechat_code_invalid';
  }

  async #load(authError: ErrorCode | undefined): Promise<void> {
    this.view = { kind: 'loading' };
    const result = await fetchSession();
    if (!result.ok) {
      this.view = { kind: 'failed', failure: result };
      return;
    }
    const me = result.data.citizen;
    if (!me) this.view = { kind: 'signed-out', authError };
    else this.view = me.registered ? { kind: 'home', me } : { kind: 'register', me };
  }

  #onRegistered(event: CustomEvent<CitizenMe>): void {
    this.view = { kind: 'home', me: event.detail };
  }

  #onSignedOut(): void {
    this.view = { kind: 'signed-out', authError: undefined };
  }

  #onSessionEnded(): void {
    this.view = { kind: 'signed-out', authError: 'session_expired' };
  }

  #retryConnection(): void {
    void this.#online.check();
  }
}

customElements.define('h5-app', H5App);

declare global {
  interface HTMLElementTagNameMap {
    'h5-app': H5App;
  }
}
