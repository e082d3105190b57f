/**
 * The kiosk forgets: when nobody has touched the screen or typed for a while, the person has left,
 * and what they typed (an ID number) must not wait there for the next one. Any touch, click or key
 * anywhere on the page starts the wait again.
 *
 *   new IdleController(this, { seconds: KIOSK_IDLE_SECONDS, onIdle: () => this.reset() });
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface IdleOptions {
  seconds: number;
  /** Called once per quiet spell. Return false to be asked again after another full wait (a request on its way). */
  onIdle: () => boolean | void;
}

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

export class IdleController implements ReactiveController {
  readonly #options: IdleOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: IdleOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of ACTIVITY) document.addEventListener(type, this.#restart, { capture: true, passive: true });
    this.#restart();
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) document.removeEventListener(type, this.#restart, { capture: true });
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Starts the wait again, as a touch would (e.g. when a ticket appears after a slow request). */
  readonly #restart = (): void => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.#expire, this.#options.seconds * 1000);
  };

  restart(): void {
    this.#restart();
  }

  readonly #expire = (): void => {
    this.#timer = undefined;
    if (this.#options.onIdle() === false) this.#restart();
  };
}
