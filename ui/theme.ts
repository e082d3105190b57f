/**
 * The look every page shares. Colours are custom properties set on the document, so they reach
 * into every shadow root and a page can override them (the display is light on dark).
 */
import { css } from 'lit';

export const documentStyles = css`
  :root {
    /* Latin UI fonts first: they have no Chinese glyphs, so Chinese falls through to the CJK fonts. */
    --lobby-font: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'PingFang SC', 'Hiragino Sans GB',
      'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei',
      sans-serif;
    --lobby-text: #111111;
    --lobby-muted: #454545;
    --lobby-bg: #ffffff;
    --lobby-surface: #f1f4f8;
    --lobby-border: #5c6670;
    --lobby-primary: #0b4ea2;
    --lobby-on-primary: #ffffff;
    --lobby-ok: #0a6b2f;
    --lobby-danger: #b3001b;
    --lobby-focus: #0b4ea2;
    color-scheme: light;
  }

  html,
  body {
    margin: 0;
    height: 100%;
  }

  body {
    font-family: var(--lobby-font);
    line-height: 1.5;
    color: var(--lobby-text);
    background: var(--lobby-bg);
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
  }
`;

/** Put first in every element's `static styles`. */
export const theme = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 3px solid var(--lobby-focus);
    outline-offset: 3px;
  }

  [hidden] {
    display: none !important;
  }

  button {
    font: inherit;
    /* --lobby-touch: the smallest side of anything touched; the kiosk raises it. */
    min-width: var(--lobby-touch, 48px);
    min-height: var(--lobby-touch, 48px);
    padding: 0 1em;
    border: 2px solid var(--lobby-primary);
    border-radius: 8px;
    color: var(--lobby-primary);
    background: var(--lobby-bg);
    cursor: pointer;
    touch-action: manipulation;
  }

  button.primary {
    color: var(--lobby-on-primary);
    background: var(--lobby-primary);
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** Applies `documentStyles` to the page: the HTML carries no style of its own (strict CSP). */
export function adoptDocumentStyles(): void {
  const sheet = documentStyles.styleSheet;
  if (sheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
