/**
 * `<h5-notices>`: the published notices (通知公告) — closures and changed hours first catch the eye.
 * With `outletId`, only that outlet's own (shown where a day is chosen there). Says nothing at all
 * when there are none, so the screen stays short.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { NoticeView } from '../common/notices.ts';
import { LocaleController, t } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { fetchNotices } from './booking-api.ts';
import { h5Styles } from './h5-styles.ts';
import { LoadController } from './load-controller.ts';

const KIND_TEXT = {
  info: { zh: '通知', en: 'Notice' },
  hours_change: { zh: '调整办公时间', en: 'Changed hours' },
  closure: { zh: '暂停办公', en: 'Closed' },
} as const;

/** A notice written in Chinese only still shows in English mode, in Chinese. */
const say = (text: { zh: string; en: string }) => t(text) || text.zh;

export class H5Notices extends LitElement {
  static override properties = { outletId: {} };
  static override styles = [
    theme,
    h5Styles,
    css`
      article {
        display: grid;
        gap: 0.25rem;
        padding: 0.75rem 1rem;
        border-left: 4px solid var(--lobby-primary);
        background: var(--lobby-surface);
      }
      article.closure,
      article.hours_change {
        border-left-color: var(--lobby-danger);
      }
      .body {
        white-space: pre-line;
      }
    `,
  ];

  declare outletId: string | undefined;

  readonly #notices = new LoadController(this, () => fetchNotices(this.outletId));

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('outletId')) void this.#notices.reload();
  }

  override render() {
    return this.#notices.render((all) => {
      const notices = this.outletId ? all.filter((n) => n.outletId === this.outletId) : all;
      return notices.length === 0 ? nothing : html`
        <h2>${t({ zh: '通知公告', en: 'Notices' })}</h2>
        ${notices.map((notice) => this.#notice(notice))}
      `;
    });
  }

  #notice(notice: NoticeView) {
    const span = notice.effectiveFrom
      ? `${notice.effectiveFrom}${notice.effectiveTo && notice.effectiveTo !== notice.effectiveFrom ? ` – ${notice.effectiveTo}` : ''}`
      : '';
    const hours = notice.changedHours?.map((p) => `${p.open}–${p.close}`).join(', ');
    return html`
      <article class="notice ${notice.kind}">
        <h3><span class="badge">${t(KIND_TEXT[notice.kind])}</span> ${say(notice.title)}</h3>
        ${span ? html`<p class="muted">${span}${hours ? ` · ${hours}` : ''}</p>` : nothing}
        <p class="body">${say(notice.body)}</p>
      </article>
    `;
  }
}

customElements.define('h5-notices', H5Notices);

declare global {
  interface HTMLElementTagNameMap {
    'h5-notices': H5Notices;
  }
}
