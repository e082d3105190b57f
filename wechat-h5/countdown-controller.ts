/**
 * Seconds left until something may happen again ("获取验证码" after 60 s). Counts towards a
 * deadline rather than down by ticks, so a phone that sleeps a while shows the right number on waking.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #deadline = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Whole seconds left; 0 when done. */
  get remaining(): number {
    return Math.max(0, Math.ceil((this.#deadline - Date.now()) / 1000));
  }

  start(seconds: number): void {
    this.#deadline = Date.now() + seconds * 1000;
    this.#run();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    if (this.remaining > 0) this.#run();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #run(): void {
    this.#stop();
    this.#timer = setInterval(() => {
      this.#host.requestUpdate();
      if (this.remaining === 0) this.#stop();
    }, 250);
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
