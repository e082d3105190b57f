/** The look of the H5 page's form fields: a label, a 48px control, and the message under it. */
import { css } from 'lit';

export const formStyles = css`
  form {
    display: grid;
    gap: 1rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  input:not([type='file']) {
    width: 100%;
    min-height: 48px;
    padding: 0 0.75em;
    /* 16px and up: mobile browsers do not zoom into the field. */
    font: inherit;
    font-size: max(1rem, 16px);
    border: 1px solid var(--lobby-border);
    border-radius: 6px;
    background: var(--lobby-bg);
    color: var(--lobby-text);
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--lobby-danger);
  }
  .error,
  .ok,
  .hint {
    margin: 0;
    font-size: 0.875rem;
  }
  .error {
    color: var(--lobby-danger);
    font-weight: 600;
  }
  .ok {
    color: var(--lobby-ok);
  }
  .ok::before {
    content: '✓ ';
  }
  .hint {
    color: var(--lobby-muted);
  }
  button[type='submit'] {
    width: 100%;
  }
`;
