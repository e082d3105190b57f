/** What the display's panels share: the light-on-dark panel, its heading, the green-channel badge. */
import { css, html, nothing } from 'lit';

export const panelStyles = css`
  :host {
    display: block;
    min-height: 0;
  }
  .panel {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: 0;
    border-radius: 1.5vh;
    background: var(--lobby-surface);
    overflow: hidden;
  }
  h2 {
    margin: 0;
    padding: 1.4vh 1.6vw 0.6vh;
    font-size: 1.5em;
    line-height: 1.2;
    color: var(--lobby-accent);
  }
  .en {
    color: var(--lobby-muted);
    font-size: 0.6em;
    font-weight: normal;
  }
  h2 .en {
    margin-inline-start: 0.5em;
  }
  .number {
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.04em;
  }
  .green {
    display: inline-block;
    padding: 0.1em 0.45em;
    border-radius: 0.4em;
    font-size: 0.55em;
    font-weight: 700;
    letter-spacing: 0;
    vertical-align: middle;
    color: #04250f;
    background: var(--lobby-ok);
  }
  .empty {
    margin: auto;
    padding: 2vh 1vw;
    color: var(--lobby-muted);
    text-align: center;
  }
`;

/** The badge a green-channel ticket carries wherever its number is shown. */
export function greenBadge(green: boolean) {
  return green ? html`<span class="green" title="Green channel">绿色通道</span>` : nothing;
}
