/**
 * Input from "keyboard wedge" devices: the ID-card reader and the QR scanner type what they read,
 * then press Enter. They type whatever has focus — usually nothing, or a keypad button just
 * touched — so this listens on the whole document, gathers the characters, and hands the line over
 * on Enter. The keys it takes are kept from the page: an Enter reaching a focused keypad button
 * would press it once more.
 *
 *   new WedgeController(this, { accepting: () => this.screen.name !== 'ticket', onLine: (text) => ... });
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface WedgeOptions {
  /** Whether a line would be used now; keys are left alone otherwise (a dialog's own keypad, a request on its way). */
  accepting: () => boolean;
  onLine: (text: string) => void;
  /** A pause longer than this starts a new line: stray keys never glue onto the next card. */
  gapMs?: number;
}

/** A voucher token is a few hundred characters at most; anything longer is not a scan. */
const MAX_LINE = 600;

export class WedgeController implements ReactiveController {
  readonly #options: WedgeOptions;
  readonly #gapMs: number;
  #buffer = '';
  #lastKeyAt = 0;

  constructor(host: ReactiveControllerHost, options: WedgeOptions) {
    this.#options = options;
    this.#gapMs = options.gapMs ?? 1_500;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKeyDown, { capture: true });
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKeyDown, { capture: true });
    this.clear();
  }

  /** Forgets a half-read line (the kiosk went back to its start screen). */
  clear(): void {
    this.#buffer = '';
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (!this.#options.accepting()) {
      this.clear();
      return;
    }
    if (event.timeStamp - this.#lastKeyAt > this.#gapMs) this.#buffer = '';
    this.#lastKeyAt = event.timeStamp;

    if (event.key === 'Enter') {
      if (this.#buffer.length === 0) return; // a person pressing Enter on a focused button: theirs
      event.preventDefault();
      const line = this.#buffer;
      this.#buffer = '';
      this.#options.onLine(line);
      return;
    }
    if (event.key === 'Backspace' && this.#buffer.length > 0) {
      event.preventDefault();
      this.#buffer = this.#buffer.slice(0, -1);
      return;
    }
    if (event.key.length !== 1) return;
    // A space that starts a line is a person pressing a focused button; inside a line it is the device's.
    if (event.key === ' ' && this.#buffer.length === 0) return;
    event.preventDefault();
    if (this.#buffer.length < MAX_LINE) this.#buffer += event.key;
  };
}
