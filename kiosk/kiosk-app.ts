/**
 * `<kiosk-app>`: the self-service ticket machine in the lobby, a touch screen used standing up,
 * often by people who rarely use one: large type, high contrast, big targets, both languages. Until
 * it is paired with an outlet it shows its pairing code instead (see ui/device-controller.ts).
 *
 * Once paired it walks a person through one of two ways to a ticket — check-in (ID card, then the
 * appointment number or voucher QR code) or walk-in (service, then ID card) — and shows, prints and
 * can reprint the ticket. The screens are small elements beside this file; this one holds the state:
 * which screen, what was read, the request on its way. It forgets everything after a quiet spell,
 * and issues nothing while the server cannot be reached.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { KIOSK_IDLE_SECONDS, type IssuedTicket, type KioskGreenRequest, type KioskTicket } from '../common/kiosk.ts';
import type { ApiFailure, ApiResult } from '../ui/api.ts';
import '../ui/connection-status.ts';
import { DeviceController } from '../ui/device-controller.ts';
import '../ui/device-screen.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import '../ui/locale-switch.ts';
import { OnlineController } from '../ui/online-controller.ts';
import '../ui/status-view.ts';
import { theme } from '../ui/theme.ts';
import './appointment-entry.ts';
import type { AppointmentRef, KioskAppointmentEntry } from './appointment-entry.ts';
import { both } from './bilingual.ts';
import './green-dialog.ts';
import { checkIdNumber, type AcceptedId } from './id-check.ts';
import './id-entry.ts';
import type { KioskIdEntry } from './id-entry.ts';
import { IdleController } from './idle-controller.ts';
import { checkIn, fetchTicket, fetchWalkInOptions, grantGreen, takeWalkIn } from './kiosk-api.ts';
import { kioskStyles } from './kiosk-styles.ts';
import { readLastTicketId, writeLastTicketId } from './last-ticket.ts';
import './refusal-view.ts';
import type { RefusalAction } from './refusal-view.ts';
import { classifyScan } from './scan.ts';
import './start-screen.ts';
import type { StartChoice, WalkInState } from './start-screen.ts';
import './ticket-view.ts';
import type { KioskTicketView } from './ticket-view.ts';
import './walk-in-list.ts';
import type { WalkInService } from './walk-in-list.ts';
import { WedgeController } from './wedge-controller.ts';

/** A request that issues (or fetches) a ticket: kept so "try again" repeats it exactly. */
type IssueRequest =
  | { kind: 'check-in'; id: AcceptedId; ref: AppointmentRef }
  | { kind: 'walk-in'; id: AcceptedId; service: WalkInService }
  | { kind: 'reprint'; ticketId: string };

type Screen =
  | { name: 'start' }
  /** `pending`: the voucher or number was scanned first; the ID card completes the check-in. */
  | { name: 'check-in-id'; pending?: AppointmentRef }
  | { name: 'check-in-appointment'; id: AcceptedId }
  /** `id`: a card read before the service was chosen (or kept from a refused check-in). */
  | { name: 'walk-in-services'; id?: AcceptedId }
  | { name: 'walk-in-id'; service: WalkInService }
  | { name: 'refused'; failure: ApiFailure; request: IssueRequest }
  | { name: 'ticket'; ticket: KioskTicket; note?: Text; maskedId?: string };

const OFFLINE_BLOCK: Text = {
  zh: '网络连接已断开，暂停取号。恢复连接后即可取号。',
  en: 'No connection: no tickets can be issued until it is back.',
};
const SAME_CHECK_IN: Text = { zh: '该预约已签到，这是您已取的号，未重复出号。', en: 'This appointment was checked in already: this is the ticket it got.' };
const SAME_WALK_IN: Text = { zh: '您已有该业务的排队号，这是您的号，未重复出号。', en: 'You already hold a ticket for this service: here it is again.' };
const NOW_GREEN: Text = { zh: '已转入绿色通道，将优先叫号。如需要可重新打印。', en: 'Moved to the green channel: it will be called first. Print it again if needed.' };

