/**
 * The current time, updated on each whole second. Chained timeouts aimed at the next second
 * (rather than `setInterval`) keep the shown seconds from drifting or skipping.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ClockController implements ReactiveController {
  now = new Date();

  readonly #host: ReactiveControllerHost;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#tick();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  readonly #tick = (): void => {
    this.now = new Date();
    this.#host.requestUpdate();
    this.#timer = setTimeout(this.#tick, 1000 - (this.now.getTime() % 1000));
  };
}

// Every office is in China; the zone is fixed so a screen whose system clock is set to UTC still
// shows local time.
const zone = 'Asia/Shanghai';

/** "2025年11月22日星期六" */
export const formatChineseDate = new Intl.DateTimeFormat('zh-CN', {
  timeZone: zone,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'long',
}).format;

/** "Saturday, 22 November 2025" */
export const formatEnglishDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'long',
}).format;

/** "09:05:07" */
export const formatTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: zone,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
}).format;
