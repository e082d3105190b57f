/**
 * Keyboard shortcuts of the counter screen: each command has a function key and a letter (`F1` or
 * `N` calls the next ticket). A clerk works the whole day with one hand on the keyboard, so the keys
 * must be safe: they do nothing while the clerk types in a field or while a dialog is open, with a
 * modifier held (Ctrl+R stays the browser's), or when the key repeats because it is held down.
 *
 * F1 (help) and F5 (reload) are the browser's by default; while the counter screen is shown they are
 * always taken from it, even when the shortcut itself is not allowed: reloading the page in the middle
 * of a note is never what the clerk meant.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { anyModalOpen } from './modal-controller.ts';

export interface Shortcut<C extends string> {
  command: C;
  /** `KeyboardEvent.key` values: a function key (`'F1'`) and a letter, lower case (`'n'`). */
  keys: readonly string[];
}

export interface ShortcutOptions<C extends string> {
  shortcuts: readonly Shortcut<C>[];
  /** Runs the command; called only when the key is allowed. */
  run: (command: C) => void;
  /** Whether the host takes keys at all right now (e.g. not while its own overlay is shown). */
  enabled?: () => boolean;
}

const FUNCTION_KEY = /^F\d{1,2}$/;

export class ShortcutsController<C extends string> implements ReactiveController {
  readonly #options: ShortcutOptions<C>;

  constructor(host: ReactiveControllerHost, options: ShortcutOptions<C>) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKeyDown);
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const key = FUNCTION_KEY.test(event.key) ? event.key : event.key.toLowerCase();
    const shortcut = this.#options.shortcuts.find((s) => s.keys.includes(key));
    // Handled already, e.g. by a dialog's own keys.
    if (!shortcut || event.defaultPrevented) return;
    if (FUNCTION_KEY.test(key)) event.preventDefault();
    if (event.repeat || anyModalOpen() || isTyping(event) || this.#options.enabled?.() === false) return;
    event.preventDefault();
    this.#options.run(shortcut.command);
  };
}

/** Whether the key goes into a field: the event's real target, inside any shadow root. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}

/** How a shortcut is written on its button: `F1 / N`. */
export function shortcutLabel(keys: readonly string[]): string {
  return keys.map((k) => k.toUpperCase()).join(' / ');
}
