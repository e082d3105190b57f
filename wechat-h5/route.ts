/**
 * Where a registered citizen is on the page, kept in the address's fragment (`#/bookings`,
 * `#/voucher/<id>`), so the phone's back gesture goes back a screen instead of leaving the page,
 * and a voucher can be reopened from WeChat's history.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type H5Route =
  | { name: 'home' }
  | { name: 'book' }
  | { name: 'bookings' }
  /** Acting for firms: the citizen's agencies, applying, uploading the power of attorney. */
  | { name: 'firms' }
  | { name: 'voucher'; id: string }
  | { name: 'reschedule'; id: string }
  /** A ticket followed from its QR code: public by the token, no sign-in. */
  | { name: 'ticket'; token: string };

const ID = /^[0-9a-f-]{36}$/i;
/** A ticket's follow token (base64url), as its QR code carries it; the server tells a wrong one. */
const FOLLOW_TOKEN = /^[\w-]{1,64}$/;

/** `parseRoute('#/voucher/<uuid>')` → `{ name: 'voucher', id: '<uuid>' }`; anything unknown is home. */
export function parseRoute(hash: string): H5Route {
  const [name, id = ''] = hash.replace(/^#\/?/, '').split('/');
  if (name === 'book') return { name: 'book' };
  if (name === 'bookings') return { name: 'bookings' };
  if (name === 'firms') return { name: 'firms' };
  if ((name === 'voucher' || name === 'reschedule') && ID.test(id)) return { name, id };
  if (name === 'ticket' && FOLLOW_TOKEN.test(id)) return { name, token: id };
  return { name: 'home' };
}

export function routeHref(route: H5Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'book':
    case 'bookings':
    case 'firms':
      return `#/${route.name}`;
    case 'voucher':
    case 'reschedule':
      return `#/${route.name}/${route.id}`;
    case 'ticket':
      return `#/ticket/${route.token}`;
  }
}

/** Goes to `route`; `replace` keeps the current screen out of the history (after a booking is made). */
export function navigate(route: H5Route, options: { replace?: boolean } = {}): void {
  const href = routeHref(route);
  if (options.replace) {
    window.history.replaceState(window.history.state, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}

/** The current route, re-rendering its host when the fragment changes. */
export class RouteController implements ReactiveController {
  route: H5Route = parseRoute(window.location.hash);

  readonly #host: ReactiveControllerHost;
  readonly #onChange = (): void => {
    this.route = parseRoute(window.location.hash);
    this.#host.requestUpdate();
    window.scrollTo(0, 0);
  };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#onChange);
    this.#onChange();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onChange);
  }
}
