/**
 * `<console-impact-preview>`: what a change does to existing bookings, shown before it is saved —
 * "此更改影响 3 个预约：" with examples, the server's advice and the notice it suggests — and the
 * buttons that confirm or drop it. Sends `console-confirm` and `console-cancel`; what else the panel
 * wants said about its change (slots closed, settings' effects) goes in as children.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { Impact, SuggestedNotice } from '../../common/admin.ts';
import { failureText } from '../../ui/api.ts';
import { hashOf } from '../../ui/hash-route-controller.ts';
import { LocaleController, t, type Text } from '../../ui/i18n.ts';
import '../../ui/status-view.ts';
import { theme } from '../../ui/theme.ts';
import { panelStyles } from '../console-styles.ts';
import { adminStyles } from './admin-styles.ts';
import type { ChangeState } from './change-controller.ts';

const NOTICE_KINDS: Record<SuggestedNotice['kind'], Text> = {
  info: { zh: '一般公告', en: 'General notice' },
  hours_change: { zh: '营业时间调整', en: 'Change of hours' },
  closure: { zh: '暂停办公', en: 'Closure' },
};

/** The link that opens a notice draft filled in as the server suggests. */
export function draftLink(notice: SuggestedNotice): string {
  const params: Record<string, string> = { kind: notice.kind };
  if (notice.outletId) params.outletId = notice.outletId;
  if (notice.effectiveFrom) params.from = notice.effectiveFrom;
  if (notice.effectiveTo) params.to = notice.effectiveTo;
  return hashOf(['notices'], params);
}

export class ConsoleImpactPreview extends LitElement {
  static override properties = { state: { attribute: false } };