/** Failures where nothing is known to have happened: repeating the same request is safe and may work. */
function uncertain(failure: ApiFailure): boolean {
  if (failure.kind !== 'server') return true;
  return failure.status >= 500 || failure.error.code === 'rate_limited';
}

function codeOf(failure: ApiFailure): string | undefined {
  return failure.kind === 'server' ? failure.error.code : undefined;
}

export class KioskApp extends LitElement {
  static override properties = {
    screen: { state: true },
    busy: { state: true },
    walkIns: { state: true },
    lastTicketId: { state: true },
    green: { state: true },
  };

  static override styles = [
    theme,
    kioskStyles,
    css`
      :host {
        --lobby-touch: 64px;
        --lobby-text: #000000;

        position: fixed;
        inset: 0;
        display: grid;
        grid-template-rows: auto 1fr auto;
        font-size: max(24px, 3vmin);
        color: var(--lobby-text);
        background: var(--lobby-bg);
        user-select: none;
        -webkit-user-select: none;
        -webkit-tap-highlight-color: transparent;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1em;
        padding: 0.6em 1em;
        color: var(--lobby-on-primary);
        background: var(--lobby-primary);
      }
      h1 {
        margin: 0;
        font-size: 1.5em;
        line-height: 1.2;
      }
      .outlet {
        margin: 0.2em 0 0;
        font-size: 0.8em;
      }
      .en {
        display: block;
        font-size: 0.55em;
        font-weight: normal;
      }
      main {
        display: flex;
        flex-direction: column;
        gap: 0.6em;
        min-height: 0;
        overflow: auto;
        padding: 1em;
        text-align: center;
      }
      nav {
        display: flex;
        justify-content: flex-start;
      }
      .screen,
      lobby-device-screen {
        flex: 1 0 auto;
      }
      .screen {
        display: flex;
        flex-direction: column;
        align-items: center;
        /* safe: a screen taller than the space scrolls from its top instead of losing it above. */
        justify-content: safe center;
        gap: 0.6em;
      }
      footer {
        padding: 0.5em 1em;
        border-top: 2px solid var(--lobby-border);
      }

      /* On paper only the ticket: no header, no footer, no buttons, no dialog, nothing fixed. */
      @media print {
        :host {
          position: static;
          display: block;
          font-size: 3.6mm;
          color: #000;
          background: #fff;
        }
        header,
        footer,
        nav,
        .screen-only,
        kiosk-green-dialog {
          display: none !important;
        }
        main,
        .screen {
          display: block;
          overflow: visible;
          padding: 0;
        }
      }
    `,
  ];

  declare screen: Screen;
  declare busy: boolean;
  declare walkIns: WalkInState;
  /** The id of the last ticket issued here, for a reprint. */
  declare lastTicketId: string | undefined;
  /** The guide's green-channel dialog, while open. */
  declare green: { busy: boolean; failure?: ApiFailure } | undefined;

