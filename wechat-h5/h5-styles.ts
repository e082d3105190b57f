/** The pieces of look the booking screens share: headings, cards, choice lists, problems, link buttons. */
import { css } from 'lit';

export const h5Styles = css`
  :host {
    display: grid;
    gap: 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  h3 {
    margin: 0;
    font-size: 1.0625rem;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--lobby-muted);
    font-size: 0.9375rem;
  }
  .card {
    display: grid;
    gap: 0.5rem;
    padding: 1rem;
    border-radius: 8px;
    background: var(--lobby-surface);
  }
  ul.choices {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ul.choices button,
  a.choice {
    display: grid;
    gap: 0.25rem;
    width: 100%;
    padding: 0.75rem 1rem;
    text-align: left;
    color: var(--lobby-text);
    text-decoration: none;
    border: 2px solid var(--lobby-border);
    border-radius: 8px;
    background: var(--lobby-bg);
  }
  ul.choices button:disabled {
    color: var(--lobby-muted);
    border-style: dashed;
    background: var(--lobby-surface);
    cursor: not-allowed;
  }
  .choice-title {
    font-weight: 600;
    font-size: 1.0625rem;
  }
  .problem {
    display: grid;
    gap: 0.5rem;
    padding: 0.75em 1em;
    border-left: 4px solid var(--lobby-danger);
    color: var(--lobby-danger);
    background: #fff0f1;
    font-weight: 600;
  }
  .actions {
    display: grid;
    gap: 0.75rem;
  }
  a.button {
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: 48px;
    padding: 0 1em;
    border: 2px solid var(--lobby-primary);
    border-radius: 8px;
    color: var(--lobby-primary);
    background: var(--lobby-bg);
    font-weight: 600;
    text-decoration: none;
  }
  .back {
    justify-self: start;
  }
  a.button.primary {
    color: var(--lobby-on-primary);
    background: var(--lobby-primary);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.375rem 1rem;
    margin: 0;
  }
  dt {
    color: var(--lobby-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 4px;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--lobby-on-primary);
    background: var(--lobby-primary);
  }
  .badge.cancelled,
  .badge.no_show {
    background: var(--lobby-muted);
  }
  .badge.checked_in {
    background: var(--lobby-ok);
  }
`;
