/**
 * `<h5-booking-flow>`: a new booking, one step a screen — personal or agency → service → outlet →
 * day → time → business details → confirm. "Back" goes one step back and keeps what was chosen;
 * a refusal can send the citizen back to the step that fixes it. On success the page opens the voucher.
 */
import { LitElement, css, html } from 'lit';
import type { BookingSummary, OutletDetail, ServiceSummary } from '../common/booking.ts';
import { BOOKING_KIND_TEXT, dayText } from '../common/booking-ui.ts';
import type { Agency } from '../common/firms.ts';
import { LocaleController, t, type Text } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { submitBooking } from './booking-api.ts';
import './confirm-step.ts';
import type { ConfirmLine } from './confirm-step.ts';
import './date-step.ts';
import './details-step.ts';
import { h5Styles } from './h5-styles.ts';
import './kind-step.ts';
import type { KindPick } from './kind-step.ts';
import './outlet-step.ts';
import type { GotoStep } from './refusal-view.ts';
import { navigate } from './route.ts';
import './service-step.ts';
import './slot-step.ts';
import type { SlotView } from './slot-step.ts';

const STEPS = ['kind', 'service', 'outlet', 'date', 'slot', 'details', 'confirm'] as const;
type Step = (typeof STEPS)[number];

interface Draft {
  kind?: KindPick['kind'];
  agency?: Agency | undefined;
  service?: ServiceSummary;
  outlet?: OutletDetail;
  date?: string;
  slot?: SlotView;
  details: Record<string, string>;
}

export class H5BookingFlow extends LitElement {
  static override properties = { csrfToken: {}, step: { state: true }, draft: { state: true } };

  static override styles = [
    theme,
    h5Styles,
    css`
      .bar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
    `,
  ];

  declare csrfToken: string;
  declare step: Step;
  declare draft: Draft;

  constructor() {
    super();
    new LocaleController(this);
    this.step = 'kind';
    this.draft = { details: {} };
  }

  override render() {
    const index = STEPS.indexOf(this.step);
    return html`
      <div class="bar">
        <button type="button" class="back" @click=${this.#back}>${t({ zh: '‹ 上一步', en: '‹ Back' })}</button>
        <span class="muted step-count" aria-live="polite">${t({ zh: `第 ${index + 1} 步，共 ${STEPS.length} 步`, en: `Step ${index + 1} of ${STEPS.length}` })}</span>
      </div>
      <div @h5-goto=${this.#goto}>${this.#renderStep()}</div>
    `;
  }

  #renderStep() {
    const { service, outlet, date } = this.draft;
    switch (this.step) {
      case 'kind':
        return html`<h5-kind-step @h5-pick=${(e: CustomEvent<KindPick>) => this.#next({ kind: e.detail.kind, agency: e.detail.agency })}></h5-kind-step>`;
      case 'service':
        return html`<h5-service-step @h5-pick=${(e: CustomEvent<ServiceSummary>) => this.#next({ service: e.detail })}></h5-service-step>`;
      case 'outlet':
        return html`<h5-outlet-step .service=${service!} @h5-pick=${(e: CustomEvent<OutletDetail>) => this.#next({ outlet: e.detail })}></h5-outlet-step>`;
      case 'date':
        return html`<h5-date-step serviceId=${service!.id} outletId=${outlet!.id} @h5-pick=${(e: CustomEvent<string>) => this.#next({ date: e.detail })}></h5-date-step>`;
      case 'slot':
        return html`<h5-slot-step serviceId=${service!.id} outletId=${outlet!.id} date=${date!} @h5-pick=${(e: CustomEvent<SlotView>) => this.#next({ slot: e.detail })}></h5-slot-step>`;
      case 'details':
        return html`<h5-details-step .details=${this.draft.details} @h5-pick=${(e: CustomEvent<Record<string, string>>) => this.#next({ details: e.detail })}></h5-details-step>`;
      case 'confirm':
        return html`<h5-confirm-step .lines=${this.#lines()} .submit=${this.#submit} @h5-booked=${this.#booked}></h5-confirm-step>`;
    }
  }

  #lines(): ConfirmLine[] {
    const { kind, agency, service, outlet, date, slot, details } = this.draft;
    const plain = (text: string): Text => ({ zh: text, en: text });
    const lines: ConfirmLine[] = [
      { label: { zh: '办理方式', en: 'For' }, value: agency ? plain(`${BOOKING_KIND_TEXT.agency.zh} · ${agency.firm.name}`) : BOOKING_KIND_TEXT[kind ?? 'personal'] },
      { label: { zh: '业务', en: 'Service' }, value: service!.name },
      { label: { zh: '办理点', en: 'Outlet' }, value: outlet!.name },
      { label: { zh: '地址', en: 'Address' }, value: outlet!.address },
      { label: { zh: '日期', en: 'Day' }, value: dayText(date!) },
      { label: { zh: '时段', en: 'Time' }, value: plain(`${slot!.startsAt}–${slot!.endsAt}`) },
    ];
    if (details.plate) lines.push({ label: { zh: '号牌号码', en: 'Plate' }, value: plain(details.plate) });
    if (details.note) lines.push({ label: { zh: '备注', en: 'Note' }, value: plain(details.note) });
    return lines;
  }

  readonly #submit = (idempotencyKey: string) => {
    const { kind, agency, service, outlet, slot, details } = this.draft;
    return submitBooking({
      kind: kind ?? 'personal',
      serviceId: service!.id,
      outletId: outlet!.id,
      slotId: slot!.id,
      details,
      idempotencyKey,
      ...(agency ? { agentId: agency.agentId } : {}),
    }, this.csrfToken);
  };

  #next(change: Partial<Draft>): void {
    this.draft = { ...this.draft, ...change };
    this.step = STEPS[STEPS.indexOf(this.step) + 1] ?? 'confirm';
    window.scrollTo(0, 0);
  }

  #back(): void {
    const index = STEPS.indexOf(this.step);
    if (index === 0) navigate({ name: 'home' });
    else this.step = STEPS[index - 1]!;
  }

  #goto(event: CustomEvent<GotoStep>): void {
    this.step = event.detail;
  }

  #booked(event: CustomEvent<BookingSummary>): void {
    // The voucher replaces the flow in the history: "back" from it must not resubmit.
    navigate({ name: 'voucher', id: event.detail.id }, { replace: true });
  }
}

customElements.define('h5-booking-flow', H5BookingFlow);

declare global {
  interface HTMLElementTagNameMap {
    'h5-booking-flow': H5BookingFlow;
  }
}
