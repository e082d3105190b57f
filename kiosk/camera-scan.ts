/**
 * `<kiosk-camera-scan>`: reads the voucher's QR code with the kiosk's camera, where the browser has
 * `BarcodeDetector` (feature-detected: `cameraScanAvailable()`; the button is offered only then).
 * Sends `kiosk-scan` with the text read, once, and `kiosk-camera-close` when the person gives up.
 */
import { LitElement, css, html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { LocaleController } from '../ui/i18n.ts';
import { theme } from '../ui/theme.ts';
import { both } from './bilingual.ts';
import { kioskStyles } from './kiosk-styles.ts';

/** The part of the Shape Detection API used here (not in TypeScript's DOM library yet). */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorConstructor | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
}

export function cameraScanAvailable(): boolean {
  return detectorClass() !== undefined && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

type CameraState = 'starting' | 'watching' | 'failed';

/** The camera's lifetime: opened when the element shows, every track stopped when it goes. */
class CameraController implements ReactiveController {
  state: CameraState = 'starting';

  readonly #host: ReactiveControllerHost;
  readonly #video: () => HTMLVideoElement | null;
  readonly #onRead: (text: string) => void;
  #stream: MediaStream | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;

  constructor(host: ReactiveControllerHost, video: () => HTMLVideoElement | null, onRead: (text: string) => void) {
    this.#host = host;
    this.#video = video;
    this.#onRead = onRead;
    host.addController(this);
  }

  hostConnected(): void {
    this.#running = true;
    void this.#start();
  }

  hostDisconnected(): void {
    this.#running = false;
    clearTimeout(this.#timer);
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = undefined;
  }

  async #start(): Promise<void> {
    const Detector = detectorClass();
    try {
      if (!Detector) throw new Error('BarcodeDetector is missing');
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (!this.#running) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      this.#stream = stream;
      await this.#host.updateComplete;
      const video = this.#video();
      if (!video) throw new Error('no video element');
      video.srcObject = stream;
      await video.play();
      this.#set('watching');
      this.#look(new Detector({ formats: ['qr_code'] }), video);
    } catch {
      if (this.#running) this.#set('failed');
    }
  }

  /** A few looks a second: enough for a code held still, light on a kiosk's small processor. */
  #look(detector: BarcodeDetectorLike, video: HTMLVideoElement): void {
    this.#timer = setTimeout(async () => {
      if (!this.#running) return;
      const found = await detector.detect(video).catch(() => []);
      const text = found[0]?.rawValue;
      if (!this.#running) return;
      if (text) this.#onRead(text);
      else this.#look(detector, video);
    }, 250);
  }

  #set(state: CameraState): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}

export class KioskCameraScan extends LitElement {
  static override styles = [
    theme,
    kioskStyles,
    css`
      :host {
        display: grid;
        justify-items: center;
        gap: 0.5em;
      }
      video {
        width: min(28em, 80vw);
        aspect-ratio: 4 / 3;
        border: 3px solid var(--lobby-border);
        border-radius: 8px;
        background: #000;
        object-fit: cover;
      }
    `,
  ];

  readonly #camera = new CameraController(
    this,
    () => this.renderRoot.querySelector('video'),
    (text) => this.dispatchEvent(new CustomEvent<string>('kiosk-scan', { detail: text, bubbles: true, composed: true })),
  );

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const state = this.#camera.state;
    return html`
      <video muted playsinline ?hidden=${state === 'failed'}></video>
      ${state === 'failed'
        ? html`<p class="problem" role="alert">${both({ zh: '无法打开摄像头，请用扫码口或键盘输入预约号。', en: 'The camera cannot be opened. Use the scanner or type the number.' })}</p>`
        : html`<p class="hint">${both({ zh: '请将预约二维码对准摄像头', en: 'Hold the voucher QR code up to the camera' })}</p>`}
      <button type="button" class="close" @click=${this.#close}>${both({ zh: '关闭摄像头', en: 'Close the camera' })}</button>
    `;
  }

  #close(): void {
    this.dispatchEvent(new CustomEvent('kiosk-camera-close', { bubbles: true, composed: true }));
  }
}

customElements.define('kiosk-camera-scan', KioskCameraScan);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-camera-scan': KioskCameraScan;
  }
}
