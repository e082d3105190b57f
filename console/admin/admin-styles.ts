/** The look the administration panels share: forms, tables and toolbars on a desktop screen. */
import { css } from 'lit';

export const adminStyles = css`
  :host {
    display: grid;
    gap: 1rem;
    align-content: start;
    /* A desktop with a mouse: smaller targets than the lobby's touch screens, still easy to hit. */
    --lobby-touch: 40px;
  }
  label.field {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
  label.field input,
  label.field select,
  label.field textarea {
    font-weight: normal;
  }
  label.check {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: normal;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-width: 0;
    min-height: 40px;
    padding: 0 0.6em;
    border: 1px solid var(--lobby-border);
    border-radius: 6px;
    color: var(--lobby-text);
    background: var(--lobby-bg);
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-height: auto;
    width: 1.1rem;
    height: 1.1rem;
  }
  textarea {
    width: 100%;
    min-height: 5em;
    padding: 0.5em 0.6em;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--lobby-danger);
  }
  .field-error {
    margin: 0;
    color: var(--lobby-danger);
    font-size: 0.875rem;
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--lobby-muted);
    font-size: 0.875rem;
    font-weight: normal;
  }
  .form-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
    gap: 0.75rem 1rem;
    align-items: start;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 1rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: flex-end;
    align-items: center;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid #d5dae0;
    text-align: start;
    vertical-align: top;
  }
  th {
    font-size: 0.875rem;
    color: var(--lobby-muted);
  }
  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  button {
    padding: 0 0.8em;
    border-width: 1px;
  }
  button.danger {
    border-color: var(--lobby-danger);
    color: var(--lobby-danger);
  }
  button.danger.primary {
    color: var(--lobby-on-primary);
    background: var(--lobby-danger);
  }
  a.button {
    display: inline-flex;
    align-items: center;
    min-height: 40px;
    padding: 0 0.8em;
    border: 1px solid var(--lobby-primary);
    border-radius: 8px;
    color: var(--lobby-primary);
    text-decoration: none;
  }
  .inactive {
    color: var(--lobby-muted);
  }
  .mono {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
  }
`;
