/**
 * `<console-suspensions>`: citizens whose booking is suspended for no-shows now (masked), the no-show
 * days that count, and the day booking opens again; with the rule in force (N no-shows in M days
 * suspend for K days).
 */
import { LitElement, html } from 'lit';
import { suspensionList, type SuspensionList } from '../../common/admin.ts';
import { LocaleController, t } from '../../ui/i18n.ts';
import { theme } from '../../ui/theme.ts';
import { consoleRequest } from '../console-api.ts';
import { panelStyles } from '../console-styles.ts';
import { stillSignedIn } from '../session-guard.ts';
import { renderLoad, type Load } from './admin-data.ts';
import { adminStyles } from './admin-styles.ts';

export class ConsoleSuspensions extends LitElement {
  static override properties = { load: { state: true } };

  static override styles = [theme, panelStyles, adminStyles];

  declare load: Load<SuspensionList>;

  constructor() {
    super();
    new LocaleController(this);
    this.load = { status: 'loading' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="suspensions-title">
        <h2 id="suspensions-title">${t({ zh: '爽约暂停预约', en: 'Suspended for no-shows' })}</h2>
        ${renderLoad(this.load, this.reload, (list) => html`
          <p class="hint">${t({
            zh: `规则：${list.rule.noShowWindowDays} 天内爽约 ${list.rule.noShowLimit} 次，暂停预约 ${list.rule.noShowSuspensionDays} 天。`,
            en: `Rule: ${list.rule.noShowLimit} no-shows within ${list.rule.noShowWindowDays} days suspend booking for ${list.rule.noShowSuspensionDays} days.`,
          })}</p>
          ${list.suspensions.length === 0
            ? html`<lobby-status kind="empty" .text=${{ zh: '目前没有被暂停预约的市民', en: 'Nobody is suspended now' }}></lobby-status>`
            : html`<div class="table-wrap"><table>
                <thead><tr>
                  <th scope="col">${t({ zh: '姓名', en: 'Name' })}</th>
                  <th scope="col">${t({ zh: '身份证号', en: 'ID number' })}</th>
                  <th scope="col">${t({ zh: '手机号', en: 'Phone' })}</th>
                  <th scope="col">${t({ zh: '爽约日期', en: 'No-show days' })}</th>
                  <th scope="col">${t({ zh: '恢复预约日期', en: 'Booking opens again' })}</th>
                </tr></thead>
                <tbody>${list.suspensions.map((s) => html`<tr>
                  <td>${s.name}</td><td class="mono">${s.idNumber}</td><td class="mono">${s.phone}</td>
                  <td>${s.noShowDates.join('、')}</td><td>${s.until}</td>
                </tr>`)}</tbody>
              </table></div>`}
        `)}
      </section>
    `;
  }

  readonly reload = async (): Promise<void> => {
    const result = await consoleRequest('/api/admin/suspensions', { parse: (body) => suspensionList.parse(body) });
    if (!stillSignedIn(this, result)) return;
    this.load = result.ok ? { status: 'loaded', data: result.data } : { status: 'failed', failure: result };
  };
}

customElements.define('console-suspensions', ConsoleSuspensions);

declare global {
  interface HTMLElementTagNameMap {
    'console-suspensions': ConsoleSuspensions;
  }
}
