/**
 * Where a page is, kept in the address's hash (`#reports/history`): a reload, the back button and a
 * bookmark all land on the same screen, and the server never sees the fragment, so one HTML file
 * serves every screen. The host re-renders when the hash changes.
 *
 *   readonly #route = new HashRouteController(this);
 *   const [tab = 'reports', view] = this.#route.path;   // ['reports', 'history']
 *   this.#route.go(['config', 'devices']);
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** `#a/b?x=1` → `{ path: ['a', 'b'], params: { x: '1' } }`; empty parts are dropped. */
export function parseHash(hash: string): { path: string[]; params: Record<string, string> } {
  const text = hash.replace(/^#\/?/, '');
  const [pathText = '', queryText = ''] = text.split('?', 2);
  const path = pathText.split('/').filter(Boolean).map(decodeURIComponent);
  return { path, params: Object.fromEntries(new URLSearchParams(queryText)) };
}

/** The hash for a path and optional params: `hashOf(['notices', 'new'], { kind: 'closure' })` → `#notices/new?kind=closure`. */
export function hashOf(path: readonly string[], params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#${path.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
}

export class HashRouteController implements ReactiveController {
  path: string[] = [];
  params: Record<string, string> = {};

  readonly #host: ReactiveControllerHost;
  readonly #onChange = (): void => {
    this.#read();
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
    this.#read();
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#onChange);
    this.#read();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onChange);
  }

  go(path: readonly string[], params: Record<string, string> = {}): void {
    const hash = hashOf(path, params);
    if (location.hash === hash) return;
    location.hash = hash; // fires hashchange, which re-reads and re-renders
  }

  #read(): void {
    const { path, params } = parseHash(location.hash);
    this.path = path;
    this.params = params;
  }
}
