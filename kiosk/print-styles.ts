/**
 * The paper: 80 mm thermal roll, no margins (the printer keeps its own). `@page` only counts in a
 * document-level sheet, so this one is adopted by the page itself (like ui/theme.ts's document
 * styles: a strict CSP allows no inline style). What is printed — the ticket alone — is decided
 * inside the elements' shadow roots by their own `@media print` rules.
 *
 * A roll has no page length, but CSS has no "as long as the content" (`size: 80mm auto` is invalid
 * and Chromium drops it): the page is 200 mm, longer than the longest ticket (the browser test
 * checks that one fits), and a receipt printer's driver set to cut after the content feeds no
 * further than the last printed line.
 */
import { css } from 'lit';

export const printStyles = css`
  @page {
    size: 80mm 200mm;
    margin: 0;
  }

  @media print {
    html,
    body {
      width: 80mm;
      height: auto;
      color: #000;
      background: #fff;
    }
  }
`;

export function adoptPrintStyles(): void {
  const sheet = printStyles.styleSheet;
  if (sheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
