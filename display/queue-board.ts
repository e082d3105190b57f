/**
 * `<display-queues>`: each service group's queue — how many wait, the next numbers in calling order,
 * and for each service with people waiting, how many and about how long a newcomer waits.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { ServiceQueueSummary } from '../common/events.ts';
import type { GroupQueue } from '../ui/outlet-board.ts';
import { theme } from '../ui/theme.ts';
import { greenBadge, panelStyles } from './display-styles.ts';

/** Service lines a group shows, busiest first; a screen has only so many rows. */
const SERVICE_LINES = 3;

export class DisplayQueues extends LitElement {
  static override properties = { groups: { attribute: false } };

  static override styles = [
    theme,
    panelStyles,
    css`
      .groups {
        flex: 1;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 40%), 1fr));
        grid-auto-rows: 1fr;
        gap: 1.2vh 1vw;
        min-height: 0;
        padding: 0.6vh 1.2vw 1.4vh;
      }
      article {
        display: flex;
        flex-direction: column;
        gap: 0.8vh;
        min-height: 0;
        padding: 1vh 1vw;
        border-radius: 1vh;
        background: rgb(255 255 255 / 0.06);
        overflow: hidden;
      }
      h3 {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        column-gap: 0.5em;
        margin: 0;
        font-size: 1.05em;
        line-height: 1.2;
        white-space: nowrap;
      }
      .prefix {
        padding: 0 0.35em;
        border-radius: 0.3em;
        color: var(--lobby-bg);
        background: var(--lobby-text);
      }
      h3 .en {
        flex-basis: 100%;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .waiting {
        margin: 0;
        font-size: 0.9em;
      }
      .waiting strong {
        font-size: 1.3em;
        color: var(--lobby-accent);
      }
      .next {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6vh 0.6vw;
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 1.35em;
      }
      .next li {
        padding: 0.1em 0.4em;
        border-radius: 0.3em;
        background: rgb(255 255 255 / 0.12);
      }
      .services {
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 0.8em;
        color: var(--lobby-muted);
      }
      .services li {
        display: flex;
        justify-content: space-between;
        gap: 1em;
      }
      .services .name {
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      .services .figures {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      .quiet {
        margin: 0;
        color: var(--lobby-muted);
        font-size: 0.85em;
      }
    `,
  ];

  declare groups: GroupQueue[];

  constructor() {
    super();
    this.groups = [];
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="queues">
        <h2 id="queues">等候队列<span class="en" lang="en">Waiting</span></h2>
        <div class="groups">${this.groups.map((group) => this.#group(group))}</div>
      </section>
    `;
  }

  #group(group: GroupQueue) {
    const busy = group.services.filter((s) => s.waiting > 0).sort((a, b) => b.waiting - a.waiting);
    return html`
      <article data-group=${group.groupId}>
        <h3><span class="prefix">${group.prefix}</span> ${group.group.zh} <span class="en" lang="en">${group.group.en}</span></h3>
        ${group.waiting === 0
          ? html`<p class="quiet">无人等候 <span lang="en">· No one waiting</span></p>`
          : html`
              <p class="waiting">等候 <strong>${group.waiting}</strong> 人 <span class="en" lang="en">waiting</span></p>
              <ol class="next" aria-label="下一位 Next">
                ${group.next.map((t) => html`<li><span class="number">${t.number}</span> ${greenBadge(t.green)}</li>`)}
              </ol>
              <ul class="services">
                ${busy.slice(0, SERVICE_LINES).map((s) => this.#service(s))}
                ${busy.length > SERVICE_LINES ? html`<li>… 另有 ${busy.length - SERVICE_LINES} 项业务 <span lang="en">and ${busy.length - SERVICE_LINES} more</span></li>` : nothing}
              </ul>
            `}
      </article>
    `;
  }

  #service(service: ServiceQueueSummary) {
    return html`
      <li data-service=${service.serviceId}>
        <span class="name">${service.name.zh}</span>
        <span class="figures">${service.waiting} 人 · 约 ${service.estimatedWaitMinutes} 分钟</span>
      </li>
    `;
  }
}

customElements.define('display-queues', DisplayQueues);

declare global {
  interface HTMLElementTagNameMap {
    'display-queues': DisplayQueues;
  }
}