  static override styles = [
    theme,
    panelStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      .preview {
        display: grid;
        gap: 0.6rem;
        padding: 0.75rem 1rem;
        border: 2px solid var(--lobby-primary);
        border-radius: 8px;
        background: #f4f8fd;
      }
      .preview.affects {
        border-color: #c77700;
        background: #fff8ec;
      }
      .count {
        margin: 0;
        font-size: 1.125rem;
        font-weight: 700;
      }
      ul {
        margin: 0;
        padding-inline-start: 1.25rem;
      }
      .saved {
        margin: 0;
      }
    `,
  ];

  declare state: ChangeState<{ impact: Impact }>;

  constructor() {
    super();
    new LocaleController(this);
    this.state = { status: 'idle' };
  }

  override render() {
    const state = this.state;
    switch (state.status) {
      case 'idle':
        return nothing;
      case 'previewing':
        return html`<lobby-status kind="loading" .text=${{ zh: '正在计算对已有预约的影响……', en: 'Working out the effect on bookings…' }}></lobby-status>`;
      case 'failed':
        return html`<p class="problem" role="alert">
          ${state.during === 'preview' ? t({ zh: '无法预览：', en: 'Could not preview: ' }) : t({ zh: '未保存：', en: 'Not saved: ' })}${t(failureText(state.failure))}
        </p>`;
      case 'saved':
        return html`<div class="notice saved" role="status">
          ${t({ zh: '已保存。', en: 'Saved.' })} ${this.#countSentence(state.answer.impact)}
          ${state.answer.impact.suggestedNotice ? this.#suggestion(state.answer.impact.suggestedNotice) : nothing}
        </div>`;
      case 'previewed':
      case 'saving':
        return this.#renderPreview(state.answer.impact, state.status === 'saving');
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    const before = changed.get('state') as ChangeState<unknown> | undefined;
    // The preview appears below a long form: bring it into sight, and put the keyboard on it, so
    // nobody confirms (or misses) what they have not seen.
    if (this.state.status === 'previewed' && before?.status !== 'previewed') {
      this.renderRoot.querySelector<HTMLElement>('.preview')?.focus();
    }
  }

  #renderPreview(impact: Impact, saving: boolean) {
    const more = impact.affectedBookings - impact.examples.length;
    return html`
      <section class="preview ${impact.affectedBookings > 0 ? 'affects' : ''}" tabindex="-1" aria-labelledby="preview-title" data-affected=${impact.affectedBookings}>
        <h3 id="preview-title">${t({ zh: '保存前预览', en: 'Preview before saving' })}</h3>
        <p class="count" role="status">${this.#countSentence(impact)}</p>
        ${impact.examples.length > 0
          ? html`<div class="table-wrap"><table>
              <thead><tr>
                <th scope="col">${t({ zh: '预约号', en: 'Appointment' })}</th>
                <th scope="col">${t({ zh: '日期', en: 'Date' })}</th>
                <th scope="col">${t({ zh: '时段', en: 'Slot' })}</th>
                <th scope="col">${t({ zh: '业务', en: 'Service' })}</th>
                <th scope="col">${t({ zh: '类型', en: 'Kind' })}</th>
              </tr></thead>
              <tbody>${impact.examples.map((b) => html`<tr>
                <td class="mono">${b.appointmentNo}</td><td>${b.date}</td><td>${b.startsAt}–${b.endsAt}</td><td>${t(b.service)}</td>
                <td>${t(b.kind === 'agency' ? { zh: '代办', en: 'Agency' } : { zh: '本人', en: 'Personal' })}</td>
              </tr>`)}</tbody>
            </table></div>
            ${more > 0 ? html`<p class="muted">${t({ zh: `另有 ${more} 个预约未列出。`, en: `${more} more not listed.` })}</p>` : nothing}`
          : nothing}
        ${impact.advice.length > 0 ? html`<ul>${impact.advice.map((line) => html`<li>${t(line)}</li>`)}</ul>` : nothing}
        ${impact.suggestedNotice ? this.#suggestion(impact.suggestedNotice) : nothing}
        <slot></slot>
        <div class="actions">
          <button type="button" ?disabled=${saving} @click=${this.#cancel}>${t({ zh: '取消', en: 'Cancel' })}</button>
          <button class="primary" type="button" ?disabled=${saving} aria-busy=${saving ? 'true' : 'false'} @click=${this.#confirm}>
            ${saving ? html`<span class="spinner" aria-hidden="true"></span>${t({ zh: '正在保存……', en: 'Saving…' })}` : t({ zh: '确认保存', en: 'Confirm and save' })}
          </button>
        </div>
      </section>
    `;
  }

  #countSentence(impact: Impact): string {
    return impact.affectedBookings === 0
      ? t({ zh: '此更改不影响任何已有预约。', en: 'This change affects no existing booking.' })
      : t({ zh: `此更改影响 ${impact.affectedBookings} 个预约（预约不会被取消）。`, en: `This change affects ${impact.affectedBookings} booking${impact.affectedBookings === 1 ? '' : 's'} (none is cancelled).` });
  }

  #suggestion(notice: SuggestedNotice) {
    const days = notice.effectiveFrom ? ` ${notice.effectiveFrom}${notice.effectiveTo && notice.effectiveTo !== notice.effectiveFrom ? `–${notice.effectiveTo}` : ''}` : '';
    return html`<p>
      ${t({ zh: `建议发布公告（${NOTICE_KINDS[notice.kind].zh}${days}），告知受影响的预约人。`, en: `Publish a notice (${NOTICE_KINDS[notice.kind].en}${days}) to tell the people affected.` })}
      <a href=${draftLink(notice)}>${t({ zh: '起草公告', en: 'Draft the notice' })}</a>
    </p>`;
  }

  #confirm(): void {
    this.dispatchEvent(new CustomEvent('console-confirm', { bubbles: true, composed: true }));
  }

  #cancel(): void {
    this.dispatchEvent(new CustomEvent('console-cancel', { bubbles: true, composed: true }));
  }
}

customElements.define('console-impact-preview', ConsoleImpactPreview);

declare global {
  interface HTMLElementTagNameMap {
    'console-impact-preview': ConsoleImpactPreview;
  }
}
