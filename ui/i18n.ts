/**
 * The page language: Chinese by default, English on request, remembered per device.
 * Every user-facing string is a `Text` with both languages; `t({ zh: '取号', en: 'Take a number' })`
 * picks the current one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Locale = 'zh-CN' | 'en';

export interface Text {
  zh: string;
  en: string;
}

const STORAGE_KEY = 'lobby.locale';
const listeners = new Set<() => void>();
let current: Locale = readStoredLocale();

function readStoredLocale(): Locale {
  // Storage can throw (disabled cookies, some WebViews); the default is then the right answer.
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function locale(): Locale {
  return current;
}

export function t(text: Text): string {
  return current === 'en' ? text.en : text.zh;
}

export function setLocale(next: Locale): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered on this device; the switch still applies to this page.
  }
  syncDocumentLang();
  for (const listener of listeners) listener();
}

/** Keeps `<html lang>` true to the text shown, so screen readers pick the right voice. */
export function syncDocumentLang(): void {
  document.documentElement.lang = current;
}

/** Re-renders its host whenever the language changes. */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #update = (): void => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    listeners.add(this.#update);
  }

  hostDisconnected(): void {
    listeners.delete(this.#update);
  }
}
