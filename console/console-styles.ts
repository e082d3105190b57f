/** What the console's panels share: their frame, and how a notice or a problem is said. */
import { css } from 'lit';

export const panelStyles = css`
  .panel {
    padding: 1.25rem 1.5rem;
    border: 1px solid var(--lobby-border);
    border-radius: 8px;
    background: var(--lobby-bg);
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.375rem;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
  }
  .notice,
  .problem {
    margin: 0.75rem 0 0;
    padding: 0.6em 1em;
    border-left: 4px solid;
    font-weight: 600;
  }
  .notice {
    border-color: var(--lobby-ok);
    color: var(--lobby-ok);
  }
  .problem {
    border-color: var(--lobby-danger);
    color: var(--lobby-danger);
    background: #fff0f1;
  }
  .muted {
    color: var(--lobby-muted);
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge.green {
    color: var(--lobby-on-primary);
    background: var(--lobby-ok);
    border-color: var(--lobby-ok);
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  button[aria-busy='true']:disabled {
    opacity: 1;
  }
  .spinner {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    margin-inline-end: 0.4em;
    border: 0.15em solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    vertical-align: -0.1em;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
`;

/** A native `<dialog>` opened with `showModal()`: focus stays inside, Escape cancels. */
export const dialogStyles = css`
  dialog {
    width: min(32rem, calc(100vw - 2rem));
    padding: 1.25rem 1.5rem;
    border: 1px solid var(--lobby-border);
    border-radius: 10px;
    color: var(--lobby-text);
    background: var(--lobby-bg);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  fieldset {
    display: grid;
    gap: 0.4rem;
    margin: 0 0 1rem;
    padding: 0;
    border: 0;
  }
  legend {
    margin-bottom: 0.5rem;
    font-weight: 600;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    min-height: 44px;
    padding: 0 0.75rem;
    border: 1px solid var(--lobby-border);
    border-radius: 6px;
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-width: 2px;
    border-color: var(--lobby-primary);
    background: #eaf1fb;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
  textarea {
    font: inherit;
    width: 100%;
    min-height: 4.5em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--lobby-border);
    border-radius: 6px;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.75rem;
    margin-top: 1rem;
  }
`;