  readonly #online = new OnlineController(this);
  readonly #device = new DeviceController(this, { kind: 'kiosk' });
  readonly #wedge = new WedgeController(this, {
    accepting: () => this.#device.state.phase === 'active' && !this.busy && this.green === undefined,
    onLine: (text) => void this.#onLine(text),
  });
  readonly #idle = new IdleController(this, { seconds: KIOSK_IDLE_SECONDS, onIdle: () => this.#onIdle() });
  /** Changes with every screen, so each screen's elements start empty (nothing typed carries over). */
  #visit = 0;
  #wasReady = false;

  constructor() {
    super();
    new LocaleController(this);
    this.screen = { name: 'start' };
    this.busy = false;
    this.walkIns = { status: 'loading' };
    this.lastTicketId = readLastTicketId();
  }

  /** The server cannot be reached (the device's requests are being retried, the live connection or the health check is down). */
  get #offline(): boolean {
    const connection = this.#online.state.status;
    return this.#device.offline
      || (this.#device.state.phase === 'active' && this.#device.live === 'disconnected')
      || connection === 'offline' || connection === 'unavailable';
  }

  get #blocked(): Text | undefined {
    return this.#offline ? OFFLINE_BLOCK : undefined;
  }

  override updated(_changed: PropertyValues<this>): void {
    const active = this.#device.state.phase === 'active';
    // Revoked or unpaired mid-way: whatever was on screen is not shown again after pairing.
    if (!active && this.screen.name !== 'start') this.#reset();
    // Newly paired, or back online: ask afresh what walk-ins this outlet takes.
    const ready = active && !this.#offline;
    if (ready && !this.#wasReady) void this.#loadWalkIns();
    this.#wasReady = ready;
  }

  override render() {
    const state = this.#device.state;
    const active = state.phase === 'active' ? state.device : undefined;
    return html`
      <header>
        <div>
          <h1>自助取号 <span class="en" lang="en">Lobby Kiosk</span></h1>
          ${active ? html`<p class="outlet">${t(active.outletName)}</p>` : nothing}
        </div>
        <lobby-locale-switch></lobby-locale-switch>
      </header>
      <main>
        ${state.phase === 'active'
          ? html`${this.#renderNav()}<div class="screen">${keyed(this.#visit, this.#renderScreen())}</div>`
          : html`<lobby-device-screen .state=${state} @lobby-pair-again=${this.#pairAgain}></lobby-device-screen>`}
      </main>
      <footer>
        ${this.#offline
          ? html`<lobby-status kind="offline" bilingual></lobby-status>`
          : html`<lobby-connection .state=${this.#online.state} @lobby-retry=${this.#retryConnection}></lobby-connection>`}
      </footer>
      ${this.green && this.screen.name === 'ticket'
        ? html`<kiosk-green-dialog
            ticket-number=${this.screen.ticket.number}
            ?busy=${this.green.busy}
            .failure=${this.green.failure}
            @kiosk-green-confirm=${this.#confirmGreen}
            @kiosk-green-cancel=${() => { this.green = undefined; }}
          ></kiosk-green-dialog>`
        : nothing}
    `;
  }

  #renderScreen() {
    const screen = this.screen;
    const blocked = this.#blocked;
    switch (screen.name) {
      case 'start':
        return html`<kiosk-start
          .walkIns=${this.walkIns}
          .blocked=${blocked}
          ?can-reprint=${this.lastTicketId !== undefined}
          ?busy=${this.busy}
          @kiosk-choose=${this.#onChoose}
        ></kiosk-start>`;
      case 'check-in-id':
        return html`
          ${this.#renderBlocked()}
          <kiosk-id-entry
            .note=${screen.pending ? { zh: '已读取预约，请刷身份证完成签到', en: 'Appointment read: now your ID card to check in' } : undefined}
            .blocked=${screen.pending ? blocked : undefined}
            ?busy=${this.busy}
            @kiosk-id=${this.#onCheckInId}
          ></kiosk-id-entry>`;
      case 'check-in-appointment':
        return html`
          ${this.#renderBlocked()}
          <kiosk-appointment-entry
            .idNumber=${screen.id}
            .blocked=${blocked}
            ?busy=${this.busy}
            @kiosk-appointment=${(e: CustomEvent<AppointmentRef>) => void this.#issue({ kind: 'check-in', id: screen.id, ref: e.detail })}
            @kiosk-change-id=${() => this.#go({ name: 'check-in-id' })}
            @kiosk-scan=${(e: CustomEvent<string>) => void this.#onLine(e.detail)}
          ></kiosk-appointment-entry>`;
      case 'walk-in-services':
        return html`
          ${this.#renderBlocked()}
          ${screen.id ? html`<p class="hint">${both({ zh: '已读取身份证', en: 'ID card read' })} ${screen.id.masked}</p>` : nothing}
          ${this.#renderWalkInList(screen.id !== undefined)}`;
      case 'walk-in-id':
        return html`
          ${this.#renderBlocked()}
          <kiosk-id-entry
            .note=${{ zh: `现场取号：${screen.service.name.zh}`, en: `Walk-in: ${screen.service.name.en}` }}
            .blocked=${blocked}
            ?busy=${this.busy}
            @kiosk-id=${(e: CustomEvent<AcceptedId>) => void this.#issue({ kind: 'walk-in', id: e.detail, service: screen.service })}
          ></kiosk-id-entry>`;
      case 'refused':
        return html`<kiosk-refusal
          .failure=${screen.failure}
          .actions=${this.#actionsFor(screen.failure, screen.request)}
          ?can-retry=${!this.#offline}
          ?busy=${this.busy}
          @kiosk-action=${this.#onAction}
        ></kiosk-refusal>`;
      case 'ticket':
        return html`<kiosk-ticket
          .ticket=${screen.ticket}
          .note=${screen.note}
          masked-id=${screen.maskedId ?? nothing}
          ?can-issue=${!this.#offline}
          @kiosk-print=${() => void this.#print()}
          @kiosk-done=${() => this.#reset()}
          @kiosk-green=${() => { this.green = { busy: false }; }}
        ></kiosk-ticket>`;
    }
  }

  #renderWalkInList(issuesOnChoice: boolean) {
    const walkIns = this.walkIns;
    switch (walkIns.status) {
      case 'loading':
        return html`<lobby-status kind="loading" bilingual></lobby-status>`;
      case 'failed':
        return html`<lobby-status .failure=${walkIns.failure} bilingual retryable @lobby-retry=${() => void this.#loadWalkIns()}></lobby-status>`;
      case 'ready':
        return html`<kiosk-walk-in-list
          .services=${walkIns.options.services}
          ?disabled=${this.busy || (issuesOnChoice && this.#offline)}
          @kiosk-service=${this.#onService}
        ></kiosk-walk-in-list>`;
    }
  }

  /** "Back to start" on the screens in between; the start, ticket and refusal screens have their own ways on. */
  #renderNav() {
    if (['start', 'ticket', 'refused'].includes(this.screen.name)) return nothing;
    return html`<nav class="screen-only">
      <button type="button" class="home" ?disabled=${this.busy} @click=${() => this.#reset()}>
        ${both({ zh: '返回首页', en: 'Back to start' })}
      </button>
    </nav>`;
  }

  #renderBlocked() {
    const blocked = this.#blocked;
    return blocked ? html`<p class="problem blocked" role="alert">${both(blocked)}</p>` : nothing;
  }

  /** What a person can do after a refusal, from what was refused and why. */
  #actionsFor(failure: ApiFailure, request: IssueRequest): RefusalAction[] {
    if (uncertain(failure)) return ['retry', 'home'];
    const code = codeOf(failure) ?? '';
    if (code.startsWith('id_number_')) return ['id', 'home'];
    const walkInsOpen = this.walkIns.status === 'ready' && this.walkIns.options.walkInsAllowed;
    switch (request.kind) {
      case 'check-in':
        if (code === 'appointment_not_yours') return ['appointment', 'id', 'home'];
        if (code === 'appointment_not_found' || code === 'validation_failed' || code.startsWith('voucher_')) return ['appointment', 'home'];
        if (['check_in_closed', 'appointment_missed', 'appointment_cancelled'].includes(code) && walkInsOpen) return ['walk-in', 'home'];
        return ['home'];
      case 'walk-in':
        return code === 'service_not_at_outlet' ? ['services', 'home'] : ['home'];
      case 'reprint':
        return ['home'];
    }
  }

  readonly #onAction = (event: CustomEvent<RefusalAction>): void => {
    const screen = this.screen;
    if (screen.name !== 'refused') return;
    const request = screen.request;
    switch (event.detail) {
      case 'retry':
        return void this.#issue(request);
      case 'home':
        return this.#reset();
      case 'id':
        if (request.kind === 'walk-in') return this.#go({ name: 'walk-in-id', service: request.service });
        return this.#go(request.kind === 'check-in' ? { name: 'check-in-id', pending: request.ref } : { name: 'check-in-id' });
      case 'appointment':
        return request.kind === 'check-in' ? this.#go({ name: 'check-in-appointment', id: request.id }) : this.#reset();
      case 'services':
        return this.#go({ name: 'walk-in-services' });
      case 'walk-in':
        // The card was read already: the walk-in needs only the service.
        void this.#loadWalkIns();
        return this.#go(request.kind === 'reprint' ? { name: 'walk-in-services' } : { name: 'walk-in-services', id: request.id });
    }
  };

  readonly #onChoose = (event: CustomEvent<StartChoice>): void => {
    if (this.#offline || this.busy) return;
    switch (event.detail) {
      case 'check-in':
        return this.#go({ name: 'check-in-id' });
      case 'walk-in':
        void this.#loadWalkIns();
        return this.#go({ name: 'walk-in-services' });
      case 'reprint':
        if (this.lastTicketId) void this.#issue({ kind: 'reprint', ticketId: this.lastTicketId });
    }
  };

  readonly #onCheckInId = (event: CustomEvent<AcceptedId>): void => {
    const screen = this.screen;
    if (screen.name !== 'check-in-id') return;
    if (screen.pending) void this.#issue({ kind: 'check-in', id: event.detail, ref: screen.pending });
    else this.#go({ name: 'check-in-appointment', id: event.detail });
  };

  readonly #onService = (event: CustomEvent<WalkInService>): void => {
    const screen = this.screen;
    if (screen.name !== 'walk-in-services') return;
    if (screen.id) void this.#issue({ kind: 'walk-in', id: screen.id, service: event.detail });
    else this.#go({ name: 'walk-in-id', service: event.detail });
  };

  /**
   * A line from the card reader or QR scanner (or the camera). It is taken wherever it makes sense:
   * an ID card or a voucher at the start starts check-in; on the appointment step a card replaces
   * the ID (another person stepped up) and anything else is the appointment.
   */
  async #onLine(text: string): Promise<void> {
    const scan = classifyScan(text);
    const screen = this.screen;
    switch (screen.name) {
      case 'start':
      case 'refused':
      case 'ticket':
        if (this.#offline) return;
        if (scan.kind === 'appointment') return this.#go({ name: 'check-in-id', pending: { appointmentNo: scan.value } });
        if (scan.kind === 'voucher') return this.#go({ name: 'check-in-id', pending: { voucherToken: scan.value } });
        this.#go({ name: 'check-in-id' });
        return (await this.#element<KioskIdEntry>('kiosk-id-entry'))?.take(text);
      case 'check-in-id':
        if (scan.kind === 'appointment') return this.#go({ name: 'check-in-id', pending: { appointmentNo: scan.value } });
        if (scan.kind === 'voucher') return this.#go({ name: 'check-in-id', pending: { voucherToken: scan.value } });
        return (await this.#element<KioskIdEntry>('kiosk-id-entry'))?.take(text);
      case 'check-in-appointment': {
        if (scan.kind !== 'id') return (await this.#element<KioskAppointmentEntry>('kiosk-appointment-entry'))?.take(scan);
        const checked = checkIdNumber(scan.value);
        if (checked.ok) return this.#go({ name: 'check-in-appointment', id: checked.id });
        this.#go({ name: 'check-in-id' });
        return (await this.#element<KioskIdEntry>('kiosk-id-entry'))?.take(text);
      }
      case 'walk-in-services': {
        // A card before the service: kept, and the service chosen next issues the ticket.
        const checked = scan.kind === 'id' ? checkIdNumber(scan.value) : undefined;
        if (checked?.ok) this.#go({ name: 'walk-in-services', id: checked.id });
        return;
      }
      case 'walk-in-id':
        if (scan.kind === 'id' || scan.kind === 'partial') (await this.#element<KioskIdEntry>('kiosk-id-entry'))?.take(text);
    }
  }

  async #element<T extends Element>(selector: string): Promise<T | undefined> {
    await this.updateComplete;
    return this.renderRoot.querySelector<T & Element>(selector) ?? undefined;
  }

  /**
   * Sends a check-in or walk-in (or fetches the ticket to reprint). Nothing else can be pressed
   * meanwhile; offline, nothing is sent. Both requests are idempotent on the server, so "try again"
   * after a lost answer gives the same ticket, never a second one.
   */
  async #issue(request: IssueRequest): Promise<void> {
    if (this.busy || this.#offline) return;
    this.busy = true;
    let result: ApiResult<IssuedTicket>;
    try {
      result = await this.#send(request);
    } finally {
      this.busy = false;
    }
    this.#idle.restart();
    if (!result.ok) {
      if (result.kind === 'offline') void this.#online.check();
      if (request.kind === 'reprint' && codeOf(result) === 'ticket_not_found') this.#rememberTicket(undefined);
      return this.#go({ name: 'refused', failure: result, request });
    }
    const { ticket, created } = result.data;
    if (request.kind === 'reprint') {
      this.#go({ name: 'ticket', ticket });
      return this.#print();
    }
    this.#rememberTicket(ticket);
    const note = created ? undefined : request.kind === 'check-in' ? SAME_CHECK_IN : SAME_WALK_IN;
    this.#go({ name: 'ticket', ticket, ...(note ? { note } : {}), maskedId: request.id.masked });
    // A new ticket is printed at once, as at any ticket machine; the same one again only on request.
    if (created) await this.#print();
  }

  async #send(request: IssueRequest): Promise<ApiResult<IssuedTicket>> {
    switch (request.kind) {
      case 'check-in':
        return checkIn({ idNumber: request.id.value, ...request.ref });
      case 'walk-in':
        return takeWalkIn({ idNumber: request.id.value, serviceId: request.service.id });
      case 'reprint': {
        const result = await fetchTicket(request.ticketId);
        return result.ok ? { ok: true, data: { ticket: result.data, created: false } } : result;
      }
    }
  }

  /**
   * Prints the ticket on screen. The lobby's kiosks run Chromium with `--kiosk-printing`, which sends
   * it straight to the default (thermal) printer without a dialog; headless browsers ignore it.
   */
  async #print(): Promise<void> {
    const view = await this.#element<KioskTicketView>('kiosk-ticket');
    if (!view) return;
    await view.ready();
    window.print();
  }

  async #confirmGreen(event: CustomEvent<KioskGreenRequest>): Promise<void> {
    const screen = this.screen;
    if (screen.name !== 'ticket' || !this.green || this.green.busy) return;
    this.green = { busy: true };
    const result = await grantGreen(screen.ticket.id, event.detail);
    if (this.screen !== screen) return; // idle or "done" took the screen away meanwhile
    if (!result.ok) {
      if (result.kind === 'offline') void this.#online.check();
      this.green = { busy: false, failure: result };
      return;
    }
    this.green = undefined;
    this.screen = { ...screen, ticket: result.data, note: NOW_GREEN };
  }

  async #loadWalkIns(): Promise<void> {
    const result = await fetchWalkInOptions();
    // Keep what was known when the network fails: the start screen says offline anyway.
    if (result.ok) this.walkIns = { status: 'ready', options: result.data };
    else if (this.walkIns.status !== 'ready' || result.kind !== 'offline') this.walkIns = { status: 'failed', failure: result };
  }

  #rememberTicket(ticket: KioskTicket | undefined): void {
    this.lastTicketId = ticket?.id;
    writeLastTicketId(this.lastTicketId);
  }

  #go(screen: Screen): void {
    this.#visit++;
    this.green = undefined;
    this.screen = screen;
    this.#idle.restart();
  }

  /** Back to the start screen, forgetting everything read or typed. */
  #reset(): void {
    this.#wedge.clear();
    this.#go({ name: 'start' });
    if (this.#device.state.phase === 'active' && !this.#offline) void this.#loadWalkIns();
  }

  #onIdle(): boolean {
    if (this.busy) return false; // a ticket is on its way: let it arrive, then wait again
    if (this.screen.name !== 'start' || this.green) this.#reset();
    else this.#wedge.clear();
    return true;
  }

  #pairAgain(): void {
    this.#device.pairAgain();
  }

  #retryConnection(): void {
    void this.#online.check();
  }
}

customElements.define('kiosk-app', KioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
