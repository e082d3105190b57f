/**
 * The look every kiosk element shares: big type, big targets, high contrast. Colours come from the
 * document (ui/theme.ts); `--lobby-touch` is raised to 64 px by `<kiosk-app>`.
 */
import { css } from 'lit';

export const kioskStyles = css`
  :host {
    display: block;
  }
  .first {
    display: block;
  }
  .other {
    display: block;
    font-size: 0.6em;
    font-weight: normal;
    line-height: 1.3;
  }
  h2 {
    margin: 0;
    font-size: 1.6em;
    line-height: 1.25;
  }
  p {
    margin: 0;
  }
  button {
    font-weight: 700;
    line-height: 1.2;
    padding: 0.4em 1em;
  }
  button:disabled {
    color: var(--lobby-muted);
    border-color: var(--lobby-muted);
    border-style: dashed;
    background: var(--lobby-surface);
    cursor: not-allowed;
  }
  button.primary:disabled {
    color: var(--lobby-surface);
    background: var(--lobby-muted);
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.6em;
  }
  .actions button {
    min-width: 8em;
  }
  .hint {
    color: var(--lobby-muted);
  }
  .problem {
    padding: 0.5em 0.8em;
    border-left: 0.3em solid var(--lobby-danger);
    color: var(--lobby-danger);
    background: #fff0f1;
    font-weight: 700;
    text-align: start;
  }
  .spinner {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    margin-inline-end: 0.4em;
    vertical-align: -0.1em;
    border: 0.15em solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
`;

/** The ID and appointment steps: on a landscape kiosk, the keypad beside what it types into, not below it. */
export const entryLayout = css`
  @media (orientation: landscape) {
    :host {
      grid-template-columns: minmax(0, 1fr) auto;
      column-gap: 1.5em;
      align-items: center;
    }
    :host > :not(kiosk-keypad) {
      grid-column: 1;
    }
    kiosk-keypad {
      grid-column: 2;
      grid-row: 1 / span 8;
    }
  }
`;
